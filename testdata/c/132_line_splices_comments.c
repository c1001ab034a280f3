#include <stdio.h>

#define LONG_MACRO(a, b) \
    ((a) +               \
     (b))

int main(void)
{
    int val\
ue = 4;                          /* identifier split by backslash-newline */
    printf("%d\n", value);
    const char *s = "spl\
iced string";
    printf("%s\n", s);
    printf("%d\n", LONG_MACRO(1, 2));
    int x = 1 /* comment between tokens */ + /**/ 2;
    printf("%d\n", x);
    // a line comment with a continuation \
    printf("this line is part of the comment\n");
    printf("after comment\n");
    int y = 10 //* division or comment? In C99+ this is a comment
        / 2;
    printf("%d\n", y);
    int z = 8 /**/ / /**/ 2;
    printf("%d\n", z);
    printf("%s\n", "// not a comment" " /* nor this */");
    char c = '/'; char d = '*';
    printf("%c%c\n", c, d);
    int a\
r\
r[2] = { 5, 6 };
    printf("%d\n", arr[1]);
    printf("%d\n", 1\
2\
3);
    return 0;
}
