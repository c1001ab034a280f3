#include <stdio.h>

int main(void)
{
    printf("hello, world\n");
    puts("second line");
    fputs("third line\n", stdout);
    putchar('!');
    putchar('\n');
    return 0;
}
