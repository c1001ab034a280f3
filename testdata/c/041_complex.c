#include <stdio.h>
#include <complex.h>

static void show(const char *label, double _Complex z)
{
    printf("%s = %.3f%+.3fi\n", label, __real__ z, __imag__ z);
}

int main(void)
{
    double _Complex a = 1.0 + 2.0 * I;
    double complex b = 3.0 - 1.0 * I;
    show("a", a);
    show("b", b);
    show("a+b", a + b);
    show("a-b", a - b);
    show("a*b", a * b);
    show("a/b", a / b);
    show("conj(a)", ~a);                 /* GNU: ~ is conjugation */
    show("-a", -a);
    float _Complex fz = 2.0f + 0.5f * I;
    printf("%.2f %.2f\n", (double)__real__ fz, (double)__imag__ fz);
    long double _Complex lz = 1.0L + 1.0L * I;
    lz *= lz;
    printf("%.1Lf %.1Lf\n", __real__ lz, __imag__ lz);
    _Complex double sum = 0;
    for (int k = 1; k <= 4; k++) sum += k * I;
    show("sum", sum);
    printf("%d\n", a == 1.0 + 2.0 * I);
    printf("%d\n", a != b);
    printf("%zu %zu %zu\n", sizeof(float _Complex), sizeof(double _Complex), sizeof(long double _Complex));
    _Complex int ci = 3 + 4i;                /* GNU complex integer */
    printf("%d %d\n", __real__ ci, __imag__ ci);
    double re = a;                            /* conversion drops imaginary part */
    printf("%.1f\n", re);
    return 0;
}
