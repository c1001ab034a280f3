/* gocc-test: gcc-only */
#include <stdio.h>

int main(void)
{
    _Float128 a = 1.5f128;
    _Float128 b = 2.25F128;
    _Float128 c = a * b;
    printf("%.4f\n", (double)c);
    __float128 q = 1.0Q / 3.0Q;
    printf("%.15f\n", (double)q);
    _Float128 sum = 0;
    for (int i = 1; i <= 100; i++) sum += (_Float128)1 / i;
    printf("%.12f\n", (double)sum);
    _Float64 f64 = 0.125f64;
    _Float32 f32 = 0.5f32;
    _Float64x f64x = 3.0f64x;
    _Float32x f32x = 2.0f32x;
    printf("%.3f %.3f %.1f %.1f\n", (double)f64, (double)f32, (double)f64x, (double)f32x);
    printf("%zu %zu %zu\n", sizeof(_Float128), sizeof(__float128), sizeof(_Float32));
    _Float128 big = 1e300;
    big = big * big;                 /* 1e600 fits in binary128 */
    big = big / 1e310f128;          /* a double 1e310 would be inf */
    printf("%g\n", (double)big);
    printf("%d\n", (int)(a < b));
    return 0;
}
