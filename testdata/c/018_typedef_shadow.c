#include <stdio.h>

typedef int T;
typedef double D;

static int f(void)
{
    int T = 3;                 /* T is now a variable */
    int x = T * 2;             /* multiplication, not a declaration */
    return x + T;
}

static int g(T T)              /* parameter named like its own type */
{
    return T + 1;
}

static int h(int D)            /* parameter shadows typedef D */
{
    return D * D;
}

static T k(void)
{
    T a = 4;                   /* T is the type here */
    {
        T T = 5;               /* declaration: type T, variable T */
        a += T;                /* variable */
        {
            typedef char T;    /* re-typedef in an inner scope */
            T c = 'A';
            a += (int)sizeof(T) + c;
        }
        a += T;                /* the variable again */
    }
    T b = a;                   /* outer typedef visible again */
    return b;
}

int main(void)
{
    printf("%d\n", f());
    printf("%d\n", g(10));
    printf("%d\n", h(6));
    printf("%d\n", k());
    T v = 9;
    D d = 2.5;
    printf("%d %.1f\n", v, d);
    {
        D T = 1.5;             /* variable T of type D */
        printf("%.1f\n", T * 2);
    }
    T w = (T)7;                /* cast to typedef */
    printf("%d %zu\n", w, sizeof(T));
    for (T T = 0; T < 3; T++)  /* for-scope shadowing */
        printf("loop %d\n", T);
    T after = 1;
    printf("%d\n", after);
    return 0;
}
