/*
 * test_gc.c — the garbage collector and the runtime (dialect.md §9):
 * objects referenced only from a parked goroutine's stack (initial segment
 * or grown segments), from a pending goroutine's argument, or from values
 * buffered in a channel survive collections; unreachable channels are
 * collected.  Liveness is observed with Boehm's disappearing links (the link
 * holds a hidden pointer, so it keeps nothing alive; the collector clears it
 * when the object is freed).  Calls into libgc go through gocc_systemstack.
 */
#include "test_util.h"

#include <gc.h>

struct link_req { GC_hidden_pointer *link; void *obj; int ok; };

static void register_link_ss(void *arg)
{
    struct link_req *r = arg;
    void *base = GC_base(r->obj);
    r->ok = base != NULL;
    if (base) {
        *r->link = GC_HIDE_POINTER(base);
        r->ok = GC_general_register_disappearing_link((void **)r->link, base) == GC_SUCCESS;
    }
}

/* *link is cleared when obj (a GC-heap object) is collected; records a
 * failure if obj is not on the GC heap. */
static void watch(GC_hidden_pointer *link, void *obj)
{
    struct link_req r = { link, obj, 0 };
    gocc_systemstack(register_link_ss, &r);
    GCHECK(r.ok);
}

/* Garbage that makes freed memory get reused, then full collections. */
static void churn(void)
{
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 50000; i++) {
            unsigned char *p = gocc_alloc(64 + (i % 7) * 16);
            p[0] = 0xEE;
        }
        gc_collect();
    }
}

static long count_alive(GC_hidden_pointer *links, long n)
{
    long alive = 0;
    for (long i = 0; i < n; i++)
        alive += links[i] != 0;
    return alive;
}

/* ---- objects on parked stacks ---------------------------------------------- */

#define PS_G 40
#define PS_OBJ 16
#define PS_SIZE 200
static GC_hidden_pointer ps_links[PS_G * PS_OBJ];
static WaitGroup ps_parked, ps_done;
static gocc_chan *ps_gate;

static unsigned char ps_pattern(int g, int k, int i) { return (unsigned char)(g * 7 + k * 13 + i); }

/* Allocates its objects at recursion depth `depth` (deep ones live in
 * grown stack segments), parks, then verifies them. */
static long __attribute__((noinline)) ps_hold(int g, int depth)
{
    volatile unsigned char pad[512];
    pad[0] = (unsigned char)depth;
    if (depth > 0)
        return ps_hold(g, depth - 1) + (pad[0] != (unsigned char)depth);

    unsigned char *objs[PS_OBJ];
    for (int k = 0; k < PS_OBJ; k++) {
        objs[k] = gocc_alloc(PS_SIZE);
        for (int i = 0; i < PS_SIZE; i++)
            objs[k][i] = ps_pattern(g, k, i);
        watch(&ps_links[g * PS_OBJ + k], objs[k]);
    }
    wg_done(&ps_parked);
    gocc_chanrecv(ps_gate, NULL);              /* parked while main collects */
    long bad = 0;
    for (int k = 0; k < PS_OBJ; k++)
        for (int i = 0; i < PS_SIZE; i++)
            bad += objs[k][i] != ps_pattern(g, k, i);
    return bad;
}

static atomic_long ps_bad;

static void ps_goroutine(void *arg)
{
    int g = (int)(intptr_t)arg;
    atomic_fetch_add(&ps_bad, ps_hold(g, (g % 2) ? 300 : 0));
    wg_done(&ps_done);
}

static int m_parked_stacks(int argc, char **argv, char **envp)
{
    ps_gate = gocc_makechan(1, 1, 0);
    wg_add(&ps_parked, PS_G);
    wg_add(&ps_done, PS_G);
    for (int g = 0; g < PS_G; g++)
        gocc_go(ps_goroutine, (void *)(intptr_t)g, __FILE__, __LINE__);
    wg_wait(&ps_parked);
    tu_let_others_run();                       /* all parked in the receive */
    churn();
    GCHECK_EQ(count_alive(ps_links, PS_G * PS_OBJ), PS_G * PS_OBJ);
    gocc_chanclose(ps_gate);
    wg_wait(&ps_done);
    GCHECK_EQ(atomic_load(&ps_bad), 0);
    return 0;
}

TU_TEST(gc, objects_on_parked_stacks_survive) { TU_RUN(m_parked_stacks); }

/* ---- arguments of goroutines that have not run yet ------------------------ */

#define AR_G 500
static GC_hidden_pointer ar_links[AR_G];
static gocc_chan *ar_gate;
static atomic_long ar_bad;
static WaitGroup ar_done;

struct ar_arg { long id; long pattern[30]; };

