#include <stdio.h>

typedef int v4si __attribute__((vector_size(16)));
typedef float v4sf __attribute__((vector_size(16)));
typedef double v2df __attribute__((__vector_size__(16)));
typedef unsigned char v16qi __attribute__((vector_size(16)));
typedef short v8hi __attribute__((vector_size(16)));
typedef long long v4di __attribute__((vector_size(32)));

static void print_v4si(const char *label, v4si v)
{
    printf("%s: %d %d %d %d\n", label, v[0], v[1], v[2], v[3]);
}

int main(void)
{
    v4si a = { 1, 2, 3, 4 };
    v4si b = { 10, 20, 30, 40 };
    print_v4si("a", a);
    print_v4si("a+b", a + b);
    printf("%zu %zu %zu %zu\n", sizeof(v4si), sizeof(v2df), sizeof(v16qi), sizeof(v4di));
    v16qi bytes = { 0 };
    for (int i = 0; i < 16; i++) bytes[i] = (unsigned char)(i * 17);
    int sum = 0;
    for (int i = 0; i < 16; i++) sum += bytes[i];
    printf("%d\n", sum);
    v8hi h = { 1, -1, 2, -2, 3, -3, 4, -4 };
    h = h * 3;
    printf("%d %d %d\n", h[0], h[1], h[7]);
    v4di big = { 1LL << 40, 2, 3, 4 };
    printf("%lld\n", big[0] + big[3]);
    union { v4si v; int a[4]; } u = { .v = { 5, 6, 7, 8 } };
    printf("%d\n", u.a[2]);
    v4si arr[2] = { { 1, 1, 1, 1 }, { 2, 2, 2, 2 } };
    print_v4si("arr", arr[0] + arr[1]);
    v4sf f = { 0.5f, 1.5f, 2.5f, 3.5f };
    printf("%.1f %.1f\n", (double)f[0], (double)f[3]);
    __attribute__((vector_size(8))) int inline_vec = { 3, 4 };
    printf("%d %zu\n", inline_vec[1], sizeof inline_vec);
    return 0;
}
