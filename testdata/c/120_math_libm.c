/* gocc-test: ldflags=-lm */
#include <stdio.h>
#include <math.h>
#include <complex.h>
#include <tgmath.h>
#include <fenv.h>

int main(void)
{
    volatile double two = 2.0, ten = 10.0, half = 0.5;
    printf("%.6f %.6f %.6f\n", sqrt(two), cbrt(27.0 * half * 2), hypot(3.0, 4.0));
    printf("%.6f %.6f %.6f\n", exp(1.0 * half * 2), log(ten), log10(ten * ten));
    printf("%.6f %.6f %.6f\n", sin(half), cos(half), tan(half));
    printf("%.6f %.6f\n", atan2(1.0, two), asin(half));
    printf("%.1f %.1f %.1f %.1f\n", floor(-2.5), ceil(-2.5), round(-2.5), trunc(-2.5));
    printf("%.3f %.3f\n", fmod(ten, 3.0), remainder(ten, 3.0));
    printf("%.1f %d\n", pow(two, ten), ilogb(1024.0 * half * 2));
    int e;
    double m = frexp(48.0, &e);
    printf("%.3f %d %.1f\n", m, e, ldexp(m, e));
    float f = 2.0f;
    printf("%.4f\n", (double)sqrt(f));                /* tgmath picks sqrtf */
    double complex z = csqrt(-4.0 + 0.0 * I);
    printf("%.3f %.3f\n", creal(z), cimag(z));
    printf("%.3f %.3f\n", cabs(3.0 + 4.0 * I), carg(1.0 * I));
    printf("%d %d %d\n", isnan(NAN), isinf(INFINITY), isfinite(1.0));
    printf("%d\n", fpclassify(0.0) == FP_ZERO);
    printf("%d\n", fegetround() == FE_TONEAREST);
    printf("%.6f\n", M_PI);
    return 0;
}
