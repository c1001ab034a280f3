/*
 * test_sched.c — the scheduler and goroutines through the public C API:
 * gocc_start, 100k goroutines, numgoroutine, gomaxprocs/numcpu, gosched,
 * goexit, printf from many goroutines through gocc_systemstack, deep
 * recursion (> 1 MB) and stack growth across migrations, per-goroutine
 * errno, stable addresses of locals, gocc_alloc.
 */
#include "test_util.h"

#include <errno.h>
#include <sys/syscall.h>

static gocc_chan *mkchan(long cap) { return gocc_makechan(sizeof(long), _Alignof(long), cap); }

/* ---- gocc_start --------------------------------------------------------- */

static int start_argc;
static char **start_argv, **start_envp;

static int m_result(int argc, char **argv, char **envp)
{
    start_argc = argc;
    start_argv = argv;
    start_envp = envp;
    return 42;
}

TU_TEST(sched, start_passes_args_and_returns_result)
{
    static char *argv[] = { "prog", "a", "b", NULL };
    static char *envp[] = { "X=1", NULL };
    int r = gocc_start(m_result, 3, argv, envp);
    cr_assert_eq(r, 42);
    cr_assert_eq(start_argc, 3);
    cr_assert_eq(start_argv, argv);
    cr_assert_eq(start_envp, envp);
}

/* ---- many goroutines ------------------------------------------------------ */

#define MANY TU_MAX_LIVE
static atomic_long many_sum;
static WaitGroup many_wg;

static void many_adder(void *arg)
{
    atomic_fetch_add(&many_sum, (long)(intptr_t)arg);
    wg_done(&many_wg);
}

static int m_100k(int argc, char **argv, char **envp)
{
    GCHECK_EQ(numgoroutine(), 1);
    wg_add(&many_wg, MANY);
    for (long i = 0; i < MANY; i++)
        gocc_go(many_adder, (void *)(intptr_t)i, __FILE__, __LINE__);
    wg_wait(&many_wg);
    GCHECK_EQ(atomic_load(&many_sum), (long)MANY * (MANY - 1) / 2);
    TU_WAIT(numgoroutine() == 1);
    return 0;
}

TU_TEST(sched, spawn_100k_goroutines) { TU_RUN(m_100k); }

/* 100k goroutines alive at once, all blocked; numgoroutine counts them. */
static WaitGroup blk_started, blk_finished;

static void blk_waiter(void *arg)
{
    wg_done(&blk_started);
    long v;
    GCHECK(!gocc_chanrecv2((gocc_chan *)arg, &v));
    wg_done(&blk_finished);
}

static int m_100k_blocked(int argc, char **argv, char **envp)
{
    gocc_chan *c = mkchan(0);
    wg_add(&blk_started, MANY);
    wg_add(&blk_finished, MANY);
    for (long i = 0; i < MANY; i++)
        gocc_go(blk_waiter, c, __FILE__, __LINE__);
    GCHECK_EQ(numgoroutine(), MANY + 1);
    wg_wait(&blk_started);
    GCHECK_EQ(numgoroutine(), MANY + 1);
    gocc_chanclose(c);
    wg_wait(&blk_finished);
    TU_WAIT(numgoroutine() == 1);
    return 0;
}

TU_TEST(sched, hundred_thousand_blocked_goroutines) { TU_RUN(m_100k_blocked); }

/* A chain of 10,000 goroutines, each passing value+1 to its left neighbour. */
#define CHAIN (TU_MAX_LIVE < 10000 ? TU_MAX_LIVE : 10000)
struct link { gocc_chan *left, *right; };

static void chain_link(void *arg)
{
    struct link *l = arg;
    long v;
    gocc_chanrecv(l->right, &v);
    v++;
    gocc_chansend(l->left, &v);
}

static int m_chain(int argc, char **argv, char **envp)
{
    gocc_chan *leftmost = mkchan(0), *left = leftmost;
    for (int i = 0; i < CHAIN; i++) {
        struct link *l = gocc_alloc(sizeof *l);
        l->left = left;
        l->right = mkchan(0);
        gocc_go(chain_link, l, __FILE__, __LINE__);
        left = l->right;
    }
    long v = 1;
    gocc_chansend(left, &v);
    gocc_chanrecv(leftmost, &v);
    GCHECK_EQ(v, CHAIN + 1);
    return 0;
}

