#include <stdio.h>

int main(void)
{
    unsigned char uc = 200;
    signed char sc = -56;
    unsigned short us = 65535;
    short ss = -1;
    printf("%d\n", uc + uc);
    printf("%d\n", sc * 3);
    printf("%d\n", us + 1);
    printf("%d\n", ss < 0u);        /* int compared with unsigned -> converted */
    printf("%d\n", -1 < 0u);
    printf("%d\n", (long)-1 < 0u);   /* long is 64-bit: 0u promoted to long */
    printf("%d\n", uc == 200);
    printf("%zu %zu %zu\n", sizeof(uc + uc), sizeof(uc), sizeof(+uc));
    printf("%zu\n", sizeof('a'));
    printf("%zu\n", sizeof(us * us));
    unsigned char x = 0xF0;
    printf("%d\n", ~x);
    printf("%d\n", (unsigned char)~x);
    printf("%d\n", x << 4);
    unsigned int ui = 1;
    int si = -2;
    printf("%u\n", ui + si);
    printf("%d\n", (int)(ui + si));
    long long ll = -1;
    unsigned int u2 = 5;
    printf("%lld\n", ll + u2);
    unsigned long ul = 5;
    printf("%lu\n", ul + (unsigned long)ll);
    char c = 'A';
    printf("%d %c\n", c + 1, c + 1);
    _Bool b = 42;
    printf("%d\n", b);
    b = 0.5;
    printf("%d\n", b);
    b = b + 1;
    printf("%d\n", b);
    float f = 3.75f;
    int fi = f;
    printf("%d\n", fi);
    double d = -3.75;
    printf("%d\n", (int)d);
    printf("%d\n", 7 / 2 * 2.0 == 6.0);
    printf("%d\n", 7 / 2.0 * 2 == 7.0);
    printf("%.2f\n", 1 + 2.5f);
    printf("%zu\n", sizeof(1 + 2.5f));
    printf("%zu\n", sizeof(1 + 2.5));
    printf("%zu\n", sizeof(1L + 2U));
    return 0;
}
