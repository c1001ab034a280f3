/*
 * bench.h — helpers shared by the C benchmarks (bench/NAME.c), which use the
 * runtime's public C API directly (runtime/gocc.h) until the dialect
 * compiler can build them.
 *
 * Every benchmark times itself: one warm-up run, then the median of several
 * repetitions, and prints `name value unit` and `name.rss <peak RSS> KB`,
 * the same lines as its Go twin in bench/go/<name>/main.go.
 *
 * The code that runs in goroutines is compiled with -fsplit-stack, so every
 * call into libc (printf, getrusage, qsort, ...) goes through
 * gocc_systemstack(); the helpers below do that.  main() itself runs on the
 * initial thread's stack and may call libc directly.
 *
 * BENCH_SCALE (environment, default 1) multiplies the iteration counts, for
 * a quick smoke run (e.g. BENCH_SCALE=0.1); results are per operation except
 * for the "ms total" benchmarks, which then run a smaller fixed size.
 */
#ifndef BENCH_H
#define BENCH_H

#include "../runtime/gocc.h"
#include "stats.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

static inline double bench_now_ns(void) { return (double)time_now().ns; }

struct bench_line { const char *name; double value; const char *unit; int prec; };

static void bench_print_ss(void *arg)
{
    struct bench_line *l = arg;
    printf("%s %.*f %s\n", l->name, l->prec, l->value, l->unit);
    fflush(stdout);
}

/* Print `name value unit` (from any stack). */
static inline void bench_print(const char *name, double value, const char *unit)
{
    struct bench_line l = { name, value, unit, 1 };
    gocc_systemstack(bench_print_ss, &l);
}

static inline void bench_print0(const char *name, double value, const char *unit)
{
    struct bench_line l = { name, value, unit, 0 };
    gocc_systemstack(bench_print_ss, &l);
}

struct bench_rss { const char *name; };

static void bench_rss_ss(void *arg)
{
    struct bench_rss *r = arg;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("%s.rss %ld KB\n", r->name, ru.ru_maxrss);
    fflush(stdout);
}

/* Print `name.rss <peak RSS> KB`. */
static void bench_print_rss(const char *name)
{
    struct bench_rss r = { name };
    gocc_systemstack(bench_rss_ss, &r);
}

static void bench_fail_ss(void *arg)
{
    fprintf(stderr, "benchmark failed: %s\n", (const char *)arg);
    fflush(stderr);
    exit(1);
}

/* A wrong result aborts the benchmark (exit 1). */
static inline void bench_check(int ok, const char *what)
{
    if (!ok)
        gocc_systemstack(bench_fail_ss, (void *)what);
}

/* Runs `run(n)` once as a warm-up (with warm_n), then reps times, and
 * returns the median. */
static inline double bench_repeat(double (*run)(long), long warm_n, long n, int reps)
{
    double v[32];
    run(warm_n);
    for (int r = 0; r < reps && r < 32; r++)
        v[r] = run(n);
    return bench_median(v, reps < 32 ? reps : 32);
}

/* The standard main(): starts the runtime with bench_main as the main
 * goroutine. */
#define BENCH_MAIN(fn)                                                    \
    int main(int argc, char **argv, char **envp)                          \
    {                                                                     \
        bench_init();                                                     \
        return gocc_start(fn, argc, argv, envp);                          \
    }

#endif
