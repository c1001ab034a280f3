#include <stdio.h>

typedef int v4si __attribute__((vector_size(16)));
typedef unsigned v4su __attribute__((vector_size(16)));
typedef float v4sf __attribute__((vector_size(16)));
typedef double v2df __attribute__((vector_size(16)));

#define P4(label, v) printf("%s: %d %d %d %d\n", label, (int)(v)[0], (int)(v)[1], (int)(v)[2], (int)(v)[3])

int main(void)
{
    v4si a = { 8, -6, 4, 100 };
    v4si b = { 2, 3, -4, 7 };
    P4("add", a + b);
    P4("sub", a - b);
    P4("mul", a * b);
    P4("div", a / b);
    P4("mod", a % b);
    P4("and", a & b);
    P4("or", a | b);
    P4("xor", a ^ b);
    P4("not", ~a);
    P4("neg", -a);
    P4("shl", (a & 0xff) << 2);          /* keep left operands non-negative */
    P4("shr", a >> 1);
    P4("shlv", (a & 0xff) << ((v4si){ 0, 1, 2, 3 }));
    P4("lt", a < b);
    P4("eq", a == ((v4si){ 8, 0, 4, 0 }));
    P4("scalar", a * 2 + 1);
    v4si c = a;
    c += b;
    c *= 2;
    P4("compound", c);
    v4su u = { 1, 2, 3, 0xffffffffu };
    u = u + 1;
    P4("unsigned", u);
    v4sf f = { 1.0f, 2.0f, 3.0f, 4.0f };
    v4sf g = f * f - f / 2;
    printf("float: %.2f %.2f %.2f %.2f\n", (double)g[0], (double)g[1], (double)g[2], (double)g[3]);
    v2df d = { 1.5, -2.5 };
    d = d * d + 0.25;
    printf("double: %.2f %.2f\n", d[0], d[1]);
    v4si mask = a > b;
    v4si sel = (a & mask) | (b & ~mask);   /* element-wise max */
    P4("max", sel);
    v4si cast = (v4si)f;                   /* bit reinterpretation */
    printf("%x\n", (unsigned)cast[0]);
    v4si conv = __builtin_convertvector(f, v4si);
    P4("convert", conv);
    int total = 0;
    for (int i = 0; i < 4; i++) total += sel[i];
    printf("%d\n", total);
    return 0;
}
