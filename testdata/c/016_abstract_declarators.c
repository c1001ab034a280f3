#include <stdio.h>

static int twice(int x) { return 2 * x; }

int main(void)
{
    printf("%zu\n", sizeof(int));
    printf("%zu\n", sizeof(int *));
    printf("%zu\n", sizeof(int[10]));
    printf("%zu\n", sizeof(int (*)[10]));
    printf("%zu\n", sizeof(int *[10]));
    printf("%zu\n", sizeof(int (*)(void)));
    printf("%zu\n", sizeof(int (*[4])(int)));
    printf("%zu\n", sizeof(char[2][3][4]));
    printf("%zu\n", sizeof(struct { char c; double d; }));
    printf("%zu\n", sizeof(union { char c[13]; int i; }));
    printf("%zu\n", sizeof(const volatile long));
    printf("%zu\n", sizeof(unsigned long long int));
    printf("%zu\n", sizeof(long double));
    printf("%zu\n", sizeof(_Bool));
    printf("%zu\n", sizeof(char (*(*)[3])(int)));
    printf("%zu\n", _Alignof(int (*)[5]));
    void *p = (void *)twice;
    int r = ((int (*)(int))p)(21);
    printf("%d\n", r);
    int arr[2][3] = { {1, 2, 3}, {4, 5, 6} };
    int (*rowp)[3] = (int (*)[3])arr[0];
    printf("%d\n", rowp[1][1]);
    int *flat = (int *)(int (*)[6])arr;
    printf("%d\n", flat[5]);
    long v = (long)(unsigned char)(signed char)-1;
    printf("%ld\n", v);
    printf("%d\n", (int)sizeof(int (*(*)(void))[8]));
    printf("%d\n", ((int (*)(int))twice)(4));
    int (*fn)(int) = (int (*)(int))(void (*)(void))twice;
    printf("%d\n", fn(100));
    const char *s = (const char *)"abs";
    printf("%s\n", s);
    printf("%zu\n", sizeof(int [1 + 2]));
    return 0;
}
