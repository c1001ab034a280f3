/*
 * stats.h — the part of bench.h that needs no runtime: BENCH_SCALE and the
 * median.  bench.h includes it; bench/extcall.c, the plain-C baseline that
 * links no runtime, includes it alone.
 */
#ifndef BENCH_STATS_H
#define BENCH_STATS_H

#include <stdlib.h>

static double bench_scale = 1.0;

/* Call from main() before gocc_start(). */
static void bench_init(void)
{
    const char *s = getenv("BENCH_SCALE");
    if (s && atof(s) > 0)
        bench_scale = atof(s);
}

static inline long bench_n(long n)
{
    long v = (long)((double)n * bench_scale);
    return v < 1 ? 1 : v;
}

/* Median of v[0..n) (sorts v; insertion sort: no libc call on the goroutine
 * stack). */
static double bench_median(double *v, int n)
{
    for (int i = 1; i < n; i++) {
        double x = v[i];
        int j = i - 1;
        while (j >= 0 && v[j] > x) {
            v[j + 1] = v[j];
            j--;
        }
        v[j + 1] = x;
    }
    return v[n / 2];
}

#endif
