#include <stdio.h>
#include <stdint.h>

union fbits { float f; uint32_t u; };
union dbits { double d; uint64_t u; struct { uint32_t lo, hi; } w; };
union bytes { uint32_t v; unsigned char b[4]; };

static int float_exponent(float f)
{
    union fbits x = { .f = f };
    return (int)((x.u >> 23) & 0xff) - 127;
}

int main(void)
{
    union fbits a = { 1.0f };
    printf("%08x\n", a.u);
    a.f = -2.5f;
    printf("%08x\n", a.u);
    a.u = 0x40490fdb;
    printf("%.5f\n", a.f);
    union dbits d;
    d.d = 1.0;
    printf("%016llx %08x %08x\n", (unsigned long long)d.u, d.w.hi, d.w.lo);
    d.u = 0x7ff0000000000000ull;
    printf("%f\n", d.d);
    union bytes b = { 0xAABBCCDD };
    printf("%02x %02x %02x %02x\n", b.b[0], b.b[1], b.b[2], b.b[3]);
    printf("%d %d %d\n", float_exponent(1.0f), float_exponent(1024.0f), float_exponent(0.125f));
    printf("%zu %zu %zu\n", sizeof(union fbits), sizeof(union dbits), sizeof(union bytes));
    union { char c; int i; long l; } big;
    big.l = 0;
    big.c = 'A';
    printf("%ld\n", big.l);
    union fbits arr[2] = { { 0.5f }, { .u = 0x3f800000 } };
    printf("%.2f %.2f\n", arr[0].f, arr[1].f);
    return 0;
}
