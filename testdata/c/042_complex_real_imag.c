#include <stdio.h>

int main(void)
{
    double _Complex z = 2.0 + 3.0i;           /* GNU imaginary constant */
    printf("%.1f %.1f\n", __real__ z, __imag__ z);
    __real__ z = 10.0;                        /* __real__ as lvalue */
    __imag__ z += 1.0;
    printf("%.1f %.1f\n", __real__ z, __imag__ z);
    float _Complex f = 1.5fi;
    printf("%.2f %.2f\n", (double)__real__ f, (double)__imag__ f);
    f = 2.0f + 1.0if;
    printf("%.2f %.2f\n", (double)__real__ f, (double)__imag__ f);
    long double _Complex l = 4.0Li;
    printf("%.1Lf %.1Lf\n", __real__ l, __imag__ l);
    double _Complex j = 1.0i * 1.0i;
    printf("%.1f %.1f\n", __real__ j, __imag__ j);
    double r = 7.0;
    printf("%.1f %.1f\n", __real__ r, __imag__ r);   /* on real operand */
    double _Complex *pz = &z;
    __imag__ *pz = -1.0;
    printf("%.1f %.1f\n", __real__ *pz, __imag__ *pz);
    double _Complex arr[3] = { 1.0i, 2.0, 3.0 + 3.0i };
    double tr = 0, ti = 0;
    for (int i = 0; i < 3; i++) { tr += __real__ arr[i]; ti += __imag__ arr[i]; }
    printf("%.1f %.1f\n", tr, ti);
    double _Complex cj = ~(1.0 + 5.0i);
    printf("%.1f %.1f\n", __real__ cj, __imag__ cj);
    int _Complex ic = 5i;
    printf("%d %d\n", __real__ ic, __imag__ ic);
    return 0;
}
