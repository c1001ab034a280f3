#include <stdio.h>

int main(void)
{
    int a = 17, b = 5;
    printf("%d %d %d %d %d\n", a + b, a - b, a * b, a / b, a % b);
    printf("%d %d\n", -a / b, -a % b);
    printf("%d %d\n", a / -b, a % -b);
    long la = 1234567890L, lb = 987654321L;
    printf("%ld %ld\n", la + lb, la * 3);
    long long ll = 9000000000000000000LL;
    printf("%lld %lld\n", ll / 7, ll % 7);
    unsigned u = 4000000000u;
    printf("%u %u\n", u / 3, u % 1000);
    short s = 300; signed char c = 100;
    printf("%d %d\n", s * s, c + c);
    int x = 10;
    x += 5; printf("%d\n", x);
    x -= 3; printf("%d\n", x);
    x *= 4; printf("%d\n", x);
    x /= 6; printf("%d\n", x);
    x %= 5; printf("%d\n", x);
    x <<= 3; printf("%d\n", x);
    x >>= 1; printf("%d\n", x);
    x |= 0x100; printf("%d\n", x);
    x &= 0x10f; printf("%d\n", x);
    x ^= 0xff; printf("%d\n", x);
    int i = 5;
    i = 5;
    int k = i++; printf("%d %d\n", k, i);
    k = ++i; printf("%d %d\n", k, i);
    k = i--; printf("%d %d\n", k, i);
    k = --i; printf("%d %d\n", k, i);
    printf("%d\n", -(-a));
    printf("%d\n", +a);
    return 0;
}