TU_TEST(sched, daisy_chain_10k) { TU_RUN(m_chain); }

/* ---- gomaxprocs, numcpu ----------------------------------------------------- */

static int gmp_initial, gmp_ncpu, gmp_prev1, gmp_after1, gmp_prev2, gmp_final;
static WaitGroup gmp_wg;
static atomic_int gmp_ran;

static void gmp_work(void *arg)
{
    gosched();
    atomic_fetch_add(&gmp_ran, 1);
    wg_done(&gmp_wg);
}

static void gmp_burst(void)
{
    wg_add(&gmp_wg, 1000);
    for (int i = 0; i < 1000; i++)
        gocc_go(gmp_work, NULL, __FILE__, __LINE__);
    wg_wait(&gmp_wg);
}

static int m_gomaxprocs(int argc, char **argv, char **envp)
{
    gmp_initial = gomaxprocs(0);
    gmp_ncpu = numcpu();
    GCHECK_EQ(gomaxprocs(-1), gmp_initial);    /* n < 1 only queries */
    gmp_prev1 = gomaxprocs(1);
    gmp_after1 = gomaxprocs(0);
    gmp_burst();
    gmp_prev2 = gomaxprocs(3);                 /* more Ps than CPUs is allowed */
    GCHECK_EQ(gomaxprocs(0), 3);
    gmp_burst();
    gomaxprocs(gmp_initial);
    gmp_final = gomaxprocs(0);
    gmp_burst();
    GCHECK_EQ(atomic_load(&gmp_ran), 3000);
    return 0;
}

TU_TEST(sched, gomaxprocs_and_numcpu)
{
    const char *env = getenv("GOMAXPROCS");
    long online = sysconf(_SC_NPROCESSORS_ONLN);
    TU_RUN(m_gomaxprocs);
    cr_assert(gmp_ncpu >= 1 && gmp_ncpu <= online, "numcpu() = %d, %ld CPUs online",
              gmp_ncpu, online);
    if (env && atoi(env) > 0)
        cr_assert_eq(gmp_initial, atoi(env), "gomaxprocs(0) = %d with GOMAXPROCS=%s",
                     gmp_initial, env);
    else
        cr_assert_eq(gmp_initial, gmp_ncpu, "gomaxprocs(0) = %d, numcpu() = %d",
                     gmp_initial, gmp_ncpu);
    cr_assert_eq(gmp_prev1, gmp_initial);
    cr_assert_eq(gmp_after1, 1);
    cr_assert_eq(gmp_prev2, 1);
    cr_assert_eq(gmp_final, gmp_initial);
}

/* ---- gosched, goexit ---------------------------------------------------- */

/* Two goroutines take turns by spinning on gosched(): at GOMAXPROCS=1 this
 * only terminates if gosched lets the other run. */
#define TURNS 2000
static atomic_int turn;
static WaitGroup turn_wg;

static void turn_taker(void *arg)
{
    int me = (int)(intptr_t)arg;
    for (int i = 0; i < TURNS; i++) {
        while (atomic_load(&turn) != me)
            gosched();
        atomic_store(&turn, 1 - me);
    }
    wg_done(&turn_wg);
}

static int m_gosched(int argc, char **argv, char **envp)
{
    wg_add(&turn_wg, 2);
    gocc_go(turn_taker, (void *)1, __FILE__, __LINE__);
    gocc_go(turn_taker, (void *)0, __FILE__, __LINE__);
    wg_wait(&turn_wg);
    gosched();                                 /* alone: returns at once */
    return 0;
}

TU_TEST(sched, gosched_lets_others_run) { TU_RUN(m_gosched); }

static atomic_int ge_stage, ge_child_ran;

static void ge_child(void *arg) { atomic_store(&ge_child_ran, 1); }

static void __attribute__((noinline)) ge_deep(int n)
{
    if (n > 0) {
        ge_deep(n - 1);
    } else {
        atomic_store(&ge_stage, 1);
        goexit();
        atomic_store(&ge_stage, 99);           /* never */
    }
    atomic_store(&ge_stage, 98);               /* never */
}