static void ar_goroutine(void *arg)
{
    gocc_chanrecv(ar_gate, NULL);
    struct ar_arg *a = arg;
    long bad = 0;
    for (int i = 0; i < 30; i++)
        bad += a->pattern[i] != a->id * 100 + i;
    atomic_fetch_add(&ar_bad, bad);
    wg_done(&ar_done);
}

static int m_args(int argc, char **argv, char **envp)
{
    ar_gate = gocc_makechan(1, 1, 0);
    wg_add(&ar_done, AR_G);
    for (long g = 0; g < AR_G; g++) {
        struct ar_arg *a = gocc_alloc(sizeof *a);
        a->id = g;
        for (int i = 0; i < 30; i++)
            a->pattern[i] = g * 100 + i;
        watch(&ar_links[g], a);
        gocc_go(ar_goroutine, a, __FILE__, __LINE__);
        a = NULL;
    }
    churn();                                   /* most have not even started */
    GCHECK_EQ(count_alive(ar_links, AR_G), AR_G);
    gocc_chanclose(ar_gate);
    wg_wait(&ar_done);
    GCHECK_EQ(atomic_load(&ar_bad), 0);
    return 0;
}

TU_TEST(gc, goroutine_arguments_survive) { TU_RUN(m_args); }

/* ---- values buffered in a channel ---------------------------------------- */

#define CB_N 200
static GC_hidden_pointer cb_links[CB_N];

static void __attribute__((noinline)) cb_fill(gocc_chan *c)
{
    for (long i = 0; i < CB_N; i++) {
        long *obj = gocc_alloc(16 * sizeof(long));
        for (int k = 0; k < 16; k++)
            obj[k] = i * 1000 + k;
        watch(&cb_links[i], obj);
        gocc_chansend(c, &obj);
    }
}

struct holder { long tag; long *p; char pad[40]; };

static int m_chan_buffer(int argc, char **argv, char **envp)
{
    gocc_chan *c = gocc_makechan(sizeof(long *), _Alignof(long *), CB_N);
    cb_fill(c);
    churn();
    GCHECK_EQ(count_alive(cb_links, CB_N), CB_N);
    long bad = 0;
    for (long i = 0; i < CB_N; i++) {
        long *obj;
        gocc_chanrecv(c, &obj);
        for (int k = 0; k < 16; k++)
            bad += obj[k] != i * 1000 + k;
    }
    GCHECK_EQ(bad, 0);
    return 0;
}

TU_TEST(gc, values_buffered_in_channel_survive) { TU_RUN(m_chan_buffer); }

/* ---- unreachable channels --------------------------------------------------- */

#define UC_N 2000
static GC_hidden_pointer uc_links[UC_N];
static WaitGroup uc_wg;

static void uc_goroutine(void *arg)
{
    for (long i = 0; i < UC_N; i++) {
        gocc_chan *c = gocc_makechan(sizeof(long), _Alignof(long), i % 3 == 0 ? 0 : 4);
        if (i % 3 == 1) {
            gocc_chansend(c, &i);              /* a buffered value inside */
        }
        if (i % 5 == 0)
            gocc_chanclose(c);
        watch(&uc_links[i], c);
    }
    wg_done(&uc_wg);
}

static int m_unreachable(int argc, char **argv, char **envp)
{
    wg_add(&uc_wg, 1);
    gocc_go(uc_goroutine, NULL, __FILE__, __LINE__);
    wg_wait(&uc_wg);
    TU_WAIT(numgoroutine() == 1);
    churn();
    churn();
    long alive = count_alive(uc_links, UC_N);
    /* a conservative collector may keep a few through stale words */
    GCHECK(alive <= UC_N / 2);
    if (alive > UC_N / 2)
        tu_record_fail(__FILE__, __LINE__, "unreachable channels collected (got = still alive)",
                       alive, 0);
    return 0;
}

TU_TEST(gc, unreachable_channels_are_collected, TU_NEEDS_GC) { TU_RUN(m_unreachable); }

/* 200,000 short-lived channels, each carrying a struct with a GC pointer:
 * values arrive intact while the collector reclaims the channels. */
static int m_many_channels(int argc, char **argv, char **envp)
{
    for (long i = 0; i < 200000; i++) {
        gocc_chan *c = gocc_makechan(sizeof(struct holder), _Alignof(struct holder), 2);
        struct holder h = { .tag = i };
        h.p = gocc_alloc(32);
        gocc_chansend(c, &h);
        struct holder r;
        gocc_chanrecv(c, &r);
        GCHECK_EQ(r.tag, i);
    }
    return 0;
}

TU_TEST(gc, many_short_lived_channels) { TU_RUN(m_many_channels); }

TU_MAIN(NULL)
