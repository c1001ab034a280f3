#include <stdio.h>

#define type_name(x) _Generic((x), \
    _Bool: "bool", char: "char", signed char: "signed char", unsigned char: "unsigned char", \
    short: "short", unsigned short: "unsigned short", int: "int", unsigned: "unsigned", \
    long: "long", unsigned long: "unsigned long", long long: "long long", \
    unsigned long long: "unsigned long long", float: "float", double: "double", \
    long double: "long double", char *: "char *", const char *: "const char *", \
    int *: "int *", void *: "void *", default: "other")

#define abs_val(x) _Generic((x), int: abs_i, long: abs_l, double: abs_d)(x)

static int abs_i(int x) { return x < 0 ? -x : x; }
static long abs_l(long x) { return x < 0 ? -x : x; }
static double abs_d(double x) { return x < 0 ? -x : x; }

struct S { int a; };

int main(void)
{
    char c = 'a'; short s = 1; unsigned char uc = 1;
    printf("%s\n", type_name(c));
    printf("%s\n", type_name(s));
    printf("%s\n", type_name(uc));
    printf("%s\n", type_name(s + s));        /* promoted to int */
    printf("%s\n", type_name(1u));
    printf("%s\n", type_name(1L));
    printf("%s\n", type_name(1UL));
    printf("%s\n", type_name(1LL));
    printf("%s\n", type_name(1ULL));
    printf("%s\n", type_name(1.0f));
    printf("%s\n", type_name(1.0));
    printf("%s\n", type_name(1.0L));
    printf("%s\n", type_name((_Bool)1));
    printf("%s\n", type_name("literal"));    /* array decays to char * */
    const char *cs = "x";
    printf("%s\n", type_name(cs));
    int i = 0;
    printf("%s\n", type_name(&i));
    printf("%s\n", type_name((void *)0));
    struct S st;
    printf("%s\n", type_name(st));
    printf("%s\n", type_name('a'));
    printf("%d %ld %.1f\n", abs_val(-5), abs_val(-7L), abs_val(-2.5));
    int r = _Generic(i, default: 1, int: 2);
    printf("%d\n", r);
    printf("%d\n", _Generic((const int)0, int: 1, default: 0));   /* lvalue conversion drops const */
    printf("%d\n", _Generic(st, struct S: 5, default: 6));
    printf("%s\n", _Generic(&st, struct S *: "ptr to S", default: "?"));
    return 0;
}
