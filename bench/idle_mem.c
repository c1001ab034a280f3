/* idle_mem: 1,000,000 goroutines each blocked receiving on its own channel;
 * prints (RSS after - RSS before) / 1e6 in bytes per goroutine (current RSS
 * from /proc/self/statm, channels included).  Go twin: go/idle_mem. */
#include "bench.h"
#include <unistd.h>

static WaitGroup started, finished;

static void idle(void *arg)
{
    wg_done(&started);
    gocc_chanrecv((gocc_chan *)arg, NULL);
    wg_done(&finished);
}

static void rss_now_ss(void *arg)
{
    long pages = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        fclose(f);
    }
    *(long *)arg = resident * sysconf(_SC_PAGESIZE);
}

static long rss_now(void)
{
    long v;
    gocc_systemstack(rss_now_ss, &v);
    return v;
}

static int bench_main(int argc, char **argv, char **envp)
{
    long n = bench_n(1000000);
    gocc_chan **chans = gocc_alloc(n * sizeof *chans);
    gc_collect();
    long before = rss_now();
    wg_add(&started, (int)n);
    wg_add(&finished, (int)n);
    for (long i = 0; i < n; i++) {
        chans[i] = gocc_makechan(sizeof(int), _Alignof(int), 0);
        gocc_go(idle, chans[i], __FILE__, __LINE__);
    }
    wg_wait(&started);
    time_sleep(100 * MILLISECOND); /* let the last ones park */
    long after = rss_now();
    for (long i = 0; i < n; i++)
        gocc_chanclose(chans[i]);
    wg_wait(&finished);
    bench_print0("idle_mem", (double)(after - before) / (double)n, "B");
    bench_print_rss("idle_mem");
    return 0;
}

BENCH_MAIN(bench_main)
