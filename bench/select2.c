/* select2: one goroutine selects over two channels fed by two producers.
 * Prints ns per item received.  Go twin: go/select2. */
#include "bench.h"

struct prod { gocc_chan *c; long n; };

static void producer(void *arg)
{
    struct prod *p = arg;
    for (long i = 0; i < p->n; i++)
        gocc_chansend(p->c, &i);
}

static double run(long n)
{
    gocc_chan *a = gocc_makechan(sizeof(long), _Alignof(long), 0);
    gocc_chan *b = gocc_makechan(sizeof(long), _Alignof(long), 0);
    struct prod *pa = gocc_alloc(sizeof *pa), *pb = gocc_alloc(sizeof *pb);
    long h = n / 2;
    pa->c = a; pa->n = h;
    pb->c = b; pb->n = n - h;
    double t = bench_now_ns();
    gocc_go(producer, pa, __FILE__, __LINE__);
    gocc_go(producer, pb, __FILE__, __LINE__);
    long va, vb, sum = 0;
    gocc_selcase cases[2] = {
        { .c = a, .elem = &va, .dir = GOCC_SELECT_RECV },
        { .c = b, .elem = &vb, .dir = GOCC_SELECT_RECV },
    };
    for (long i = 0; i < n; i++) {
        /* The cases are rebuilt for every select, as a lowered select does. */
        cases[0] = (gocc_selcase){ .c = a, .elem = &va, .dir = GOCC_SELECT_RECV };
        cases[1] = (gocc_selcase){ .c = b, .elem = &vb, .dir = GOCC_SELECT_RECV };
        switch (gocc_select(cases, 2, false)) {
        case 0: sum += va; break;
        case 1: sum += vb; break;
        }
    }
    double d = bench_now_ns() - t;
    bench_check(sum == h * (h - 1) / 2 + (n - h) * (n - h - 1) / 2,
                "select2: wrong sum");
    return d / (double)n;
}

static int bench_main(int argc, char **argv, char **envp)
{
    long n = bench_n(1000000);
    bench_print("select2", bench_repeat(run, n / 4, n, 5), "ns");
    bench_print_rss("select2");
    return 0;
}

BENCH_MAIN(bench_main)
