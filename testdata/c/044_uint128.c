#include <stdio.h>

typedef unsigned __int128 u128;

static void print_u128(u128 v)
{
    unsigned long long hi = (unsigned long long)(v >> 64);
    unsigned long long lo = (unsigned long long)v;
    printf("hi=%llu lo=%llu\n", hi, lo);
}

static void print_dec(u128 v)
{
    char buf[48];
    int n = 0;
    do { buf[n++] = (char)('0' + (int)(v % 10)); v /= 10; } while (v);
    while (n) putchar(buf[--n]);
    putchar('\n');
}

static u128 mulmod(u128 a, u128 b, u128 m) { return a * b % m; }

static u128 powmod(u128 base, u128 e, u128 m)
{
    u128 r = 1;
    base %= m;
    while (e) {
        if (e & 1) r = mulmod(r, base, m);
        base = mulmod(base, base, m);
        e >>= 1;
    }
    return r;
}

int main(void)
{
    u128 max = ~(u128)0;
    print_u128(max);
    print_dec(max);
    print_u128(max + 1);
    u128 x = (u128)0xFFFFFFFFFFFFFFFFull * 0xFFFFFFFFFFFFFFFFull;
    print_u128(x);
    print_dec(x);
    unsigned __int128 fib_a = 0, fib_b = 1;
    for (int i = 0; i < 150; i++) { u128 t = fib_a + fib_b; fib_a = fib_b; fib_b = t; }
    print_dec(fib_a);
    print_dec(powmod(2, 100, ((u128)1 << 64) + 13));
    u128 shifted = (u128)1 << 127;
    print_u128(shifted);
    print_u128(shifted >> 100);
    printf("%d\n", (int)__builtin_popcountll((unsigned long long)(max >> 70)));
    __uint128_t alt = 12345;
    print_dec(alt * alt * alt * alt);
    return 0;
}
