/* rt_sched.c — scheduler, stacks and start-up (white-box runtime tests). */
#include "rt_util.h"
#include <pthread.h>
#include <stdatomic.h>
#include <sys/syscall.h>

static int start(int (*fn)(int, char **, char **))
{
    char *argv[] = { "t", NULL };
    return gocc_start(fn, 1, argv, NULL);
}

/* ---- main's result, argc/argv ------------------------------------------ */
static int ret_main(int argc, char **argv, char **envp)
{
    (void)envp;
    return argc == 1 && argv[0][0] == 't' ? 42 : 1;
}

Test(rt_sched, main_result_is_returned)
{
    cr_assert_eq(start(ret_main), 42);
}

/* ---- 100k goroutines --------------------------------------------------- */
static WaitGroup wg100k;
static atomic_long sum100k;

static void add_one(void *arg)
{
    atomic_fetch_add(&sum100k, (long)(intptr_t)arg);
    wg_done(&wg100k);
}

#if defined(__SANITIZE_THREAD__)
#define NSPAWN 10000            /* a TSan fiber per goroutine is slow */
#else
#define NSPAWN 100000
#endif

static int many_main(int argc, char **argv, char **envp)
{
    int n = NSPAWN;
    wg_add(&wg100k, n);
    for (int i = 1; i <= n; i++)
        gocc_go(add_one, (void *)(intptr_t)i, __FILE__, __LINE__);
    wg_wait(&wg100k);
    while (numgoroutine() > 1)  /* wg_done runs before each one exits */
        gosched();
    return numgoroutine();
}

Test(rt_sched, hundred_thousand_goroutines)
{
    cr_assert_eq(start(many_main), 1);
    cr_assert_eq(atomic_load(&sum100k), (long)NSPAWN * (NSPAWN + 1) / 2);
}

/* 100k goroutines alive at the same time, all blocked. */
static gocc_chan *gate;
static WaitGroup wgblocked;
static atomic_int blockedsum;

static void blocker(void *arg)
{
    int v;
    (void)arg;
    gocc_chanrecv(gate, &v);
    atomic_fetch_add(&blockedsum, v);
    wg_done(&wgblocked);
}

/* fixed-stack (sanitizer) builds: a guard page per stack caps the count
 * near 32k (vm.max_map_count) */
#if defined(__SANITIZE_THREAD__)
#define NBLOCKED 2000
#define DEEP 2000
#elif defined(RT_FIXED_STACK)
#define NBLOCKED 10000
#define DEEP 5000
#else
#define NBLOCKED 100000
#define DEEP 20000
#endif

static int blocked_main(int argc, char **argv, char **envp)
{
    int n = NBLOCKED;
    gate = gocc_makechan(sizeof(int), _Alignof(int), 0);
    wg_add(&wgblocked, n);
    for (int i = 0; i < n; i++)
        gocc_go(blocker, NULL, __FILE__, __LINE__);
    int alive = numgoroutine();
    gocc_chanclose(gate);       /* wakes all 100k with v = 0 */
    wg_wait(&wgblocked);
    return alive == n + 1 ? 0 : 1;
}

Test(rt_sched, hundred_thousand_blocked_then_closed)
{
    cr_assert_eq(start(blocked_main), 0);
    cr_assert_eq(atomic_load(&blockedsum), 0);
}

/* ---- deep recursion (> 1 MB) in a goroutine ---------------------------- */
static long deep(long n)
{
    volatile char pad[256];
    pad[0] = (char)n;
    if (n == 0)
        return 0;
    return deep(n - 1) + 1 + (pad[0] - (char)n);
}

static long deepres;
static WaitGroup wgdeep;

static void deep_g(void *arg)
{
    deepres = deep((long)(intptr_t)arg);
    wg_done(&wgdeep);
}

static int deep_main(int argc, char **argv, char **envp)
{
    wg_add(&wgdeep, 1);
    gocc_go(deep_g, (void *)(intptr_t)DEEP, __FILE__, __LINE__);  /* > 1.5 MB */
    wg_wait(&wgdeep);
    return 0;
}

Test(rt_sched, recursion_over_one_megabyte)
{
    cr_assert_eq(start(deep_main), 0);
    cr_assert_eq(deepres, DEEP);
}

/* ---- migration between Ms with stack growth after migration ------------ */
static long tid(void) { return syscall(SYS_gettid); }
struct tidreq { long t; };
static void tid_ss(void *a) { ((struct tidreq *)a)->t = tid(); }
static long cur_tid(void)
{
    struct tidreq r;
    gocc_systemstack(tid_ss, &r);
    return r.t;
}

static atomic_int migrations, mismatches;
static WaitGroup wgmig;

/* Recurse, yield at every level that is a multiple of 50 (the G may come
 * back on another thread with part of its stack in libgcc segments), then
 * keep growing and verify every frame's canary on the way back. */
static long mig_rec(int depth, int max, long seed)
{
    volatile long canary[32];
    for (int i = 0; i < 32; i++)
        canary[i] = seed * 31 + i + depth;
    long r = 0;
    if (depth % 50 == 0) {
        long before = cur_tid();
        gosched();
        if (cur_tid() != before)
            atomic_fetch_add(&migrations, 1);
    }
    if (depth < max)
        r = mig_rec(depth + 1, max, seed);
    for (int i = 0; i < 32; i++)
        if (canary[i] != seed * 31 + i + depth)
            atomic_fetch_add(&mismatches, 1);
    return r + 1;
}

