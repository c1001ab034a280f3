#include <stdio.h>
#include <float.h>

int main(void)
{
    double a = 0x1p0;
    double b = 0x1.8p1;
    double c = 0x.8p0;
    double d = 0xAp-2;
    float f = 0x1.fffffep127f;
    long double ld = 0x1p-3L;
    printf("%g %g %g %g\n", a, b, c, d);
    printf("%g\n", (double)f);
    printf("%Lg\n", ld);
    printf("%a\n", 1.0);
    printf("%a\n", 0.5);
    printf("%a\n", 255.0);
    printf("%g\n", 0x1.921fb54442d18p1);
    printf("%.17g\n", 0x1.999999999999ap-4);
    printf("%g %g %g\n", 1e3, 1.5e-3, 2E+2);
    printf("%g %g\n", .5, 5.);
    printf("%g\n", 1.25f);
    printf("%Lg\n", 1.25L);
    printf("%zu %zu %zu\n", sizeof 1.0f, sizeof 1.0, sizeof 1.0L);
    printf("%d %d\n", FLT_MANT_DIG, DBL_MANT_DIG);
    printf("%g\n", DBL_EPSILON);
    printf("%g\n", (double)FLT_MAX);
    printf("%d\n", 0x1p4 == 16.0);
    printf("%.3f\n", 0x1.4p+3);
    printf("%.3f\n", 0X1P-1);
    return 0;
}
