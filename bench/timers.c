/* timers: 100,000 goroutines each sleep 1 ms concurrently.  Prints ms from
 * the first spawn until all have finished.  Go twin: go/timers. */
#include "bench.h"

static void sleeper(void *arg)
{
    time_sleep(MILLISECOND);
    wg_done((WaitGroup *)arg);
}

static double run(long n)
{
    WaitGroup wg = {0};
    double t = bench_now_ns();
    wg_add(&wg, (int)n);
    for (long i = 0; i < n; i++)
        gocc_go(sleeper, &wg, __FILE__, __LINE__);
    wg_wait(&wg);
    return (bench_now_ns() - t) / 1e6;
}

static int bench_main(int argc, char **argv, char **envp)
{
    long n = bench_n(100000);
    bench_print("timers", bench_repeat(run, n, n, 5), "ms");
    bench_print_rss("timers");
    return 0;
}

BENCH_MAIN(bench_main)
