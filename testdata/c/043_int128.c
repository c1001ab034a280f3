#include <stdio.h>
#include <stdint.h>

typedef __int128 i128;

static void print_i128(__int128 v)
{
    unsigned __int128 u = v < 0 ? -(unsigned __int128)v : (unsigned __int128)v;
    char buf[64];
    int n = 0;
    do { buf[n++] = (char)('0' + (int)(u % 10)); u /= 10; } while (u);
    if (v < 0) putchar('-');
    while (n) putchar(buf[--n]);
    putchar('\n');
}

static void print_hex(__int128 v)
{
    unsigned __int128 u = (unsigned __int128)v;
    printf("%016llx%016llx\n", (unsigned long long)(u >> 64), (unsigned long long)u);
}

int main(void)
{
    __int128 a = (__int128)1 << 100;
    print_i128(a);
    print_hex(a);
    __int128 b = -((__int128)123456789012345678LL * 1000000000000LL);
    print_i128(b);
    print_hex(b);
    i128 fact = 1;
    for (int i = 1; i <= 30; i++) fact *= i;
    print_i128(fact);
    print_i128(fact / 1000000007);
    print_i128(fact % 1000000007);
    signed __int128 s = -5;
    print_i128(s >> 1);
    print_i128(s * s * s);
    __int128 m = INT64_MAX;
    m = m * m;
    print_i128(m);
    printf("%d %d\n", a > m, b < 0);
    printf("%zu %zu\n", sizeof(__int128), _Alignof(__int128));
    long long lo = (long long)(a + 7);
    printf("%lld\n", lo);
    __extension__ __int128 e = 1;
    print_i128(e << 126);
    return 0;
}
