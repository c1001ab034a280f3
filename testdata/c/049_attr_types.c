#include <stdio.h>
#include <stdint.h>

typedef int aligned_int __attribute__((aligned(16)));
typedef struct { char c; int i; } __attribute__((packed)) packed_t;
typedef struct __attribute__((aligned(32))) { int x; } big_aligned_t;
typedef int int_vec4 __attribute__((vector_size(16)));
typedef char may_alias_char __attribute__((__may_alias__));
typedef unsigned short u16_unaligned __attribute__((aligned(1)));
typedef int __attribute__((deprecated)) old_int;
typedef __attribute__((unused)) long unused_long;
typedef enum __attribute__((packed)) { SMALL_A, SMALL_B } small_enum;
typedef union __attribute__((transparent_union)) {
    int *ip;
    unsigned *up;
} int_or_uint_ptr;

static int deref(int_or_uint_ptr p) { return *p.ip; }

int main(void)
{
    printf("%zu %zu\n", sizeof(aligned_int), _Alignof(aligned_int));
    printf("%zu %zu\n", sizeof(packed_t), _Alignof(packed_t));
    printf("%zu %zu\n", sizeof(big_aligned_t), _Alignof(big_aligned_t));
    int_vec4 v = { 1, 2, 3, 4 };
    printf("%zu %d\n", sizeof v, v[2]);
    printf("%zu\n", sizeof(small_enum));
    old_int o = 3;
    unused_long ul = 4;
    printf("%d %ld\n", o, ul);
    int i = 42;
    unsigned u = 43;
    printf("%d %d\n", deref(&i), deref(&u));   /* transparent union accepts either */
    packed_t p = { 'x', 0x01020304 };
    printf("%c %x\n", p.c, p.i);
    aligned_int ai = 9;
    printf("%d %d\n", ai, (int)((uintptr_t)&ai % 16));
    return 0;
}
