#include <stdio.h>

static __float128 horner(const __float128 *coef, int n, __float128 x)
{
    __float128 r = 0;
    for (int i = n - 1; i >= 0; i--) r = r * x + coef[i];
    return r;
}

int main(void)
{
    __float128 x = 2;
    __float128 coef[4] = { 1, -2, 0.5, 3 };
    printf("%.3f\n", (double)horner(coef, 4, x));
    __float128 e = 1, term = 1;
    for (int i = 1; i < 30; i++) { term /= i; e += term; }
    printf("%.15f\n", (double)e);
    __float128 tiny = 1e-300;
    tiny = tiny * 1e-300;            /* 1e-600: representable in binary128 */
    tiny = tiny * 1e+300;
    tiny = tiny * 1e+10;             /* 1e-290, back in double range */
    printf("%g\n", (double)tiny);
    printf("%zu\n", sizeof(__float128));
    double d = 0.1;
    __float128 wide = d;
    printf("%d\n", (double)wide == d);
    long long n = (long long)(__float128)123456789.75;
    printf("%lld\n", n);
    return 0;
}
