#include <stdio.h>

int main(void)
{
    printf("%d %d %d %d\n", 42, 052, 0x2a, 0b101010);
    printf("%d %d\n", 0X2A, 0B11);
    printf("%u %lu %llu\n", 42u, 42ul, 42ull);
    printf("%ld %lld\n", 42L, 42LL);
    printf("%lu %llu %llu\n", 42LU, 42ULL, 42uLL);
    printf("%zu %zu %zu\n", sizeof 1, sizeof 1L, sizeof 1LL);
    printf("%zu %zu\n", sizeof 1u, sizeof 0x7fffffff);
    printf("%zu\n", sizeof 0xffffffff);      /* unsigned int */
    printf("%zu\n", sizeof 4294967296);      /* long */
    printf("%zu\n", sizeof 2147483648);      /* decimal -> long */
    printf("%llx\n", 0xFFFFFFFFFFFFFFFFull);
    printf("%o\n", 0777);
    printf("%d\n", 0);
    printf("%d\n", 00);
    printf("%x\n", 0x0);
    printf("%d\n", 0b0);
    printf("%llu\n", 18446744073709551615ull);
    printf("%lld\n", -9223372036854775807LL - 1);
    printf("%d\n", 0xAbCdEf);
    printf("%d\n", 'a' + 0x10 + 010 + 0b10);
    printf("%ld\n", 0x7fffffffffffffffl);
    printf("%lu\n", 0b1111111111111111111111111111111111111111111111111111111111111111UL);
    return 0;
}
