#include <stdio.h>

typedef int A;
typedef A B;

static int level1(void)
{
    typedef long A;            /* redeclare A as a different type */
    A x = 1L << 40;
    B y = 3;                   /* B still int */
    return (int)(x >> 38) + y + (int)sizeof(A);
}

static int level2(int n)
{
    if (n > 0) {
        typedef short A;
        A s = (A)n;
        return s * (int)sizeof(A);
    } else {
        typedef char A[4];     /* typedef as array type */
        A s = "abc";
        return s[1] + (int)sizeof(A);
    }
}

struct holder {
    A A;                       /* member named A of type A */
    B b;
};

static int level3(void)
{
    struct holder h = { 5, 6 };
    enum { A = 10 };           /* enumerator shadows typedef A */
    return h.A + h.b + A;
}

static int level4(A A)
{
    /* parameter A shadows typedef; inner block re-establishes it */
    int r = A;
    {
        typedef int A;
        A q = 2;
        r += q;
    }
    return r;
}

int main(void)
{
    printf("%d\n", level1());
    printf("%d\n", level2(7));
    printf("%d\n", level2(-1));
    printf("%d\n", level3());
    printf("%d\n", level4(40));
    A final = 1;
    B also = 2;
    printf("%d\n", final + also);
    return 0;
}
