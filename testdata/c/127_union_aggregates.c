#include <stdio.h>
#include <string.h>

typedef union value {
    long i;
    double d;
    const char *s;
    struct { int lo, hi; } pair;
    unsigned char bytes[8];
} value;

typedef struct {
    enum { V_INT, V_DBL, V_STR, V_PAIR } tag;
    value v;
} tagged;

static void show(const tagged *t)
{
    switch (t->tag) {
    case V_INT: printf("int %ld\n", t->v.i); break;
    case V_DBL: printf("dbl %.3f\n", t->v.d); break;
    case V_STR: printf("str %s\n", t->v.s); break;
    case V_PAIR: printf("pair %d %d\n", t->v.pair.lo, t->v.pair.hi); break;
    }
}

int main(void)
{
    tagged items[] = {
        { V_INT, { 42 } },                       /* first member initialised */
        { V_DBL, { .d = 2.718 } },
        { V_STR, { .s = "union" } },
        { V_PAIR, { .pair = { -1, 1 } } },
        { .tag = V_PAIR, .v.pair.hi = 9 },
    };
    for (size_t i = 0; i < sizeof items / sizeof *items; i++) show(&items[i]);
    value v;
    memset(&v, 0, sizeof v);
    v.pair.lo = 0x01020304;
    printf("%02x %02x %zu\n", v.bytes[0], v.bytes[3], sizeof v);
    value w = v;                                  /* union assignment */
    printf("%d\n", w.pair.lo == v.pair.lo);
    union { int a[2]; long long ll; } u2 = { { 1, 2 } };
    printf("%llx\n", (unsigned long long)u2.ll);
    union nested { struct { union { int x; float y; } inner; int z; } s; char c; } n = { .s.inner.x = 5, .s.z = 6 };
    printf("%d %d\n", n.s.inner.x, n.s.z);
    return 0;
}
