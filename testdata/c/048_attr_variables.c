#include <stdio.h>
#include <stdint.h>

int g_aligned __attribute__((aligned(32))) = 1;
static int g_unused __attribute__((unused));
__attribute__((used)) static int g_used = 2;
int __attribute__((weak)) g_weak = 3;
static const char g_section[] __attribute__((section(".rodata.gocc"))) = "sect";
__attribute__((aligned(16))) static char g_buf[5];
static int g_common_attr __attribute__((visibility("hidden"))) = 4;
int g_deprecated __attribute__((deprecated("use g_new"))) = 5;

int main(void)
{
    int local __attribute__((aligned(64))) = 10;
    int unused_local __attribute__((unused));
    __attribute__((unused)) int another;
    int x __attribute__((unused)) = 5, y __attribute__((unused)) = 6;
    printf("%d %d %d %d\n", g_aligned, g_used, g_weak, local);
    printf("%s %d %d\n", g_section, g_common_attr, g_deprecated);
    printf("%d %d %d\n", (int)((uintptr_t)&g_aligned % 32), (int)((uintptr_t)&local % 64), (int)((uintptr_t)g_buf % 16));
    printf("%d %d\n", x, y);
    static int counter __attribute__((used)) = 0;
    counter++;
    printf("%d\n", counter);
    char *const names[] __attribute__((unused)) = { "a", "b" };
    printf("%s\n", names[1]);
    int arr[4] __attribute__((aligned(32))) = { 1, 2, 3, 4 };
    printf("%d %d\n", arr[3], (int)((uintptr_t)arr % 32));
    int vmode __attribute__((mode(DI))) = -1;
    unsigned int umode __attribute__((mode(QI))) = 300;
    printf("%zu %d %zu %u\n", sizeof vmode, vmode, sizeof umode, umode);
    return 0;
}
