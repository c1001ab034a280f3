#include <stdio.h>
#include <stdarg.h>
#include <string.h>

static char logbuf[256];
static size_t loglen;

__attribute__((format(printf, 2, 3)))
static int logf_(int level, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(logbuf + loglen, sizeof logbuf - loglen, fmt, ap);
    va_end(ap);
    loglen += (size_t)n;
    return level + n;
}

static void vlog(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
static void vlog(const char *fmt, va_list ap) { vprintf(fmt, ap); }

static void wrap(const char *fmt, ...) __attribute__((__format__(__printf__, 1, 2), noinline));
static void wrap(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vlog(fmt, ap);
    va_end(ap);
}

__attribute__((noinline)) static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
__attribute__((__noinline__)) static int id(int x) { return x; }
static const char *fmt_arg(const char *f) __attribute__((format_arg(1)));
static const char *fmt_arg(const char *f) { return f; }

int main(void)
{
    printf("%d\n", logf_(1, "a=%d ", 5));
    printf("%d\n", logf_(2, "s=%s ", "str"));
    printf("%s|%zu\n", logbuf, strlen(logbuf));
    wrap("%s %d %c\n", "wrapped", 42, 'z');
    printf("%d %d\n", fib(15), id(3));
    printf(fmt_arg("%d\n"), 8);
    return 0;
}
