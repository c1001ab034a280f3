/* prime_sieve: the concurrent prime sieve (a chain of filter goroutines);
 * first 3000 primes.  Prints ms total.  The chain is abandoned after each
 * repetition (its goroutines stay blocked), as in the classic program.
 * Go twin: go/prime_sieve. */
#include "bench.h"

static void generate(void *arg)
{
    gocc_chan *ch = arg;
    for (long i = 2;; i++)
        gocc_chansend(ch, &i);
}

struct filt { gocc_chan *in, *out; long prime; };

static void filter(void *arg)
{
    struct filt *f = arg;
    for (;;) {
        long i;
        gocc_chanrecv(f->in, &i);
        if (i % f->prime != 0)
            gocc_chansend(f->out, &i);
    }
}

static double run(long n)
{
    double t = bench_now_ns();
    gocc_chan *ch = gocc_makechan(sizeof(long), _Alignof(long), 0);
    gocc_go(generate, ch, __FILE__, __LINE__);
    long prime = 0;
    for (long i = 0; i < n; i++) {
        gocc_chanrecv(ch, &prime);
        struct filt *f = gocc_alloc(sizeof *f);
        f->in = ch;
        f->out = gocc_makechan(sizeof(long), _Alignof(long), 0);
        f->prime = prime;
        gocc_go(filter, f, __FILE__, __LINE__);
        ch = f->out;
    }
    double d = bench_now_ns() - t;
    bench_check(n != 3000 || prime == 27449, "prime_sieve: wrong 3000th prime");
    return d / 1e6;
}

static int bench_main(int argc, char **argv, char **envp)
{
    long n = bench_scale < 1 ? 1000 : 3000;
    bench_print("prime_sieve", bench_repeat(run, n, n, 3), "ms");
    bench_print_rss("prime_sieve");
    return 0;
}

BENCH_MAIN(bench_main)
