/* buffered_throughput: one producer, one consumer, capacity 128, 1e7 ints.
 * Prints ns per item.  Go twin: go/buffered_throughput. */
#include "bench.h"

struct prod { gocc_chan *c; long n; };

static void producer(void *arg)
{
    struct prod *p = arg;
    for (long i = 0; i < p->n; i++)
        gocc_chansend(p->c, &i);
    gocc_chanclose(p->c);
}

static double run(long n)
{
    struct prod *p = gocc_alloc(sizeof *p);
    p->c = gocc_makechan(sizeof(long), _Alignof(long), 128);
    p->n = n;
    double t = bench_now_ns();
    gocc_go(producer, p, __FILE__, __LINE__);
    long v, sum = 0;
    while (gocc_chanrecv2(p->c, &v))
        sum += v;
    double d = bench_now_ns() - t;
    bench_check(sum == n * (n - 1) / 2, "buffered_throughput: wrong sum");
    return d / (double)n;
}

static int bench_main(int argc, char **argv, char **envp)
{
    long n = bench_n(10000000);
    bench_print("buffered_throughput", bench_repeat(run, n / 10, n, 5), "ns");
    bench_print_rss("buffered_throughput");
    return 0;
}

BENCH_MAIN(bench_main)
