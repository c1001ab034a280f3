#include <stdio.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>

struct s1 { char c; _Alignas(16) int x; };
struct s2 { char c; alignas(double) char d; };
struct s3 { _Alignas(32) char buf[5]; };

_Alignas(64) static char g_buffer[10];
static alignas(int) char g_small[3];

int main(void)
{
    printf("%zu %zu %zu %zu\n", _Alignof(char), _Alignof(short), _Alignof(int), _Alignof(long));
    printf("%zu %zu %zu\n", _Alignof(float), _Alignof(double), _Alignof(long double));
    printf("%zu %zu\n", alignof(void *), alignof(max_align_t));
    printf("%zu %zu\n", sizeof(struct s1), _Alignof(struct s1));
    printf("%zu\n", offsetof(struct s1, x));
    printf("%zu %zu\n", sizeof(struct s2), offsetof(struct s2, d));
    printf("%zu %zu\n", sizeof(struct s3), _Alignof(struct s3));
    _Alignas(16) int local = 5;
    alignas(8) char lc = 'c';
    printf("%d\n", (int)((uintptr_t)&local % 16));
    printf("%d\n", (int)((uintptr_t)&lc % 8));
    printf("%d\n", (int)((uintptr_t)g_buffer % 64));
    printf("%d\n", (int)((uintptr_t)g_small % _Alignof(int)));
    printf("%zu\n", __alignof__(int[7]));
    printf("%zu\n", _Alignof(int[7]));
    _Alignas(struct s1) char raw[sizeof(struct s1)];
    printf("%d %zu\n", (int)((uintptr_t)raw % 16), sizeof raw);
    printf("%d\n", __alignas_is_defined + __alignof_is_defined);
    return 0;
}
