#include <stdio.h>

#define LOG(fmt, ...) printf("[log] " fmt "\n", __VA_ARGS__)
#define LOG0(...) printf(__VA_ARGS__)
#define GLOG(fmt, args...) printf("[gnu] " fmt "\n", ##args)
#define ELOG(fmt, ...) printf("[opt] " fmt "\n", ##__VA_ARGS__)
#define COUNT_ARGS(...) COUNT_IMPL(__VA_ARGS__, 6, 5, 4, 3, 2, 1, 0)
#define COUNT_IMPL(_1, _2, _3, _4, _5, _6, N, ...) N
#define FIRST(a, ...) (a)
#define REST(a, ...) __VA_ARGS__
#define STR(...) #__VA_ARGS__
#define CALL(f, ...) f(__VA_ARGS__)
#define CAT(a, b) a##b
#define XCAT(a, b) CAT(a, b)
#define MAKE_VAR(n) XCAT(var_, n)
#define APPLY_SUM(...) sum_ints((int[]){ __VA_ARGS__ }, sizeof((int[]){ __VA_ARGS__ }) / sizeof(int))

static int sum_ints(const int *v, size_t n) { int s = 0; for (size_t i = 0; i < n; i++) s += v[i]; return s; }
static int add3(int a, int b, int c) { return a + b + c; }

int main(void)
{
    LOG("%d + %d = %d", 1, 2, 3);
    LOG0("plain %s\n", "variadic");
    GLOG("named args %d", 5);
    GLOG("no args");
    ELOG("with %s", "arg");
    ELOG("without");
    printf("%d %d %d\n", COUNT_ARGS(a), COUNT_ARGS(a, b, c), COUNT_ARGS(1, 2, 3, 4, 5, 6));
    printf("%d\n", FIRST(10, 20, 30));
    printf("%d\n", add3(REST(0, 4, 5, 6)));
    printf("%s\n", STR(a, b,   c));
    printf("%d\n", CALL(add3, 1, 1, 1));
    int MAKE_VAR(1) = 100, MAKE_VAR(2) = 200;
    printf("%d %d\n", var_1, var_2);
    printf("%d\n", APPLY_SUM(1, 2, 3, 4, 5));
    printf("%s:%d %s\n", sizeof(__FILE__) > 1 ? "file" : "", __LINE__ > 0, __func__);
    return 0;
}