static void mig_g(void *arg)
{
    long seed = (long)(intptr_t)arg;
    for (int round = 0; round < 4; round++)
        if (mig_rec(0, 300 + (int)(seed % 7) * 100, seed) < 300)
            atomic_fetch_add(&mismatches, 1);
    wg_done(&wgmig);
}

static int mig_main(int argc, char **argv, char **envp)
{
    int n = 64;
    wg_add(&wgmig, n);
    for (int i = 0; i < n; i++)
        gocc_go(mig_g, (void *)(intptr_t)(i + 1), __FILE__, __LINE__);
    wg_wait(&wgmig);
    return 0;
}

Test(rt_sched, migration_with_stack_growth)
{
    cr_assert_eq(start(mig_main), 0);
    cr_assert_eq(atomic_load(&mismatches), 0);
    /* how many resumptions changed thread depends on timing: report only */
    cr_log_info("migrations observed: %d", atomic_load(&migrations));
}

/* ---- printf from many goroutines --------------------------------------- */
static WaitGroup wgpr;
static void say_ss(void *arg)
{
    printf("line %d\n", (int)(intptr_t)arg);   /* libc: on the system stack */
}

static void say(void *arg)
{
    gocc_systemstack(say_ss, arg);
    wg_done(&wgpr);
}

static int print_main(int argc, char **argv, char **envp)
{
    wg_add(&wgpr, 200);
    for (int i = 0; i < 200; i++)
        gocc_go(say, (void *)(intptr_t)i, __FILE__, __LINE__);
    wg_wait(&wgpr);
    return 0;
}

Test(rt_sched, printf_from_many_goroutines)
{
    static char out[1 << 16];
    cr_assert_eq(rt_run_child(print_main, out, sizeof out), 0);
    int seen[200] = { 0 }, lines = 0;
    for (char *s = out; (s = strstr(s, "line ")) != NULL; s++) {
        int v = atoi(s + 5);
        cr_assert(v >= 0 && v < 200);
        seen[v]++;
        lines++;
    }
    cr_assert_eq(lines, 200);
    for (int i = 0; i < 200; i++)
        cr_assert_eq(seen[i], 1);
}

/* ---- gosched / goexit / gomaxprocs / numcpu ---------------------------- */
static atomic_int order_log[16];
static atomic_int order_n;
static WaitGroup wgy;

static void yielder(void *arg)
{
    for (int i = 0; i < 3; i++) {
        atomic_store(&order_log[atomic_fetch_add(&order_n, 1)], (int)(intptr_t)arg);
        gosched();
    }
    wg_done(&wgy);
}

static void exiter(void *arg)
{
    (void)arg;
    wg_done(&wgy);
    goexit();
    atomic_fetch_add(&order_n, 100);   /* never reached */
}

static int misc_main(int argc, char **argv, char **envp)
{
    int procs = gomaxprocs(0);
    if (procs < 1 || numcpu() < 1)
        return 1;
    wg_add(&wgy, 3);
    gocc_go(yielder, (void *)1, __FILE__, __LINE__);
    gocc_go(yielder, (void *)2, __FILE__, __LINE__);
    gocc_go(exiter, NULL, __FILE__, __LINE__);
    wg_wait(&wgy);
    while (numgoroutine() > 1)
        gosched();
    /* change GOMAXPROCS at run time both ways, then run more work */
    int old = gomaxprocs(procs + 1);
    if (old != procs || gomaxprocs(0) != procs + 1)
        return 2;
    gomaxprocs(1);
    wg_add(&wgy, 2);
    gocc_go(yielder, (void *)3, __FILE__, __LINE__);
    gocc_go(exiter, NULL, __FILE__, __LINE__);
    wg_wait(&wgy);
    gomaxprocs(procs);
    return 0;
}

Test(rt_sched, gosched_goexit_gomaxprocs)
{
    cr_assert_eq(start(misc_main), 0);
    cr_assert_eq(atomic_load(&order_n), 9);
}

/* ---- errno belongs to the goroutine ------------------------------------ */
static atomic_int errno_bad;
static WaitGroup wgerr;
static void errno_g(void *arg)
{
    int mine = (int)(intptr_t)arg;
    for (int i = 0; i < 200; i++) {
        *gocc_errno() = mine;
        gosched();
        if (*gocc_errno() != mine)
            atomic_fetch_add(&errno_bad, 1);
    }
    wg_done(&wgerr);
}

static int errno_main(int argc, char **argv, char **envp)
{
    wg_add(&wgerr, 8);
    for (int i = 1; i <= 8; i++)
        gocc_go(errno_g, (void *)(intptr_t)(1000 + i), __FILE__, __LINE__);
    wg_wait(&wgerr);
    return 0;
}

Test(rt_sched, errno_is_per_goroutine)
{
    cr_assert_eq(start(errno_main), 0);
    cr_assert_eq(atomic_load(&errno_bad), 0);
}
