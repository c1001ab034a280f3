#include <stdio.h>

static int f1(int a __attribute__((unused)), int b) { return b; }
static int f2(__attribute__((unused)) int a, int b) { return b * 2; }
static int f3(int __attribute__((unused)) a, int b) { return b * 3; }
static int f4(const char *fmt __attribute__((unused)), int n) { return n + 1; }
static int f5(int *p __attribute__((nonnull))) { return *p; }
static int f6(int arr[static 4]) { return arr[0]; }
static int f6b(int arr[const restrict 2]) { return arr[1]; }
static int f7(int (*cb)(int) __attribute__((unused)), int v) { return v; }

/* attributes on parameters in prototypes without names */
static int proto(int __attribute__((unused)), char *__attribute__((unused)));
static int proto(int a, char *s) { return a + s[0]; }

/* K&R definition with attribute on parameter declaration */
static int knr(a, b)
    int a __attribute__((unused));
    int b;
{
    return b - 1;
}

int main(void)
{
    int x = 5;
    int arr[4] = { 8, 0, 0, 0 };
    printf("%d %d %d %d\n", f1(1, 2), f2(1, 2), f3(1, 2), f4("x", 9));
    printf("%d %d %d %d\n", f5(&x), f6(arr), f6b(arr), f7(0, 6));
    printf("%d\n", proto(1, "A"));
    printf("%d\n", knr(0, 10));
    return 0;
}
