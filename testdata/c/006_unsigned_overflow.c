#include <stdio.h>
#include <limits.h>
#include <stdint.h>

int main(void)
{
    unsigned int u = UINT_MAX;
    printf("%u\n", u + 1);
    printf("%u\n", 0u - 1);
    unsigned char uc = 255;
    uc++;
    printf("%d\n", uc);
    unsigned short us = 0;
    us--;
    printf("%d\n", us);
    uint32_t h = 2166136261u;
    const char *s = "overflow hashing";
    while (*s) { h ^= (unsigned char)*s++; h *= 16777619u; }
    printf("%u\n", h);
    uint64_t x = 0xFFFFFFFFFFFFFFFFull;
    printf("%llu\n", (unsigned long long)(x * x));
    printf("%llu\n", (unsigned long long)(x + 2));
    uint64_t lcg = 12345;
    for (int i = 0; i < 5; i++) {
        lcg = lcg * 6364136223846793005ull + 1442695040888963407ull;
        printf("%llu\n", (unsigned long long)(lcg >> 33));
    }
    unsigned a = 3, b = 5;
    printf("%u\n", a - b);
    printf("%d\n", a - b > 0);
    printf("%u\n", -a);
    printf("%d %d\n", INT_MAX, INT_MIN);
    printf("%ld %ld\n", LONG_MAX, LONG_MIN);
    printf("%u %lu\n", UINT_MAX, ULONG_MAX);
    printf("%d %d %d\n", SCHAR_MIN, SCHAR_MAX, UCHAR_MAX);
    printf("%d %d %d\n", SHRT_MIN, SHRT_MAX, USHRT_MAX);
    printf("%d\n", CHAR_BIT);
    unsigned mul = 65536u;
    printf("%u\n", mul * mul);
    return 0;
}
