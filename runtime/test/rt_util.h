/*
 * rt_util.h — helpers for the runtime's white-box tests (rt_*.c).
 *
 * Goroutine code is split-stack code: it may not call libc or Criterion
 * directly.  Tests record what they observe in globals from inside the
 * runtime and assert after gocc_start() returns, on the initial thread.
 * rt_run_child() runs a whole program in a forked child (for exit-status
 * and stderr checks).
 */
#ifndef RT_UTIL_H
#define RT_UTIL_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "gocc.h"

#ifndef RT_SAN_HARNESS
#include <criterion/criterion.h>
#else
/* A minimal stand-in for Criterion, for ThreadSanitizer builds: Criterion's
 * boxfort arena cannot be mapped under TSan's memory layout.  Each Test
 * runs in its own forked child, as Criterion does. */
struct rt_test { const char *suite, *name; void (*fn)(void); };
static struct rt_test rt_tests[64];
static int rt_ntests;
#define Test(suite, name)                                                   \
    static void suite##_##name(void);                                       \
    __attribute__((constructor)) static void reg_##suite##_##name(void)     \
    {                                                                       \
        rt_tests[rt_ntests++] = (struct rt_test){ #suite, #name, suite##_##name }; \
    }                                                                       \
    static void suite##_##name(void)
#define RT_FAIL_(...) do { fprintf(stderr, "%s:%d: assertion failed: ", __FILE__, __LINE__); \
        fprintf(stderr, "" __VA_ARGS__); fprintf(stderr, "\n"); _exit(1); } while (0)
#define cr_assert(cond, ...) do { if (!(cond)) RT_FAIL_(#cond " " __VA_ARGS__); } while (0)
#define cr_assert_eq(a, b, ...) cr_assert((a) == (b), __VA_ARGS__)
#define cr_assert_geq(a, b, ...) cr_assert((a) >= (b), __VA_ARGS__)
#define cr_assert_gt(a, b, ...) cr_assert((a) > (b), __VA_ARGS__)
#define cr_assert_leq(a, b, ...) cr_assert((a) <= (b), __VA_ARGS__)
#define cr_assert_lt(a, b, ...) cr_assert((a) < (b), __VA_ARGS__)
#define cr_assert_neq(a, b, ...) cr_assert((a) != (b), __VA_ARGS__)
#define cr_assert_not(c, ...) cr_assert(!(c), __VA_ARGS__)
#define cr_assert_null(p, ...) cr_assert((p) == NULL, __VA_ARGS__)
#define cr_assert_not_null(p, ...) cr_assert((p) != NULL, __VA_ARGS__)
#define cr_assert_str_eq(a, b, ...) cr_assert(strcmp((a), (b)) == 0, __VA_ARGS__)
#define cr_expect cr_assert
#define cr_expect_eq cr_assert_eq
#define cr_log_info(...) ((void)0)
int main(int argc, char **argv)
{
    int failed = 0;
    (void)argc; (void)argv;
    for (int i = 0; i < rt_ntests; i++) {
        fflush(NULL);
        pid_t pid = fork();
        if (pid == 0) {
            rt_tests[i].fn();
            fflush(NULL);
            _exit(0);
        }
        int st;
        waitpid(pid, &st, 0);
        bool ok = WIFEXITED(st) && WEXITSTATUS(st) == 0;
        printf("[%s] %s::%s\n", ok ? "PASS" : "FAIL", rt_tests[i].suite, rt_tests[i].name);
        failed += !ok;
    }
    printf("[====] Synthesis: Tested: %d | Failing: %d\n", rt_ntests, failed);
    return failed != 0;
}
#endif

static inline void rt_ss_puts(void *s) { fputs(s, stdout); }

/* Runs main_fn under gocc_start in a child process; returns its exit status
 * and fills out (NUL-terminated) with what it wrote to stdout and stderr. */
static inline int rt_run_child(int (*main_fn)(int, char **, char **), char *out,
                               size_t outsz)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        dup2(fds[1], 1);
        dup2(fds[1], 2);
        char *argv[] = { "child", NULL };
        int r = gocc_start(main_fn, 1, argv, NULL);
        fflush(NULL);
        _exit(r);
    }
    close(fds[1]);
    size_t n = 0;
    ssize_t k;
    while ((k = read(fds[0], out + n, outsz - 1 - n)) > 0)
        n += (size_t)k;
    out[n] = 0;
    close(fds[0]);
    int st;
    waitpid(pid, &st, 0);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
#endif
