#include <stdio.h>

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

#define PRINT_ANY(x) __builtin_choose_expr(                                  \
    __builtin_types_compatible_p(__typeof__(x), double), print_double,       \
    __builtin_choose_expr(__builtin_types_compatible_p(__typeof__(x), int),  \
                          print_int, print_other))(x)

static void print_double(double d) { printf("double %.2f\n", d); }
static void print_int(int i) { printf("int %d\n", i); }
static void print_other(const char *s) { printf("other %s\n", s); }

static int process(int n)
{
    int r = 0;
    for (int i = 0; i < n; i++) {
        if (unlikely(i == 7)) r += 100;
        else if (likely(i % 2 == 0)) r += i;
    }
    return r;
}

int main(void)
{
    printf("%d\n", process(10));
    printf("%ld\n", __builtin_expect(42L, 42L));
    PRINT_ANY(3.5);
    PRINT_ANY(7);
    PRINT_ANY("text");
    int sz = __builtin_choose_expr(sizeof(long) == 8, 64, 32);
    printf("%d\n", sz);
    __typeof__(__builtin_choose_expr(1, (short)1, 1.0)) s = 5;
    printf("%zu\n", sizeof s);                 /* unchosen branch does not affect type */
    printf("%d\n", __builtin_constant_p(3 * 4));
    int v = 5;
    printf("%d\n", __builtin_constant_p(v) == 0 || __builtin_constant_p(v) == 1);
    if (__builtin_expect(v > 100, 0)) printf("unexpected\n"); else printf("expected\n");
    int x = __builtin_expect_with_probability(v, 5, 0.9);
    printf("%d\n", x);
    return 0;
}
