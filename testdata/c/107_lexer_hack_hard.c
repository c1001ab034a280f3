#include <stdio.h>

typedef int T;
typedef int F(int);               /* function type typedef */
typedef struct pt { int x, y; } pt;

static int T_count;
static int g(int v) { return v + 1; }
F h;                              /* declares function h of type F */
int h(int v) { return v * 3; }

static int block_decl(void)
{
    T(x);                         /* declaration: int x */
    x = 5;
    T(*px) = &x;                  /* pointer declaration with parens */
    T((y)) = 6;
    return *px + y;
}

static int call_not_decl(void)
{
    int T = 0;
    int (g)(int);                 /* redundant block-scope function declaration */
    (void)T;
    return g(10);
}

static int casts_and_sizeof(void)
{
    T a = 7;
    T r = (T)(a) + (T)-a + (int)sizeof(T) * a;   /* sizeof(T) * a is multiplication */
    {
        int T = 2;
        r += (int)sizeof(T) * a;                   /* sizeof of a variable, then multiply */
        r += (T) * a;                               /* parenthesised variable times a */
    }
    return r;
}

static int param_shadow(T x, int T)   /* second parameter shadows the typedef */
{
    return x + T;
}

static int knr_typed(a, b)            /* K&R parameters declared with typedef types */
    T a;
    pt b;
{
    T T = a + b.x;                    /* then a local shadows the typedef */
    return T * 2;
}

static int struct_tag_vs_typedef(void)
{
    struct pt a = { 1, 2 };
    pt b = { 3, 4 };
    int pt = a.x + b.y;               /* variable named like typedef and tag */
    struct pt c = { pt, pt };         /* tag still usable */
    return c.x + c.y;
}

static int labels_named_like_types(void)
{
    int r = 0;
    goto T;
    r = 100;
T:                                    /* label named like typedef */
    r += 1;
    return r;
}

static int enum_shadow(void)
{
    enum { T = 40 };
    return T + 2;
}

int main(void)
{
    printf("%d\n", block_decl());
    printf("%d\n", call_not_decl());
    printf("%d\n", casts_and_sizeof());
    printf("%d\n", param_shadow(3, 4));
    printf("%d\n", knr_typed(5, (pt){ 6, 0 }));
    printf("%d\n", struct_tag_vs_typedef());
    printf("%d\n", labels_named_like_types());
    printf("%d\n", enum_shadow());
    printf("%d\n", h(4));
    F *fp = g;
    printf("%d\n", fp(1));
    T T_count2 = T_count + 1;
    printf("%d\n", T_count2);
    typedef T U, *UP, UA[2];
    U u = 1; UP up = &u; UA ua = { 2, 3 };
    printf("%d %d %d\n", u, *up, ua[1]);
    return 0;
}