static void ge_goroutine(void *arg)
{
    gocc_go(ge_child, NULL, __FILE__, __LINE__);
    ge_deep(50);
    atomic_store(&ge_stage, 97);               /* never */
}

static int m_goexit(int argc, char **argv, char **envp)
{
    gocc_go(ge_goroutine, NULL, __FILE__, __LINE__);
    TU_WAIT(atomic_load(&ge_child_ran) == 1);
    TU_WAIT(numgoroutine() == 1);
    tu_let_others_run();
    GCHECK_EQ(atomic_load(&ge_stage), 1);
    return 0;
}

TU_TEST(sched, goexit_ends_goroutine) { TU_RUN(m_goexit); }

/* ---- printf from many goroutines ----------------------------------------- */

#define PG 1000
#define PL 20
static WaitGroup pr_wg;

struct pr_line { int g, l; double x; long double y; };

static void pr_ss(void *arg)
{
    struct pr_line *p = arg;
    printf("g=%d l=%d x=%.3f y=%.2Lf check=%d\n", p->g, p->l, p->x, p->y, p->g * 31 + p->l);
}

static void printer(void *arg)
{
    int g = (int)(intptr_t)arg;
    for (int l = 0; l < PL; l++) {
        struct pr_line p = { g, l, g + l / 4.0, (long double)g * 1e30L };
        gocc_systemstack(pr_ss, &p);
        if ((g + l) % 3 == 0)
            gosched();
    }
    wg_done(&pr_wg);
}

static int m_printf(int argc, char **argv, char **envp)
{
    wg_add(&pr_wg, PG);
    for (int g = 0; g < PG; g++)
        gocc_go(printer, (void *)(intptr_t)g, __FILE__, __LINE__);
    wg_wait(&pr_wg);
    return 0;
}

TU_TEST(sched, printf_from_many_goroutines)
{
    static unsigned char seen[PG][PL];
    FILE *tmp = tmpfile();
    cr_assert(tmp);
    fflush(stdout);
    int saved = dup(1);
    dup2(fileno(tmp), 1);
    TU_RUN(m_printf);
    fflush(stdout);
    dup2(saved, 1);
    close(saved);

    rewind(tmp);
    char line[256];
    long lines = 0, bad = 0;
    while (fgets(line, sizeof line, tmp)) {
        int g, l, check;
        double x;
        char y[128], want_y[128];
        lines++;
        if (sscanf(line, "g=%d l=%d x=%lf y=%127s check=%d", &g, &l, &x, y, &check) != 5 ||
            g < 0 || g >= PG || l < 0 || l >= PL || check != g * 31 + l ||
            x != g + l / 4.0) {
            if (bad++ == 0)
                cr_log_error("malformed line: %s", line);
            continue;
        }
        snprintf(want_y, sizeof want_y, "%.2Lf", (long double)g * 1e30L);
        if (strcmp(y, want_y) != 0 && bad++ == 0)
            cr_log_error("wrong long double in: %s", line);
        seen[g][l]++;
    }
    fclose(tmp);
    cr_assert_eq(bad, 0, "%ld malformed lines", bad);
    cr_assert_eq(lines, PG * PL);
    for (int g = 0; g < PG; g++)
        for (int l = 0; l < PL; l++)
            cr_assert_eq(seen[g][l], 1, "line g=%d l=%d printed %d times", g, l, seen[g][l]);
}

/* ---- gocc_systemstack ------------------------------------------------------ */

static int ss_depth_ok, ss_nested_ran;
static char ss_big[64];

static void ss_inner(void *arg) { ss_nested_ran++; }

