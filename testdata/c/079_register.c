#include <stdio.h>

static int sum_array(register const int *p, register int n)
{
    register int s = 0;
    while (n--) s += *p++;
    return s;
}

static unsigned hash(const char *str)
{
    register unsigned h = 5381;
    register int c;
    while ((c = (unsigned char)*str++)) h = ((h << 5) + h) + (unsigned)c;
    return h;
}

int main(void)
{
    register int i;
    int data[10];
    for (i = 0; i < 10; i++) data[i] = i * i;
    printf("%d\n", sum_array(data, 10));
    printf("%u\n", hash("register"));
    register struct { int a, b; } rs = { 1, 2 };
    printf("%d\n", rs.a + rs.b);
    register double rd = 2.5;
    rd *= 4;
    printf("%.1f\n", rd);
    register char rc = 'r';
    printf("%c\n", rc);
    for (register int k = 0; k < 2; k++) printf("k=%d\n", k);
    return 0;
}
