#include <stdio.h>
#include <float.h>

static double sum_series(int n) { double s = 0; for (int k = 1; k <= n; k++) s += 1.0 / ((double)k * k); return s; }
static double newton_sqrt(double x) { double g = x / 2; for (int i = 0; i < 30; i++) g = (g + x / g) / 2; return g; }

int main(void)
{
    float f = 0.1f;
    double d = 0.1;
    printf("%.10f %.17f\n", (double)f, d);
    printf("%d\n", 0.1 + 0.2 == 0.3);
    printf("%.17g\n", 0.1 + 0.2);
    printf("%.12f\n", sum_series(1000));
    printf("%.12f\n", newton_sqrt(2.0));
    double inf = __builtin_inf();
    double nan = inf - inf;
    printf("%f %f %d %d\n", inf, -inf, nan != nan, nan == nan);
    printf("%d %d %d\n", inf > DBL_MAX, -inf < -DBL_MAX, nan < 0 || nan >= 0);
    printf("%g %g\n", DBL_MIN, DBL_MAX);
    printf("%g\n", DBL_MIN / 4);          /* subnormal */
    double neg_zero = -0.0;
    printf("%d %g\n", neg_zero == 0.0, 1 / neg_zero);
    float ff = 16777216.0f;
    printf("%.1f\n", (double)(ff + 1.0f));
    long double ld = 1.0L / 3;
    printf("%.18Lf\n", ld);
    printf("%d %d\n", (int)2.999, (int)-2.999);
    printf("%.3f\n", (float)1 / 3 * 3);
    double accum = 0;
    for (int i = 0; i < 10; i++) accum += 0.1;
    printf("%.17g %d\n", accum, accum == 1.0);
    printf("%.2f %.2f\n", 7.0 / 2, (double)(7 / 2));
    unsigned long long big = 18446744073709551615ull;
    printf("%.1f\n", (double)big);
    double conv = (double)(unsigned)4294967295u;
    printf("%.1f\n", conv);
    printf("%d\n", (unsigned char)(double)200.7);
    printf("%e\n", 6.02214076e23 * 1e-10);
    float prod = 1.1f * 1.1f;
    printf("%.7f\n", (double)prod);
    printf("%d\n", FLT_EVAL_METHOD);
    return 0;
}
