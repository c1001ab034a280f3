#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static int slow_add(int a, int b) { return a + b; }
static inline __attribute__((always_inline)) int fast_mul(int a, int b) { return a * b; }
__attribute__((const)) static int square(int x) { return x * x; }
__attribute__((pure)) static int first(const int *p) { return *p; }
static int __attribute__((unused)) never_called(void) { return 0; }
__attribute__((warn_unused_result)) static int must_use(void) { return 11; }
__attribute__((cold)) static void rare(void) { printf("rare path\n"); }
__attribute__((hot)) static int hot_loop(int n) { int s = 0; for (int i = 0; i < n; i++) s += i; return s; }
__attribute__((malloc)) static void *my_alloc(size_t n) { return malloc(n); }
__attribute__((nonnull(1))) static int len(const char *s) { int n = 0; while (s[n]) n++; return n; }
__attribute__((deprecated)) static int old_api(void) { return 3; }
__attribute__((used)) static int kept(void) { return 4; }
static int __attribute__((noinline, noclone)) multi(int x) { return x + 100; }
__attribute__((returns_nonnull)) static const char *name(void) { return "nn"; }
__attribute__((sentinel)) static int count_args(const char *first, ...) { (void)first; return 1; }
int __attribute__((weak)) weak_fn(void) { return 5; }
__attribute__((visibility("default"))) int visible_fn(void) { return 6; }
static int target(int x) { return x * 3; }
static int alias_fn(int) __attribute__((alias("target")));
static void __attribute__((optimize("O0"))) unoptimized(void) { }

int main(void)
{
    printf("%d\n", slow_add(2, 3));
    printf("%d\n", fast_mul(4, 5));
    printf("%d\n", square(9));
    int v = 77;
    printf("%d\n", first(&v));
    printf("%d\n", must_use());
    if (v < 0) rare();
    printf("%d\n", hot_loop(10));
    int *p = my_alloc(sizeof *p);
    *p = 12;
    printf("%d\n", *p);
    free(p);
    printf("%d\n", len("attribute"));
    printf("%d\n", old_api());
    printf("%d\n", kept());
    printf("%d\n", multi(1));
    printf("%s\n", name());
    printf("%d\n", count_args("a", "b", (char *)0));
    printf("%d %d\n", weak_fn(), visible_fn());
    printf("%d\n", alias_fn(7));
    unoptimized();
    return 0;
}
