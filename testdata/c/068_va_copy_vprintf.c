#include <stdio.h>
#include <stdarg.h>
#include <string.h>

static int count_then_sum(int n, ...)
{
    va_list ap, ap2;
    va_start(ap, n);
    va_copy(ap2, ap);
    int cnt = 0;
    for (int i = 0; i < n; i++) if (va_arg(ap, int) > 0) cnt++;
    int s = 0;
    for (int i = 0; i < n; i++) s += va_arg(ap2, int);
    va_end(ap2);
    va_end(ap);
    return cnt * 1000 + s;
}

static char *format(char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, n, fmt, ap);
    va_end(ap);
    return buf;
}

static void vsum_helper(int n, va_list ap, int *out)
{
    int s = 0;
    for (int i = 0; i < n; i++) s += va_arg(ap, int);
    *out = s;
}

static int forward(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    int r;
    vsum_helper(n, ap, &r);
    va_end(ap);
    return r;
}

static void log_twice(const char *fmt, ...)
{
    va_list ap, cp;
    va_start(ap, fmt);
    __builtin_va_copy(cp, ap);
    vprintf(fmt, ap);
    vfprintf(stdout, fmt, cp);
    va_end(cp);
    va_end(ap);
}

int main(void)
{
    printf("%d\n", count_then_sum(5, 1, -2, 3, -4, 5));
    char buf[64];
    printf("%s\n", format(buf, sizeof buf, "%05d|%-4s|%x|%.3e", 42, "ab", 255, 12345.678));
    printf("%zu\n", strlen(buf));
    printf("%d\n", forward(4, 10, 20, 30, 40));
    log_twice("twice %d\n", 2);
    return 0;
}
