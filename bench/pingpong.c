/* pingpong: two goroutines bounce an int over two unbuffered channels, 1e6
 * round trips.  Prints ns per round trip.  Go twin: go/pingpong. */
#include "bench.h"

struct pp { gocc_chan *ping, *pong; };

static void ponger(void *arg)
{
    struct pp *p = arg;
    long v;
    while (gocc_chanrecv2(p->ping, &v)) {
        v++;
        gocc_chansend(p->pong, &v);
    }
}

static double run(long n)
{
    struct pp *p = gocc_alloc(sizeof *p);
    p->ping = gocc_makechan(sizeof(long), _Alignof(long), 0);
    p->pong = gocc_makechan(sizeof(long), _Alignof(long), 0);
    gocc_go(ponger, p, __FILE__, __LINE__);
    double t = bench_now_ns();
    long x = 0;
    for (long i = 0; i < n; i++) {
        gocc_chansend(p->ping, &x);
        gocc_chanrecv(p->pong, &x);
    }
    double d = bench_now_ns() - t;
    gocc_chanclose(p->ping);
    bench_check(x == n, "pingpong: wrong count");
    return d / (double)n;
}

static int bench_main(int argc, char **argv, char **envp)
{
    long n = bench_n(1000000);
    bench_print("pingpong", bench_repeat(run, n / 4, n, 5), "ns");
    bench_print_rss("pingpong");
    return 0;
}

BENCH_MAIN(bench_main)
