/* context_fanout: 10,000 goroutines wait on the done channel of one
 * cancellable context; prints ms from context_cancel until all of them have
 * exited (a WaitGroup).  The waiters are parked before the clock starts.
 * Go twin: go/context_fanout. */
#include "bench.h"
#include <errno.h>

struct fanout { Context *ctx; WaitGroup ready, exited; };

static void waiter(void *arg)
{
    struct fanout *f = arg;
    gocc_chan *done = context_done(f->ctx);
    wg_done(&f->ready);
    gocc_chanrecv(done, NULL);
    wg_done(&f->exited);
}

static double run(long n)
{
    struct fanout f = { context_with_cancel(context_background()), {0}, {0} };
    wg_add(&f.ready, (int)n);
    wg_add(&f.exited, (int)n);
    for (long i = 0; i < n; i++)
        gocc_go(waiter, &f, __FILE__, __LINE__);
    wg_wait(&f.ready);
    time_sleep(10 * MILLISECOND);       /* let the last ones park */
    double t = bench_now_ns();
    context_cancel(f.ctx);
    wg_wait(&f.exited);
    double ms = (bench_now_ns() - t) / 1e6;
    bench_check(context_err(f.ctx) == ECANCELED, "context_err after cancel");
    return ms;
}

static int bench_main(int argc, char **argv, char **envp)
{
    long n = bench_n(10000);
    bench_print("context_fanout", bench_repeat(run, n, n, 9), "ms");
    bench_print_rss("context_fanout");
    return 0;
}

BENCH_MAIN(bench_main)
