/*
 * test_callback.c — C code calling back into goroutine code (gocc_callback):
 * qsort on the system stack with a comparator that blocks on channels,
 * sleeps and yields.  The comparator is written the way gocc translates a
 * dialect function that C may call: when gocc_insys is set it re-runs
 * itself through gocc_callback, on the goroutine's stack.
 *
 * On GOMAXPROCS=1 the comparator's partner goroutine can only run if the
 * blocked callback's thread gives its P away: a runtime without that
 * hangs (and the test times out) instead of passing by luck.
 */
#include "test_util.h"

#define NSORT 4
#define NELEM 64

static gocc_chan *cb_req, *cb_rep;
static WaitGroup cb_wg, sort_wg;
static int cb_arrays[NSORT][NELEM];
static atomic_int cb_calls, cb_sorted;

struct pair { int a, b; gocc_chan *rep; };

/* The partner: compares for every sorter. */
static void comparer(void *arg)
{
    (void)arg;
    struct pair p;
    while (gocc_chanrecv2(cb_req, &p)) {
        int r = (p.a > p.b) - (p.a < p.b);
        gocc_chansend(p.rep, &r);
    }
    wg_done(&cb_wg);
}

struct cmp_args { const void *a, *b; int r; };
static int cmp(const void *a, const void *b);

static void cmp_run(void *p)
{
    struct cmp_args *x = p;
    x->r = cmp(x->a, x->b);
}

static int cmp(const void *a, const void *b)
{
    if (__builtin_expect(gocc_insys, 0)) {
        struct cmp_args x = { a, b, 0 };
        gocc_callback(cmp_run, &x);
        return x.r;
    }
    /* goroutine code from here on: it may block */
    int n = atomic_fetch_add(&cb_calls, 1);
    if (n % 50 == 0)
        time_sleep(MICROSECOND);
    else if (n % 7 == 0)
        gosched();
    gocc_chan *rep = gocc_makechan(sizeof(int), _Alignof(int), 0);
    struct pair p = { *(const int *)a, *(const int *)b, rep };
    gocc_chansend(cb_req, &p);
    int r;
    gocc_chanrecv(rep, &r);
    return r;
}

static void sort_ss(void *arg) { qsort(arg, NELEM, sizeof(int), cmp); }

static void sorter(void *arg)
{
    int *a = arg;
    gocc_systemstack(sort_ss, a);
    bool ok = true;
    for (int i = 1; i < NELEM; i++)
        ok = ok && a[i - 1] <= a[i];
    if (ok)
        atomic_fetch_add(&cb_sorted, 1);
    wg_done(&sort_wg);
}

static int m_sort(int argc, char **argv, char **envp)
{
    for (int s = 0; s < NSORT; s++)
        for (int i = 0; i < NELEM; i++)
            cb_arrays[s][i] = (i * 7919 + s * 31) % 101;
    cb_req = gocc_makechan(sizeof(struct pair), _Alignof(struct pair), 0);
    wg_add(&cb_wg, 1);
    gocc_go(comparer, NULL, __FILE__, __LINE__);
    wg_add(&sort_wg, NSORT);
    for (int s = 0; s < NSORT; s++)
        gocc_go(sorter, cb_arrays[s], __FILE__, __LINE__);
    wg_wait(&sort_wg);
    gocc_chanclose(cb_req);             /* ends the comparer */
    wg_wait(&cb_wg);
    GCHECK_EQ(atomic_load(&cb_sorted), NSORT);
    GCHECK(atomic_load(&cb_calls) > NSORT * NELEM);
    return 0;
}

TU_TEST(callback, comparator_blocks_on_channels) { TU_RUN(m_sort); }

/* ---- nesting: a callback calls C again, which calls back again ---------- */

static int depth_seen;

struct nest { int level; int r; };
static int nest_fn(int level);

static void nest_run(void *p)
{
    struct nest *x = p;
    x->r = nest_fn(x->level);
}

static void nest_ss(void *p)
{
    struct nest *x = p;
    /* C code on the system stack calls the goroutine function back */
    x->r = nest_fn(x->level);
}

static int nest_fn(int level)
{
    if (__builtin_expect(gocc_insys, 0)) {
        struct nest x = { level, 0 };
        gocc_callback(nest_run, &x);
        return x.r;
    }
    gosched();
    if (level > depth_seen)
        depth_seen = level;
    if (level == 5)
        return 1;
    struct nest x = { level + 1, 0 };
    gocc_systemstack(nest_ss, &x);
    return x.r + 1;
}

static int m_nest(int argc, char **argv, char **envp)
{
    GCHECK_EQ(nest_fn(0), 6);
    GCHECK_EQ(depth_seen, 5);
    return 0;
}

TU_TEST(callback, nested_callbacks_yield) { TU_RUN(m_nest); }

/* ---- off a goroutine: gocc_callback just calls ------------------------- */

static int plain_ran;
static void plain(void *p) { *(int *)p = 1; }

TU_TEST(callback, outside_the_runtime_just_calls)
{
    gocc_callback(plain, &plain_ran);
    cr_assert_eq(plain_ran, 1);
}

TU_MAIN(NULL)
