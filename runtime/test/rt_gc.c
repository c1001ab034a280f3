/* rt_gc.c — Boehm GC integration: parked stacks are roots, unreachable
 * channels are collected, stress with migrating split-stack goroutines. */
#include "rt_util.h"
#include <gc/gc.h>
#include <stdatomic.h>

static int start(int (*fn)(int, char **, char **))
{
    char *argv[] = { "t", NULL };
    return gocc_start(fn, 1, argv, NULL);
}

static atomic_int finalized;
static void fin(void *obj, void *cd) { (void)obj; (void)cd; atomic_fetch_add(&finalized, 1); }
static void regfin_ss(void *obj) { GC_register_finalizer(obj, fin, NULL, NULL, NULL); }
static void invoke_ss(void *arg) { (void)arg; GC_invoke_finalizers(); }

static void collect(void)
{
    for (int i = 0; i < 3; i++) {
        gc_collect();
        gocc_systemstack(invoke_ss, NULL);
    }
}

/* ---- an object referenced only from a parked goroutine's deep frame ---- */
#define MAGIC 0x5a17c0de5a17c0deull
struct node { unsigned long magic; struct node *next; long pad[6]; };

static atomic_int parked_bad;
static WaitGroup wgpark;

static long hold(int depth, gocc_chan *wake)
{
    volatile char pad[300];
    pad[0] = 1;
    if (depth > 0)
        return hold(depth - 1, wake) + pad[0] - 1;
    struct node *volatile n = gocc_alloc(sizeof *n);
    n->magic = MAGIC ^ (unsigned long)n;
    gocc_systemstack(regfin_ss, n);
    gocc_chanrecv(wake, NULL);          /* parked: n lives only here */
    if (n->magic != (MAGIC ^ (unsigned long)n))
        atomic_fetch_add(&parked_bad, 1);
    return 0;
}

static void holder(void *arg)
{
    hold(200, arg);                      /* ~60 KB: several segments */
    wg_done(&wgpark);
}

static int parked_main(int argc, char **argv, char **envp)
{
    gocc_chan *wake = gocc_makechan(0, 1, 0);
    wg_add(&wgpark, 8);
    for (int i = 0; i < 8; i++)
        gocc_go(holder, wake, __FILE__, __LINE__);
    while (atomic_load(&finalized) == 0 && gocc_chanlen(wake) == 0) {
        /* wait until all 8 are parked in hold(0) */
        static int tries;
        time_sleep(MILLISECOND);
        if (++tries > 50)
            break;
    }
    collect();
    int early = atomic_load(&finalized);
    for (int i = 0; i < 8; i++)
        gocc_chansend(wake, NULL);
    wg_wait(&wgpark);
    return early;
}

Test(rt_gc, parked_stack_keeps_objects)
{
    cr_assert_eq(start(parked_main), 0, "finalizers ran on live objects");
    cr_assert_eq(atomic_load(&parked_bad), 0);
}

/* ---- unreachable channels are collected -------------------------------- */
static __attribute__((noinline)) void make_garbage_chans(int n)
{
    for (int i = 0; i < n; i++) {
        gocc_chan *c = gocc_makechan(sizeof(long), _Alignof(long), i % 4);
        gocc_systemstack(regfin_ss, c);
        long v = i;
        if (i % 4)
            gocc_chansend(c, &v);
    }
}

static __attribute__((noinline)) void scrub(void)
{
    volatile char z[8192];
    for (int i = 0; i < (int)sizeof z; i++)
        z[i] = 0;
}

static int chans_main(int argc, char **argv, char **envp)
{
    make_garbage_chans(1000);
    scrub();
    collect();
    return 0;
}

Test(rt_gc, unreachable_channels_are_collected)
{
    cr_assert_eq(start(chans_main), 0);
    /* conservative scanning may keep a few alive, not most */
    cr_assert_geq(atomic_load(&finalized), 900, "only %d of 1000 collected",
                  atomic_load(&finalized));
}

/* ---- stress: allocation, collection and migration at once -------------- */
static atomic_long checks, bad;
static WaitGroup wgstress;

static struct node *chain(int depth, int round)
{
    struct node *n = gocc_alloc(sizeof *n);
    n->magic = MAGIC ^ (unsigned long)n;
    for (int i = 0; i < 3; i++)
        (void)gocc_alloc(sizeof(struct node));   /* garbage */
    if (depth % 25 == 0)
        gosched();
    if (depth > 0)
        n->next = chain(depth - 1, round);
    /* n is referenced only from this frame and from the parent's n->next
     * once we return */
    if (n->magic != (MAGIC ^ (unsigned long)n))
        atomic_fetch_add(&bad, 1);
    atomic_fetch_add(&checks, 1);
    return n;
}

static void stress_g(void *arg)
{
    (void)arg;
    for (int round = 0; round < 6; round++) {
        struct node *h = chain(150, round);
        for (struct node *p = h; p; p = p->next)
            if (p->magic != (MAGIC ^ (unsigned long)p))
                atomic_fetch_add(&bad, 1);
    }
    wg_done(&wgstress);
}

static void divisor_ss(void *a) { (void)a; GC_set_free_space_divisor(50); }

static int stress_main(int argc, char **argv, char **envp)
{
    gocc_systemstack(divisor_ss, NULL);
    wg_add(&wgstress, 100);
    for (int i = 0; i < 100; i++)
        gocc_go(stress_g, NULL, __FILE__, __LINE__);
    wg_wait(&wgstress);
    return 0;
}

Test(rt_gc, stress_migrating_split_stacks)
{
    cr_assert_eq(start(stress_main), 0);
    cr_assert_eq(atomic_load(&bad), 0);
    cr_assert_eq(atomic_load(&checks), 100L * 6 * 151);
}
