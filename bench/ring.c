/* ring: 503 goroutines in a ring pass a token 1e6 hops.  Prints ns per hop.
 * Go twin: go/ring. */
#include "bench.h"

#define RING 503

struct member { gocc_chan *in, *out, *done; };

/* Passes count-1 on; the member that receives 0 reports on done; a negative
 * token goes round once and stops every member. */
static void member(void *arg)
{
    struct member *m = arg;
    for (;;) {
        long v;
        gocc_chanrecv(m->in, &v);
        if (v < 0) {
            gocc_chansend(m->out, &v);
            return;
        }
        if (v == 0) {
            bool t = true;
            gocc_chansend(m->done, &t);
            continue;
        }
        v--;
        gocc_chansend(m->out, &v);
    }
}

static double run(long hops)
{
    gocc_chan **ch = gocc_alloc(RING * sizeof *ch);
    gocc_chan *done = gocc_makechan(sizeof(bool), _Alignof(bool), 0);
    for (int i = 0; i < RING; i++)
        ch[i] = gocc_makechan(sizeof(long), _Alignof(long), 0);
    for (int i = 0; i < RING; i++) {
        struct member *m = gocc_alloc(sizeof *m);
        m->in = ch[i];
        m->out = ch[(i + 1) % RING];
        m->done = done;
        gocc_go(member, m, __FILE__, __LINE__);
    }
    double t = bench_now_ns();
    gocc_chansend(ch[0], &hops);
    bool ok;
    gocc_chanrecv(done, &ok);
    double d = bench_now_ns() - t;
    long stop = -1, back;
    gocc_chansend(ch[hops % RING], &stop);
    gocc_chanrecv(ch[hops % RING], &back);
    bench_check(back == -1, "ring: wrong stop token");
    return d / (double)hops;
}

static int bench_main(int argc, char **argv, char **envp)
{
    long hops = bench_n(1000000);
    bench_print("ring", bench_repeat(run, hops / 4, hops, 5), "ns");
    bench_print_rss("ring");
    return 0;
}

BENCH_MAIN(bench_main)
