#include <stdio.h>
#include <string.h>

union number { int i; double d; long l; };

static double as_union(union number n) { return n.d; }

struct arr_holder { int v[4]; };
static struct arr_holder make(void) { return (struct arr_holder){ { 10, 20, 30, 40 } }; }

int main(void)
{
    /* cast to union type (GNU) */
    union number n = (union number)3.5;
    printf("%.1f\n", n.d);
    printf("%.2f\n", as_union((union number)1.25));
    union number ni = (union number)7;
    printf("%d\n", ni.i);
    /* arithmetic on void pointers (GNU: sizeof(void) == 1) */
    char buf[16] = "0123456789";
    void *vp = buf;
    vp += 3;
    printf("%c\n", *(char *)vp);
    printf("%td\n", (vp + 2) - (void *)buf);
    /* dollar sign in identifiers */
    int price$ = 42, $start = 1;
    printf("%d %d\n", price$, $start);
    /* escape \e */
    printf("%d\n", "\e"[0]);
    /* member of rvalue struct array (C11 temporary lifetime) */
    printf("%d\n", make().v[2]);
    /* conditional with void operands and with pointer/NULL */
    int flag = 1;
    flag ? (void)printf("void branch taken\n") : (void)0;
    const char *p = flag ? buf : NULL;
    printf("%c\n", *p);
    /* empty initializer braces */
    int zeros[3] = {};
    struct { int a, b; } zs = {};
    printf("%d %d %d\n", zeros[2], zs.a, zs.b);
    /* binary constants and case with char range combined */
    int mask = 0b1010 | 0B0101;
    printf("%d\n", mask);
    /* __alignof__ on expressions */
    double dd = 0;
    printf("%zu\n", __alignof__(dd));
    /* function pointer arithmetic is not allowed, but comparisons are */
    printf("%d\n", as_union != NULL);
    /* nested compound literal pointers */
    int **pp = (int *[]){ (int[]){ 1, 2 }, (int[]){ 3, 4 } };
    printf("%d\n", pp[1][0]);
    /* sizeof on a comma expression array: decays */
    printf("%zu\n", sizeof(0, buf));
    /* statement expression as array size and in an initializer */
    int vla_like[({ 2 + 1; })];
    printf("%zu\n", sizeof vla_like / sizeof vla_like[0]);
    /* __builtin_memcpy on overlapping-safe memmove result */
    memmove(buf + 1, buf, 4);
    printf("%s\n", buf);
    return 0;
}
