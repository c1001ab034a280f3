#include <stdio.h>
#include <float.h>

static long double ld_pow(long double b, int e) { long double r = 1; while (e-- > 0) r *= b; return r; }

int main(void)
{
    long double a = 1.0L / 3.0L;
    printf("%.20Lf\n", a);
    printf("%.5Le\n", ld_pow(10.0L, 300) * ld_pow(10.0L, 300));
    printf("%d %d\n", LDBL_MANT_DIG, LDBL_MAX_EXP);
    long double e = 1, term = 1;
    for (int i = 1; i < 25; i++) { term /= i; e += term; }
    printf("%.18Lf\n", e);
    printf("%Lg\n", (long double)1e4000L / 1e3990L);
    long double x = 0.1L;
    double dx = (double)x;
    printf("%d\n", x == 0.1);
    printf("%.17g\n", dx);
    printf("%zu %zu\n", sizeof(long double), _Alignof(long double));
    long double big = 18446744073709551615.0L;
    unsigned long long u = (unsigned long long)big;
    printf("%llu\n", u);
    printf("%.3Lf\n", -12.3456L);
    return 0;
}
