#include <stdio.h>

__extension__ typedef long long ll_t;
__extension__ typedef __int128 i128_t;

__extension__ static int ext_fn(void) { return 5; }

struct s {
    __extension__ union { int a; float b; };
    int c;
};

int main(void)
{
    ll_t x = __extension__ 1LL << 40;
    printf("%lld\n", x);
    i128_t big = (i128_t)x * x;
    printf("%llu\n", (unsigned long long)(big >> 64));
    int v = __extension__ ({ int t = 3; t * t; });
    printf("%d\n", v);
    printf("%d\n", ext_fn());
    struct s st = { { 7 }, 8 };
    printf("%d %d\n", st.a, st.c);
    __extension__ int arr[0];
    printf("%zu\n", sizeof arr);
    int r = __extension__ (v > 5 ?: 0);
    printf("%d\n", r);
    __extension__ __auto_type q = 3.5;
    printf("%.1f\n", q);
    return __extension__ 0;
}
