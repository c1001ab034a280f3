/*
 * test_util.h — helpers shared by the public-API tests (runtime/test/test_*.c).
 *
 * The rules every test file follows:
 *
 *  - Each Test starts the runtime once with TU_RUN(main_fn).  Criterion runs
 *    every Test in its own process, so gocc_start() is called at most once
 *    per process, from the worker's initial thread.
 *  - Code that runs in goroutines (main_fn and everything it spawns) is
 *    split-stack code: it never calls libc (printf, memcpy, memset, qsort,
 *    Criterion) directly, only through gocc_systemstack().  It also avoids
 *    constructs that the compiler lowers to libc calls (big struct copies,
 *    `= {0}` on big local arrays); byte loops are kept as loops by the pragma
 *    below.
 *  - Goroutines record results in globals, or failed checks with GCHECK /
 *    GCHECK_EQ; TU_RUN asserts on the main thread after gocc_start()
 *    returns that main_fn returned 0 and that no check failed.
 *  - Only deterministic assertions: whatever scheduling may reorder is
 *    aggregated or sorted; waits for progress are bounded loops (TU_WAIT),
 *    never "this took less than X ms".
 *  - Process-isolated scenarios (panics, deadlocks, exit status) run the test
 *    binary itself as a child (`--gocc-child NAME`, see TU_MAIN) and check
 *    its exit status, stdout and stderr.
 *  - Every test file ends with TU_MAIN(scenarios) or TU_MAIN(NULL), which
 *    defines main(): Criterion's, or under ThreadSanitizer (where Criterion
 *    2.4 cannot start) a small stand-in with the same Test/cr_assert subset.
 *  - Counts scale down in fixed-stack and TSan builds (TU_MAX_LIVE).
 */
#ifndef GOCC_TEST_UTIL_H
#define GOCC_TEST_UTIL_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "../gocc.h"

#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define TU_TSAN 1
#endif
#endif
/* TSan runs use GC_DONT_GC (runtime.mk says why): a test that needs a
 * collection to happen is disabled there with TU_TEST(..., TU_NEEDS_GC). */
#if defined(__SANITIZE_THREAD__) || defined(TU_TSAN)
#define TU_NEEDS_GC .disabled = 1
#else
#define TU_NEEDS_GC .disabled = 0
#endif
#if defined(__SANITIZE_THREAD__) || defined(TU_TSAN) || defined(TU_NO_CRITERION)
#define TU_MINI 1
#else
#define TU_MINI 0
#include <criterion/criterion.h>
#endif
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__GNUC__) && !defined(__clang__)
/* Keep byte loops in goroutine code from becoming memcpy/memset calls. */
#pragma GCC optimize("no-tree-loop-distribute-patterns")
#endif

extern char **environ;

/* Fixed-stack builds (sanitizers, -DRT_FIXED_STACK) give every goroutine a
 * 1 MiB mmap'd stack plus a guard page: at most ~32k goroutines
 * (vm.max_map_count) and no growth beyond 1 MiB.  Tests scale down there. */
#ifdef RT_FIXED_STACK
#define TU_FIXED 1
#else
#define TU_FIXED 0
#endif
/* ThreadSanitizer keeps a thread context per goroutine (fiber) and runs out
 * of trace memory near 10,000 live ones: at most 2,000 live there. */
#if defined(__SANITIZE_THREAD__) || defined(TU_TSAN)
#define TU_MAX_LIVE 2000
#elif TU_FIXED
#define TU_MAX_LIVE 10000
#else
#define TU_MAX_LIVE 100000
#endif

/* ---- a minimal Criterion stand-in for ThreadSanitizer builds -------------- *
 * Criterion 2.4 aborts at start-up under -fsanitize=thread ("Could not
 * initialize inheritable arena", Snaipe/Criterion#274).  TSan builds (and
 * builds with -DTU_NO_CRITERION) get this stand-in instead: the same Test()
 * and cr_assert* subset, each test in its own forked process, run one after
 * another, with .exit_code and .timeout honoured, `--filter SUBSTRING` on
 * "suite/name", other options ignored. */
#if TU_MINI
struct tu_opts { int exit_code; double timeout; int disabled; };
struct tu_test { const char *suite, *name; void (*fn)(void); struct tu_opts opts; };
static struct tu_test tu_tests[256];
static int tu_ntests;

