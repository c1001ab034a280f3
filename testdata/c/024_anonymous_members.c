#include <stdio.h>
#include <stdint.h>

struct vec3 {
    union {
        struct { float x, y, z; };
        float v[3];
    };
};

struct tagged {
    int type;
    union {
        int i;
        double d;
        const char *s;
    };
};

struct reg {
    union {
        uint32_t word;
        struct {
            uint16_t lo;
            uint16_t hi;
        };
        uint8_t bytes[4];
    };
    struct {
        int flag_a, flag_b;
    };
};

static void print_tagged(struct tagged t)
{
    switch (t.type) {
    case 0: printf("int %d\n", t.i); break;
    case 1: printf("double %.2f\n", t.d); break;
    default: printf("str %s\n", t.s); break;
    }
}

int main(void)
{
    struct vec3 v = { .x = 1.0f, .y = 2.0f, .z = 3.0f };
    printf("%.1f %.1f %.1f\n", v.v[0], v.v[1], v.v[2]);
    v.v[1] = 5.5f;
    printf("%.1f\n", v.y);
    struct tagged items[3] = { { 0, { .i = 42 } }, { .type = 1, .d = 2.5 }, { .type = 2, .s = "anon" } };
    for (int i = 0; i < 3; i++) print_tagged(items[i]);
    struct reg r;
    r.word = 0x12345678;
    r.flag_a = 1; r.flag_b = 0;
    printf("%x %x %x %x\n", r.lo, r.hi, r.bytes[0], r.bytes[3]);
    printf("%d %d\n", r.flag_a, r.flag_b);
    printf("%zu %zu %zu\n", sizeof(struct vec3), sizeof(struct tagged), sizeof(struct reg));
    union { struct { char a, b; }; short s; } u = { { 1, 2 } };
    printf("%d\n", u.s);
    return 0;
}