static void ss_outer(void *arg)
{
    gocc_systemstack(ss_inner, NULL);          /* from the system stack: just calls */
    ss_nested_ran++;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static void ss_heavy(void *arg)
{
    /* libc functions that use tens of KB of stack */
    static int v[20000];
    char buf[8192];
    for (int i = 0; i < 20000; i++)
        v[i] = (i * 7919) % 20000;
    qsort(v, 20000, sizeof v[0], cmp_int);
    int ok = 1;
    for (int i = 0; i < 20000; i++)
        ok &= v[i] == i;
    snprintf(buf, sizeof buf, "%Lf", 1e4000L);       /* ~32 KB of stack */
    ok &= strlen(buf) > 4000;
    snprintf(ss_big, sizeof ss_big, "%d %s %.1f", 7, "x", 2.5);
    ss_depth_ok += ok;
}

static WaitGroup ss_wg;

static void ss_goroutine(void *arg)
{
    gocc_systemstack(ss_heavy, NULL);
    wg_done(&ss_wg);
}

static int m_systemstack(int argc, char **argv, char **envp)
{
    gocc_systemstack(ss_outer, NULL);
    GCHECK_EQ(ss_nested_ran, 2);
    /* sequentially from many goroutines (the results are plain ints) */
    for (int i = 0; i < 20; i++) {
        wg_add(&ss_wg, 1);
        gocc_go(ss_goroutine, NULL, __FILE__, __LINE__);
        wg_wait(&ss_wg);
    }
    GCHECK_EQ(ss_depth_ok, 20);
    return 0;
}

TU_TEST(sched, systemstack_runs_big_libc_calls)
{
    TU_RUN(m_systemstack);
    cr_assert_str_eq(ss_big, "7 x 2.5");
}

/* ---- stacks ----------------------------------------------------------------- */

/* Recursion of more than 1 MB in a goroutine (2,000 frames of > 1 KiB; 500
 * in fixed-stack builds, whose stacks are 1 MiB). */
#define DEEP (TU_FIXED ? 500 : 2000)
static long __attribute__((noinline)) deep(int n, int yield_every)
{
    volatile unsigned char frame[1024];
    for (int i = 0; i < 1024; i++)
        frame[i] = (unsigned char)(n + i);
    if (yield_every && n % yield_every == 0)
        gosched();
    long below = n > 0 ? deep(n - 1, yield_every) : 0;
    long bad = 0;
    for (int i = 0; i < 1024; i++)
        bad += frame[i] != (unsigned char)(n + i);
    return below + bad;
}

static long deep_bad = -1;
static WaitGroup deep_wg;

static void deep_goroutine(void *arg)
{
    deep_bad = deep(DEEP, 0);
    wg_done(&deep_wg);
}

static int m_deep(int argc, char **argv, char **envp)
{
    wg_add(&deep_wg, 1);
    gocc_go(deep_goroutine, NULL, __FILE__, __LINE__);
    wg_wait(&deep_wg);
    GCHECK_EQ(deep_bad, 0);
    GCHECK_EQ(deep(DEEP, 0), 0);               /* the main goroutine too */
    return 0;
}

TU_TEST(sched, recursion_over_1mb) { TU_RUN(m_deep); }

/* Many goroutines recurse deeply and yield at every 100th level, so they
 * move between threads (at GOMAXPROCS >= 2) in the middle of grown stacks,
 * then grow further and shrink back after the move. */
#define MIG_G 40
#define MIG_ROUNDS 6
static atomic_long mig_bad;
static WaitGroup mig_wg;

static void mig_goroutine(void *arg)
{
    uint32_t seed = (uint32_t)(intptr_t)arg * 2654435761u;
    for (int r = 0; r < MIG_ROUNDS; r++) {
        int depth = 50 + (int)(tu_rand(&seed) % (TU_FIXED ? 500 : 1200));
        atomic_fetch_add(&mig_bad, deep(depth, 100));
    }
    wg_done(&mig_wg);
}

static int m_migrate(int argc, char **argv, char **envp)
{
    wg_add(&mig_wg, MIG_G);
    for (int i = 0; i < MIG_G; i++)
        gocc_go(mig_goroutine, (void *)(intptr_t)(i + 1), __FILE__, __LINE__);
    wg_wait(&mig_wg);
    GCHECK_EQ(atomic_load(&mig_bad), 0);
    return 0;
}

TU_TEST(sched, stack_growth_across_migrations) { TU_RUN(m_migrate); }

/* The address of a local stays valid while its function runs, across
 * blocking and stack growth: another goroutine writes through it. */
struct addr_msg { long *p; long n; };

static void addr_writer(void *arg)
{
    gocc_chan *c = arg;
    struct addr_msg m;
    while (gocc_chanrecv2(c, &m)) {
        for (long i = 0; i < m.n; i++)
            m.p[i] = 1000 + i;
        gocc_chansend(c, &m);
    }
}

static int m_addr(int argc, char **argv, char **envp)
{
    gocc_chan *c = gocc_makechan(sizeof(struct addr_msg), _Alignof(struct addr_msg), 0);
    gocc_go(addr_writer, c, __FILE__, __LINE__);
    long local[64];
    tu_fill(local, 0xFF, sizeof local);
    struct addr_msg m = { local, 64 };
    gocc_chansend(c, &m);
    GCHECK_EQ(deep(600, 50), 0);               /* grow the stack meanwhile */
    gocc_chanrecv(c, &m);
    GCHECK(m.p == local);
    long bad = 0;
    for (int i = 0; i < 64; i++)
        bad += local[i] != 1000 + i;
    GCHECK_EQ(bad, 0);
    gocc_chanclose(c);
    return 0;
}

TU_TEST(sched, local_addresses_stay_valid) { TU_RUN(m_addr); }

/* ---- errno -------------------------------------------------------------- */

#define EG 100
static WaitGroup err_wg;

static void err_goroutine(void *arg)
{
    int mine = 1000 + (int)(intptr_t)arg;
    *gocc_errno() = mine;
    for (int i = 0; i < 50; i++) {
        if (i % 10 == 0)
            time_sleep(100 * MICROSECOND);
        else
            gosched();
        GCHECK_EQ(*gocc_errno(), mine);
        *gocc_errno() = mine;
    }
    wg_done(&err_wg);
}

static int m_errno(int argc, char **argv, char **envp)
{
    wg_add(&err_wg, EG);
    for (int i = 0; i < EG; i++)
        gocc_go(err_goroutine, (void *)(intptr_t)i, __FILE__, __LINE__);
    wg_wait(&err_wg);
    return 0;
}

TU_TEST(sched, errno_belongs_to_the_goroutine) { TU_RUN(m_errno); }

/* errno set by a libc call on the system stack is the goroutine's errno,
 * and survives a switch. */
static void bad_close_ss(void *arg) { *(int *)arg = close(-1); }

static void err_libc_goroutine(void *arg)
{
    int r;
    *gocc_errno() = 0;
    gocc_systemstack(bad_close_ss, &r);
    GCHECK_EQ(r, -1);
    GCHECK_EQ(*gocc_errno(), EBADF);
    for (int i = 0; i < 20; i++)
        gosched();
    time_sleep(MILLISECOND);
    GCHECK_EQ(*gocc_errno(), EBADF);
    wg_done(&err_wg);
}

static void err_other(void *arg)
{
    for (int i = 0; i < 40; i++) {
        *gocc_errno() = ENOENT;
        gosched();
    }
    wg_done(&err_wg);
}

static int m_errno_libc(int argc, char **argv, char **envp)
{
    wg_add(&err_wg, 8);
    for (int i = 0; i < 4; i++) {
        gocc_go(err_libc_goroutine, NULL, __FILE__, __LINE__);
        gocc_go(err_other, NULL, __FILE__, __LINE__);
    }
    wg_wait(&err_wg);
    return 0;
}

TU_TEST(sched, errno_from_libc_call_survives_switch) { TU_RUN(m_errno_libc); }

/* ---- gocc_alloc --------------------------------------------------------- */

static int m_alloc(int argc, char **argv, char **envp)
{
    static const gocc_size_t sizes[] = { 1, 8, 24, 100, 4096, 100000, 1 << 20 };
    for (unsigned k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        for (int rep = 0; rep < 3; rep++) {
            unsigned char *p = gocc_alloc(sizes[k]);
            GCHECK(p != NULL);
            GCHECK(((uintptr_t)p & 7) == 0);
            long nonzero = 0;
            for (gocc_size_t i = 0; i < sizes[k]; i++)
                nonzero += p[i] != 0;
            GCHECK_EQ(nonzero, 0);
            tu_fill(p, 0xFF, sizes[k]);
            unsigned char *a = gocc_alloc_atomic(sizes[k]);
            GCHECK(a != NULL);
            a[0] = 1;
            a[sizes[k] - 1] = 2;
        }
    }
    gc_collect();
    return 0;
}

TU_TEST(sched, gc_alloc_zeroed) { TU_RUN(m_alloc); }

TU_MAIN(NULL)
