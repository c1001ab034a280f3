#include <stdio.h>
#include <stdint.h>

static unsigned rotl(unsigned x, int n) { return (x << n) | (x >> (32 - n)); }
static int popcount(unsigned x) { int c = 0; while (x) { x &= x - 1; c++; } return c; }

int main(void)
{
    printf("%d\n", 1 << 10);
    printf("%u\n", 1u << 31);
    printf("%llu\n", 1ull << 63);
    printf("%d\n", 1024 >> 3);
    printf("%d\n", -16 >> 2);           /* implementation-defined, arithmetic on gcc/clang */
    printf("%u\n", 0x80000000u >> 31);
    printf("%x\n", 0xdeadbeef & 0xffff);
    printf("%x\n", 0xdead0000 | 0xbeef);
    printf("%x\n", 0xffff0000 ^ 0xff00ff00);
    printf("%x\n", ~0x0f0f0f0fu);
    printf("%x\n", rotl(0x12345678u, 8));
    printf("%d\n", popcount(0xdeadbeefu));
    uint8_t b = 0xA5;
    uint8_t rev = 0;
    for (int i = 0; i < 8; i++)
        rev |= ((b >> i) & 1) << (7 - i);
    printf("%02x\n", rev);
    unsigned v = 40;
    printf("%d\n", (v & (v - 1)) == 0);
    v = 64;
    printf("%d\n", (v & (v - 1)) == 0);
    printf("%u\n", v & -v);
    int shift = 5;
    long long big = 3;
    printf("%lld\n", big << (shift * 8));
    unsigned flags = 0;
    flags |= 1u << 3;
    flags |= 1u << 7;
    flags &= ~(1u << 3);
    printf("%u\n", flags);
    printf("%d\n", !!(flags & (1u << 7)));
    int s = 1;
    s <<= 4;
    s >>= 2;
    printf("%d\n", s);
    printf("%08x\n", (0x12u << 24) | (0x34u << 16) | (0x56u << 8) | 0x78u);
    uint32_t w = 0x11223344;
    uint32_t sw = ((w & 0xff) << 24) | ((w & 0xff00) << 8) | ((w >> 8) & 0xff00) | (w >> 24);
    printf("%08x\n", sw);
    return 0;
}
