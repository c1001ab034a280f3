/* extcall (plain C): the loop of extcall.gc — n calls of rand_r(3) — in
 * plain C (cc -O2, no gocc runtime), calling the function directly: the
 * baseline for the cost of a C library call from dialect code.  Same
 * measurement as bench.h (stats.h; clock_gettime(CLOCK_MONOTONIC), which is
 * what time_now() reads; one warm-up run, median of 5, peak RSS) and the
 * same output lines: `extcall value ns` and `extcall.rss kb KB`. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <sys/resource.h>
#include "stats.h"

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static double run(long n)
{
    unsigned int seed = 1;
    unsigned long sum = 0;
    double t = now_ns();
    for (long i = 0; i < n; i++)
        sum += (unsigned int)rand_r(&seed);
    double d = now_ns() - t;
    if (sum == 0 || seed == 1) {
        fprintf(stderr, "benchmark failed: extcall: rand_r did not run\n");
        exit(1);
    }
    return d / (double)n;
}

int main(void)
{
    bench_init();
    long n = bench_n(10000000);
    double v[5];
    run(n / 10);
    for (int r = 0; r < 5; r++)
        v[r] = run(n);
    printf("extcall %.1f ns\n", bench_median(v, 5));
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("extcall.rss %ld KB\n", ru.ru_maxrss);
    return 0;
}
