#include <stdio.h>

int x = 1;
struct tag { int a; };

static int use_global(void) { return x; }

int main(void)
{
    printf("%d\n", x);
    int x = 2;
    printf("%d %d\n", x, use_global());
    {
        int x = 3;
        printf("%d\n", x);
        {
            extern int x;               /* refers to the file-scope x again */
            printf("%d\n", x);
        }
        x++;
        printf("%d\n", x);
    }
    printf("%d\n", x);
    struct tag t1 = { 10 };
    {
        struct tag { double b; int a; };   /* new struct type shadows outer tag */
        struct tag t2 = { 1.5, 20 };
        printf("%d %.1f %zu\n", t2.a, t2.b, sizeof t2);
    }
    struct tag t3 = { 30 };
    printf("%d %d %zu\n", t1.a, t3.a, sizeof t3);
    for (int x = 0; x < 2; x++) {
        int y = x * 10;
        for (int x = 5; x < 6; x++) printf("inner %d %d\n", x, y);
    }
    if (x == 2) {
        int x = 99;
        printf("if-scope %d\n", x);
    }
    int i = 100;
    for (int i = 0; i < 1; i++) printf("loop i %d\n", i);
    printf("after loop i %d\n", i);
    enum { x_enum = 5 };
    {
        int x_enum = 6;
        printf("%d\n", x_enum);
    }
    printf("%d\n", x_enum);
    int same = 1;
    { int same = sizeof same; printf("%d\n", same); }   /* inner same is in scope in its own initializer */
    printf("%d\n", same);
    return 0;
}
