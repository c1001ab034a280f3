#include <stdio.h>

static int calls;
static int get(int v) { calls++; return v; }

int main(void)
{
    int a = 5, b = 0;
    printf("%d\n", a ?: 9);
    printf("%d\n", b ?: 9);
    calls = 0;
    int r = get(7) ?: get(8);       /* first operand evaluated once */
    printf("%d %d\n", r, calls);
    calls = 0;
    r = get(0) ?: get(8);
    printf("%d %d\n", r, calls);
    const char *name = NULL;
    printf("%s\n", name ?: "default");
    name = "given";
    printf("%s\n", name ?: "default");
    int chain = b ?: 0 ?: a ?: 1;
    printf("%d\n", chain);
    double d = 0.0;
    printf("%.1f\n", d ?: 2.5);
    int x = 3;
    int y = x > 2 ? x < 5 ? 1 : 2 : 3;
    printf("%d\n", y);
    int big = a > b ? a : b;
    printf("%d\n", big);
    int *p = 0, q = 4;
    printf("%d\n", *(p ?: &q));
    *(a > 3 ? &a : &b) = 100;
    printf("%d %d\n", a, b);
    printf("%d\n", (a ? 1 : 2.0) == 1.0);
    printf("%zu\n", sizeof(a ? 1 : 2.0));
    return 0;
}
