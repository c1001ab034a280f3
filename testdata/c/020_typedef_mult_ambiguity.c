#include <stdio.h>

typedef int T;
int y = 6;

static int decls(void)
{
    T * x;                     /* declaration of x as pointer to T */
    T v = 4;
    x = &v;
    return *x;
}

static int exprs(void)
{
    int T = 7;                 /* shadow: now T * y is a multiplication */
    int r = T * y;
    T * y;                     /* expression statement, value discarded */
    return r;
}

static int casts(void)
{
    T a = 5;
    int b = (T) + a;           /* cast of unary plus */
    int c = (T) - a;           /* cast of unary minus */
    int T = 3;
    int d = (T) + a;           /* now an addition in parentheses */
    int e = (T) - a;
    return b * 1000 + c * 100 + d * 10 + e;
}

static int sizeofs(void)
{
    int r = (int)sizeof(T);   /* sizeof type */
    char T[20];
    r = r * 100 + (int)sizeof(T);  /* sizeof the array variable */
    r = r * 100 + (int)sizeof T;
    return r;
}

typedef struct { int n; } P;

static int funcs(void)
{
    P (p) = { 3 };             /* parenthesised declarator */
    P (*q) = &p;
    T (arr)[3] = { 1, 2, 3 };
    T (*fp)(void) = decls;
    return p.n + q->n + arr[2] + fp();
}

int main(void)
{
    printf("%d\n", decls());
    printf("%d\n", exprs());
    printf("%d\n", casts());
    printf("%d\n", sizeofs());
    printf("%d\n", funcs());
    return 0;
}
