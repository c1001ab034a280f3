#include <stdio.h>
#include <stdarg.h>

static int sum(int count, ...)
{
    va_list ap;
    va_start(ap, count);
    int s = 0;
    for (int i = 0; i < count; i++) s += va_arg(ap, int);
    va_end(ap);
    return s;
}

static double avg(int count, ...)
{
    va_list ap;
    va_start(ap, count);
    double s = 0;
    for (int i = 0; i < count; i++) s += va_arg(ap, double);
    va_end(ap);
    return s / count;
}

static void print_all(const char *types, ...)
{
    va_list ap;
    va_start(ap, types);
    for (const char *t = types; *t; t++) {
        switch (*t) {
        case 'i': printf("int=%d ", va_arg(ap, int)); break;
        case 'l': printf("long=%ld ", va_arg(ap, long)); break;
        case 'd': printf("double=%.2f ", va_arg(ap, double)); break;
        case 's': printf("str=%s ", va_arg(ap, const char *)); break;
        case 'c': printf("char=%c ", (char)va_arg(ap, int)); break;
        case 'p': { int *p = va_arg(ap, int *); printf("ptr->%d ", *p); break; }
        }
    }
    va_end(ap);
    printf("\n");
}

struct big { int a[5]; };

static int struct_args(int n, ...)
{
    __builtin_va_list ap;
    __builtin_va_start(ap, n);
    int s = 0;
    for (int i = 0; i < n; i++) {
        struct big b = __builtin_va_arg(ap, struct big);
        s += b.a[0] + b.a[4];
    }
    __builtin_va_end(ap);
    return s;
}

static int max_of(int first, ...)
{
    va_list ap;
    int m = first, v;
    va_start(ap, first);
    while ((v = va_arg(ap, int)) >= 0) if (v > m) m = v;
    va_end(ap);
    return m;
}

int main(void)
{
    printf("%d\n", sum(5, 1, 2, 3, 4, 5));
    printf("%d\n", sum(0));
    printf("%.3f\n", avg(3, 1.0, 2.0, 4.5));
    int x = 77;
    print_all("ildsc p", 1, 2L, 3.5, "four", 'F', &x);
    struct big b1 = { { 1, 0, 0, 0, 2 } }, b2 = { { 10, 0, 0, 0, 20 } };
    printf("%d\n", struct_args(2, b1, b2));
    printf("%d\n", max_of(3, 9, 2, 15, 4, -1));
    printf("%.1f\n", avg(2, (double)1, 2.0f));   /* float promoted to double */
    return 0;
}
