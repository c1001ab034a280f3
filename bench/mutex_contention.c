/* mutex_contention: 4 goroutines, 1e6 locked increments each.  Prints ns per
 * lock (wall time / 4e6).  Go twin: go/mutex_contention. */
#include "bench.h"

#define WORKERS 4

static Mutex mu;
static long counter;
static long per_worker;
static WaitGroup wg;

static void worker(void *arg)
{
    for (long i = 0; i < per_worker; i++) {
        mutex_lock(&mu);
        counter++;
        mutex_unlock(&mu);
    }
    wg_done(&wg);
}

static double run(long n)
{
    counter = 0;
    per_worker = n;
    double t = bench_now_ns();
    wg_add(&wg, WORKERS);
    for (int w = 0; w < WORKERS; w++)
        gocc_go(worker, NULL, __FILE__, __LINE__);
    wg_wait(&wg);
    double d = bench_now_ns() - t;
    bench_check(counter == WORKERS * n, "mutex_contention: lost updates");
    return d / (double)(WORKERS * n);
}

static int bench_main(int argc, char **argv, char **envp)
{
    long n = bench_n(1000000);
    bench_print("mutex_contention", bench_repeat(run, n / 4, n, 5), "ns");
    bench_print_rss("mutex_contention");
    return 0;
}

BENCH_MAIN(bench_main)
