#include <stdio.h>

struct flags {
    unsigned int ready : 1;
    unsigned int mode : 3;
    unsigned int count : 4;
    signed int delta : 5;
    unsigned int : 0;          /* force alignment to next unit */
    unsigned int high : 7;
    unsigned int : 2;          /* unnamed padding */
    _Bool on : 1;
};

struct packed_date {
    unsigned short day : 5;
    unsigned short month : 4;
    unsigned short year : 7;
};

struct mixed { char c; int bits : 12; long long wide : 40; };

int main(void)
{
    struct flags f = { 0 };
    f.ready = 1;
    f.mode = 5;
    f.count = 15;
    f.delta = -9;
    f.high = 100;
    f.on = 1;
    printf("%u %u %u %d %u %d\n", f.ready, f.mode, f.count, f.delta, f.high, f.on);
    f.count++;                 /* wraps to 0 */
    f.mode += 4;               /* 9 -> 1 in 3 bits */
    printf("%u %u\n", f.count, f.mode);
    f.delta = 15;
    printf("%d\n", f.delta);
    struct packed_date d = { .day = 31, .month = 12, .year = 99 };
    printf("%u/%u/%u %zu\n", d.day, d.month, d.year, sizeof d);
    struct mixed m = { 'a', -100, 123456789012LL };
    printf("%c %d %lld\n", m.c, m.bits, (long long)m.wide);
    printf("%zu %zu\n", sizeof(struct flags), sizeof(struct mixed));
    struct { unsigned a : 1, b : 1, c : 1; } bits = { 1, 0, 1 };
    printf("%u%u%u\n", bits.a, bits.b, bits.c);
    printf("%d\n", f.ready + f.mode * 2);
    unsigned v = f.high << 1;
    printf("%u\n", v);
    return 0;
}
