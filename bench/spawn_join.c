/* spawn_join: spawn 100,000 goroutines that do nothing but wg_done; wait on
 * the WaitGroup.  Prints ns per goroutine.  Go twin: go/spawn_join. */
#include "bench.h"

static void child(void *arg) { wg_done((WaitGroup *)arg); }

static double run(long n)
{
    WaitGroup wg = {0};
    double t = bench_now_ns();
    wg_add(&wg, (int)n);
    for (long i = 0; i < n; i++)
        gocc_go(child, &wg, __FILE__, __LINE__);
    wg_wait(&wg);
    return (bench_now_ns() - t) / (double)n;
}

static int bench_main(int argc, char **argv, char **envp)
{
    long n = bench_n(100000);
    bench_print("spawn_join", bench_repeat(run, n, n, 9), "ns");
    bench_print_rss("spawn_join");
    return 0;
}

BENCH_MAIN(bench_main)
