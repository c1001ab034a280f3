/* skynet: each node spawns 10 children down to 1,000,000 leaves; leaves send
 * their number; the sum is 499999500000.  Prints ms total.  Each spawn's
 * arguments live on the GC heap, as `go skynet(c, num, size, div)` lowers.
 * Go twin: go/skynet. */
#include "bench.h"

struct sky { gocc_chan *c; long num, size, div; };

static void skynet(void *arg)
{
    struct sky *s = arg;
    if (s->size == 1) {
        gocc_chansend(s->c, &s->num);
        return;
    }
    gocc_chan *rc = gocc_makechan(sizeof(long), _Alignof(long), 0);
    long sum = 0, sub = s->size / s->div;
    for (long i = 0; i < s->div; i++) {
        struct sky *k = gocc_alloc(sizeof *k);
        k->c = rc;
        k->num = s->num + i * sub;
        k->size = sub;
        k->div = s->div;
        gocc_go(skynet, k, __FILE__, __LINE__);
    }
    for (long i = 0; i < s->div; i++) {
        long v;
        gocc_chanrecv(rc, &v);
        sum += v;
    }
    gocc_chansend(s->c, &sum);
}

static double run(long size)
{
    struct sky *s = gocc_alloc(sizeof *s);
    s->c = gocc_makechan(sizeof(long), _Alignof(long), 0);
    s->num = 0;
    s->size = size;
    s->div = 10;
    double t = bench_now_ns();
    gocc_go(skynet, s, __FILE__, __LINE__);
    long sum;
    gocc_chanrecv(s->c, &sum);
    double d = bench_now_ns() - t;
    bench_check(sum == size * (size - 1) / 2, "skynet: wrong sum");
    return d / 1e6;
}

static int bench_main(int argc, char **argv, char **envp)
{
    long size = bench_scale < 1 ? 100000 : 1000000;
    bench_print("skynet", bench_repeat(run, size, size, 3), "ms");
    bench_print_rss("skynet");
    return 0;
}

BENCH_MAIN(bench_main)
