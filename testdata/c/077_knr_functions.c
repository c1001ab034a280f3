#include <stdio.h>

int add(a, b)
int a;
int b;
{
    return a + b;
}

double scale(x, factor)
    double x;
    float factor;           /* promoted: passed as double */
{
    return x * factor;
}

char *pick(which, first, second)
    char *first, *second;
    int which;
{
    return which ? second : first;
}

static int untyped(a, b)    /* parameters without declarations default to int */
{
    return a * b;
}

long mixed(n, p)
    int n;
    long *p;
{
    long s = 0;
    while (n-- > 0) s += *p++;
    return s;
}

int apply(f, v)
    int (*f)();
    int v;
{
    return f(v, v);
}

int noargs()
{
    return 17;
}

int old_decl();             /* old-style declaration without prototype */

int main()
{
    printf("%d\n", add(2, 3));
    printf("%.2f\n", scale(2.0, 1.5f));
    printf("%s\n", pick(1, "first", "second"));
    printf("%d\n", untyped(6, 7));
    long arr[] = { 10, 20, 30 };
    printf("%ld\n", mixed(3, arr));
    printf("%d\n", apply(add, 21));
    printf("%d\n", noargs());
    printf("%d\n", old_decl(5));
    return 0;
}

int old_decl(x)
    int x;
{
    return x * 100;
}
