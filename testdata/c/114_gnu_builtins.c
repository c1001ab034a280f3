#include <stdio.h>
#include <string.h>
#include <stdint.h>
#include <limits.h>

int main(void)
{
    printf("%d %d %d\n", __builtin_popcount(0xff), __builtin_popcountl(0xffffffffffUL), __builtin_popcountll(0x8000000000000001ULL));
    printf("%d %d %d\n", __builtin_clz(1), __builtin_clzl(1UL), __builtin_clzll(0x100ULL));
    printf("%d %d %d\n", __builtin_ctz(8), __builtin_ctzl(1UL << 40), __builtin_ctzll(0x10ULL));
    printf("%d %d %d\n", __builtin_ffs(0), __builtin_ffs(12), __builtin_parity(7));
    printf("%x %x %llx\n", __builtin_bswap16(0x1234), __builtin_bswap32(0x12345678), (unsigned long long)__builtin_bswap64(0x0102030405060708ULL));
    int r;
    printf("%d ", __builtin_add_overflow(INT_MAX, 1, &r));
    printf("%d ", __builtin_add_overflow(1, 2, &r));
    printf("%d\n", r);
    long long m;
    printf("%d ", __builtin_mul_overflow(1LL << 62, 4, &m));
    int ov = __builtin_mul_overflow(1000, 1000, &m);
    printf("%d %lld\n", ov, m);
    unsigned u;
    ov = __builtin_sub_overflow(0u, 1u, &u);
    printf("%d %u\n", ov, u);
    printf("%d\n", __builtin_constant_p(42));
    double inf = __builtin_inf();
    double nan = __builtin_nan("");
    printf("%d %d %d %d\n", __builtin_isinf(inf), __builtin_isnan(nan), __builtin_isnan(inf), nan != nan);
    printf("%g %g\n", __builtin_huge_val(), -__builtin_inff());
    printf("%d %d\n", __builtin_signbit(-0.0) != 0, __builtin_signbit(1.0) != 0);
    printf("%.1f %.1f\n", __builtin_fabs(-2.5), __builtin_copysign(3.0, -1.0));
    char src[] = "builtin copy", dst[16];
    __builtin_memcpy(dst, src, sizeof src);
    printf("%s %d\n", dst, __builtin_memcmp(dst, src, sizeof src));
    __builtin_memset(dst, '-', 3);
    printf("%s %zu\n", dst, __builtin_strlen(dst));
    printf("%d\n", __builtin_strcmp("a", "b") < 0);
    int arr[8] __attribute__((aligned(32))) = { 1, 2, 3 };
    int *al = __builtin_assume_aligned(arr, 32);
    printf("%d\n", al[2]);
    __builtin_prefetch(arr, 0, 3);
    int x = 5;
    if (x != 5) __builtin_unreachable();
    printf("%d\n", __builtin_abs(-9) + (int)__builtin_labs(-1L));
    printf("%d\n", __builtin_classify_type(1.0) == __builtin_classify_type(2.0));
    void *ret = __builtin_return_address(0);
    printf("%d\n", ret != 0);
    void *frame = __builtin_frame_address(0);
    printf("%d\n", frame != 0);
    printf("%d\n", __builtin_offsetof(struct { char c; int i; }, i));
    return 0;
}