#define Test(suite, name, ...)                                                 \
    static void suite##_##name##_impl(void);                                   \
    __attribute__((constructor)) static void suite##_##name##_reg(void)        \
    {                                                                          \
        struct tu_opts o = { __VA_ARGS__ };                                    \
        if (tu_ntests < 256)                                                   \
            tu_tests[tu_ntests++] =                                            \
                (struct tu_test){ #suite, #name, suite##_##name##_impl, o };   \
    }                                                                          \
    static void suite##_##name##_impl(void)

__attribute__((noreturn))
static void tu_mini_fail(const char *file, int line, const char *expr, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s:%d: Assertion failed: ", file, line);
    if (fmt && *fmt) {
        va_start(ap, fmt);
        vfprintf(stderr, fmt, ap);
        va_end(ap);
    } else {
        fputs(expr, stderr);
    }
    fputc('\n', stderr);
    fflush(NULL);
    _exit(1);
}

#define cr_assert(cond, ...)                                                   \
    do {                                                                       \
        if (!(cond))                                                           \
            tu_mini_fail(__FILE__, __LINE__, #cond, "" __VA_ARGS__);           \
    } while (0)
#define cr_assert_eq(a, b, ...) cr_assert((a) == (b), __VA_ARGS__)
#define cr_assert_null(p, ...) cr_assert((p) == NULL, __VA_ARGS__)
#define cr_assert_str_eq(a, b, ...) cr_assert(strcmp((a), (b)) == 0, __VA_ARGS__)
#define cr_assert_fail(...) tu_mini_fail(__FILE__, __LINE__, "cr_assert_fail", "" __VA_ARGS__)
#define cr_log_error(...) (fprintf(stderr, __VA_ARGS__), fputc('\n', stderr))

static int tu_mini_run_all(int argc, char **argv)
{
    const char *filter = NULL;
    int failed = 0, ran = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--filter") == 0 && i + 1 < argc)
            filter = argv[++i];
        else if (strncmp(argv[i], "--filter=", 9) == 0)
            filter = argv[i] + 9;
    }
    for (int i = 0; i < tu_ntests; i++) {
        struct tu_test *t = &tu_tests[i];
        char full[256];
        int st = 0;
        snprintf(full, sizeof full, "%s/%s", t->suite, t->name);
        if (t->opts.disabled || (filter && !strstr(full, filter)))
            continue;
        ran++;
        fflush(NULL);
        pid_t pid = fork();
        if (pid == 0) {
            if (t->opts.timeout > 0)
                alarm((unsigned)t->opts.timeout);
            t->fn();
            fflush(NULL);
            exit(0);                 /* exit(), so TSan can report and set 66 */
        }
        waitpid(pid, &st, 0);
        bool ok = WIFEXITED(st) && WEXITSTATUS(st) == t->opts.exit_code;
        if (!ok) {
            failed++;
            if (WIFSIGNALED(st))
                fprintf(stderr, "[FAIL] %s::%s: CRASH (signal %d)\n", t->suite, t->name,
                        WTERMSIG(st));
            else
                fprintf(stderr, "[FAIL] %s::%s: exit status %d, want %d\n", t->suite,
                        t->name, WEXITSTATUS(st), t->opts.exit_code);
        }
    }
    fprintf(stderr, "[====] Synthesis: Tested: %d | Passing: %d | Failing: %d\n", ran,
            ran - failed, failed);
    return failed != 0;
}
#endif

/* Every test gets a generous hang guard (seconds): a runtime that loses a
 * wake-up fails the test instead of stalling the suite.  It bounds hangs; it
 * is not a timing assertion. */
#define TU_TIMEOUT 120
#define TU_TEST(suite, name, ...) Test(suite, name, .timeout = TU_TIMEOUT, ##__VA_ARGS__)

/* ---- checks inside goroutines -------------------------------------------- */

struct tu_fail { const char *file; int line; const char *expr; long got, want; };
static struct tu_fail tu_first_fail;
static atomic_int tu_nfail;
static atomic_int tu_fail_ready;

__attribute__((noinline, unused))
static void tu_record_fail(const char *file, int line, const char *expr, long got, long want)
{
    if (atomic_fetch_add(&tu_nfail, 1) == 0) {
        tu_first_fail.file = file;
        tu_first_fail.line = line;
        tu_first_fail.expr = expr;
        tu_first_fail.got = got;
        tu_first_fail.want = want;
        atomic_store(&tu_fail_ready, 1);
    }
}

#define GCHECK(cond)                                                           \
    do {                                                                       \
        if (!(cond))                                                           \
            tu_record_fail(__FILE__, __LINE__, #cond, 0, 0);                   \
    } while (0)

#define GCHECK_EQ(a, b)                                                        \
    do {                                                                       \
        long tu_a_ = (long)(a), tu_b_ = (long)(b);                             \
        if (tu_a_ != tu_b_)                                                    \
            tu_record_fail(__FILE__, __LINE__, #a " == " #b, tu_a_, tu_b_);    \
    } while (0)

/* On the main thread, after gocc_start() returned. */
#define TU_ASSERT_NO_FAIL()                                                    \
    do {                                                                       \
        int tu_n_ = atomic_load(&tu_nfail);                                    \
        if (tu_n_ && atomic_load(&tu_fail_ready))                              \
            cr_assert_fail("%d goroutine check(s) failed; first at %s:%d: "    \
                           "%s (got %ld, want %ld)",                           \
                           tu_n_, tu_first_fail.file, tu_first_fail.line,     \
                           tu_first_fail.expr, tu_first_fail.got,             \
                           tu_first_fail.want);                                \
        cr_assert_eq(tu_n_, 0, "%d goroutine check(s) failed", tu_n_);         \
    } while (0)

/* Start the runtime with fn as the main goroutine; assert it returned 0 and
 * that no goroutine check failed. */
#define TU_RUN(fn)                                                             \
    do {                                                                       \
        static char *tu_argv_[] = { "gocc-test", NULL };                       \
        int tu_r_ = gocc_start(fn, 1, tu_argv_, environ);                      \
        TU_ASSERT_NO_FAIL();                                                   \
        cr_assert_eq(tu_r_, 0, "main goroutine returned %d", tu_r_);           \
    } while (0)

/* Bounded wait for progress in goroutine code: first yields, then sleeps
 * 1 ms at a time, for at most about 30 s; records a failure if cond never
 * held.  Evaluates to whether it held. */
#define TU_WAIT(cond)                                                          \
    ({                                                                         \
        bool tu_ok_ = false;                                                   \
        for (long tu_i_ = 0; tu_i_ < 32000; tu_i_++) {                         \
            if (cond) { tu_ok_ = true; break; }                                \
            if (tu_i_ < 2000) gosched(); else time_sleep(MILLISECOND);         \
        }                                                                      \
        if (!tu_ok_)                                                           \
            tu_record_fail(__FILE__, __LINE__, "TU_WAIT(" #cond ")", 0, 1);    \
        tu_ok_;                                                                \
    })

/* Give other goroutines plenty of chances to run (used only before asserting
 * that something has NOT happened, which holds whatever the schedule). */
__attribute__((unused))
static void tu_let_others_run(void)
{
    for (int i = 0; i < 200; i++)
        gosched();
    time_sleep(20 * MILLISECOND);
    for (int i = 0; i < 200; i++)
        gosched();
}

/* A tiny deterministic PRNG for goroutine code (no libc). */
__attribute__((unused))
static uint32_t tu_rand(uint32_t *s)
{
    *s = *s * 1664525u + 1013904223u;
    return *s >> 8;
}

/* memset for goroutine code: the volatile store keeps every compiler from
 * turning the loop back into a libc call. */
__attribute__((unused))
static void tu_fill(void *p, int byte, size_t n)
{
    volatile unsigned char *q = p;
    for (size_t i = 0; i < n; i++)
        q[i] = (unsigned char)byte;
}

/* Aligned GC allocation (gocc_alloc guarantees only malloc-like alignment). */
__attribute__((unused))
static void *tu_alloc_aligned(size_t size, size_t align)
{
    char *p = gocc_alloc(size + align);
    uintptr_t u = ((uintptr_t)p + align - 1) & ~(uintptr_t)(align - 1);
    return (void *)u;
}

/* ---- libc through the system stack ---------------------------------------- */

struct tu_print { const char *s; };

__attribute__((unused))
static void tu_puts_ss(void *arg)
{
    fputs(((struct tu_print *)arg)->s, stdout);
}

/* fputs(s, stdout) from goroutine code. */
__attribute__((unused))
static void tu_puts(const char *s)
{
    struct tu_print p = { s };
    gocc_systemstack(tu_puts_ss, &p);
}

/* ---- child processes --------------------------------------------------- */

struct tu_scenario { const char *name; int (*fn)(int, char **, char **); };

#define TU_OUT_MAX 65536
struct tu_child {
    int exited;          /* 1: exited normally, status in code */
    int code;            /* exit status, or the signal number if !exited */
    char out[TU_OUT_MAX];
    char err[TU_OUT_MAX];
};

static void tu_slurp(FILE *f, char *buf)
{
    size_t n;
    fflush(f);
    rewind(f);
    n = fread(buf, 1, TU_OUT_MAX - 1, f);
    buf[n] = '\0';
    fclose(f);
}

/* Run this test binary as `--gocc-child name` (see TU_MAIN) with stdout and
 * stderr captured in files (so stdio is fully buffered in the child, as in
 * a pipeline), wait at most 60 s (then SIGKILL), and fill *r. */
__attribute__((unused))
static void tu_run_child(const char *name, struct tu_child *r)
{
    FILE *o = tmpfile(), *e = tmpfile();
    int st = 0;
    pid_t pid;

    cr_assert(o && e, "tmpfile failed");
    /* Criterion's sandbox (BoxFort) hooks main() in every process started
     * from this binary that inherits BXFI_MAP: drop it, so the child runs
     * our main(). */
    static char *envp[4096];
    int ne = 0;
    for (char **v = environ; *v && ne < 4095; v++)
        if (strncmp(*v, "BXFI_", 5) != 0)
            envp[ne++] = *v;
    envp[ne] = NULL;
    static char *argv[4] = { "/proc/self/exe", "--gocc-child", NULL, NULL };
    argv[2] = (char *)name;
    fflush(stdout);
    fflush(stderr);
    pid = fork();
    cr_assert(pid >= 0, "fork failed");
    if (pid == 0) {
        dup2(fileno(o), 1);
        dup2(fileno(e), 2);
        execve("/proc/self/exe", argv, envp);
        _exit(127);
    }
    for (int i = 0;; i++) {
        pid_t w = waitpid(pid, &st, WNOHANG);
        if (w == pid)
            break;
        if (i > 6000) {
            kill(pid, SIGKILL);
            waitpid(pid, &st, 0);
            break;
        }
        usleep(10000);
    }
    r->exited = WIFEXITED(st);
    r->code = WIFEXITED(st) ? WEXITSTATUS(st) : WIFSIGNALED(st) ? WTERMSIG(st) : -1;
    tu_slurp(o, r->out);
    tu_slurp(e, r->err);
}

/* Does buf contain `line` as a whole line? */
__attribute__((unused))
static bool tu_has_line(const char *buf, const char *line)
{
    size_t n = strlen(line);
    for (const char *p = buf; (p = strstr(p, line)) != NULL; p++)
        if ((p == buf || p[-1] == '\n') && (p[n] == '\n' || p[n] == '\0'))
            return true;
    return false;
}

/* Assert: the child exited with `code` and stderr has `line` as a line. */
#define TU_ASSERT_CHILD(r, want_code, line)                                    \
    do {                                                                       \
        cr_assert((r)->exited, "child killed by signal %d; stderr:\n%s",      \
                  (r)->code, (r)->err);                                        \
        cr_assert_eq((r)->code, (want_code),                                   \
                     "child exit status %d, want %d; stderr:\n%s",             \
                     (r)->code, (want_code), (r)->err);                        \
        cr_assert(tu_has_line((r)->err, (line)),                               \
                  "stderr has no line \"%s\"; stderr:\n%s", (line), (r)->err); \
    } while (0)

/* main() of every test binary (put TU_MAIN(scenarios) or TU_MAIN(NULL) at
 * the end of each test file): `--gocc-child NAME` runs scenario NAME as the
 * main goroutine and exits with its result (unless the runtime exits
 * first); anything else runs the tests (Criterion, or the stand-in above). */
#if TU_MINI
#define TU_RUN_TESTS(argc, argv) return tu_mini_run_all(argc, argv)
#else
#define TU_RUN_TESTS(argc, argv)                                               \
    do {                                                                       \
        struct criterion_test_set *tests = criterion_initialize();             \
        int result = 0;                                                        \
        if (criterion_handle_args(argc, argv, true))                           \
            result = !criterion_run_all_tests(tests);                          \
        criterion_finalize(tests);                                             \
        return result;                                                         \
    } while (0)
#endif

#define TU_MAIN(scenarios)                                                     \
    int main(int argc, char **argv, char **envp)                               \
    {                                                                          \
        if (argc == 3 && strcmp(argv[1], "--gocc-child") == 0) {               \
            const struct tu_scenario *s = (scenarios);                         \
            for (; s && s->name; s++)                                          \
                if (strcmp(s->name, argv[2]) == 0)                             \
                    return gocc_start(s->fn, argc, argv, envp);                \
            fprintf(stderr, "no scenario %s\n", argv[2]);                      \
            return 127;                                                        \
        }                                                                      \
        TU_RUN_TESTS(argc, argv);                                              \
    }

#endif
