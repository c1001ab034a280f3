/*
 * test_select.c — gocc_select through the public C API: uniform choice among
 * ready cases (fairness over 100k selects), default, nil-channel cases, send
 * cases, blocking and waking exactly once, closed channels, a channel named
 * in several cases.  Semantics: dialect.md §4.  `select {}` and an all-nil
 * select without default block forever: tested as deadlocks in test_panic.c.
 */
#include "test_util.h"

#define FAIR_N 100000
#define FAIR_LO (FAIR_N * 40 / 100)
#define FAIR_HI (FAIR_N * 60 / 100)

static gocc_chan *mkchan(long cap) { return gocc_makechan(sizeof(long), _Alignof(long), cap); }

#define CHECK_FAIR(count)                                                      \
    do {                                                                       \
        GCHECK((count) >= FAIR_LO);                                            \
        GCHECK((count) <= FAIR_HI);                                            \
        if ((count) < FAIR_LO || (count) > FAIR_HI)                            \
            tu_record_fail(__FILE__, __LINE__, "fair share (got = count, want = half)", \
                           (count), FAIR_N / 2);                               \
    } while (0)

/* Two closed channels: both always ready. */
static int m_fair_closed(int argc, char **argv, char **envp)
{
    gocc_chan *a = mkchan(0), *b = mkchan(3);
    gocc_chanclose(a);
    gocc_chanclose(b);
    long count[2] = { 0, 0 }, other = 0;
    for (long i = 0; i < FAIR_N; i++) {
        long va = 1, vb = 1;
        gocc_selcase cs[2] = {
            { .c = a, .elem = &va, .dir = GOCC_SELECT_RECV, .recv_ok = true },
            { .c = b, .elem = &vb, .dir = GOCC_SELECT_RECV, .recv_ok = true },
        };
        int k = gocc_select(cs, 2, false);
        if (k == 0 || k == 1) {
            count[k]++;
            GCHECK(!cs[k].recv_ok);
            GCHECK_EQ(k == 0 ? va : vb, 0);
        } else {
            other++;
        }
    }
    GCHECK_EQ(other, 0);
    CHECK_FAIR(count[0]);
    CHECK_FAIR(count[1]);
    return 0;
}

TU_TEST(select, fairness_closed_channels) { TU_RUN(m_fair_closed); }

/* Two buffered channels holding FAIR_N values each: both always ready;
 * each channel's values still come out in FIFO order. */
static int m_fair_buffered(int argc, char **argv, char **envp)
{
    gocc_chan *c[2] = { mkchan(FAIR_N), mkchan(FAIR_N) };
    for (long i = 0; i < FAIR_N; i++) {
        gocc_chansend(c[0], &i);
        gocc_chansend(c[1], &i);
    }
    long count[2] = { 0, 0 }, next[2] = { 0, 0 }, other = 0;
    for (long i = 0; i < FAIR_N; i++) {
        long v[2] = { -1, -1 };
        gocc_selcase cs[2] = {
            { .c = c[0], .elem = &v[0], .dir = GOCC_SELECT_RECV },
            { .c = c[1], .elem = &v[1], .dir = GOCC_SELECT_RECV },
        };
        int k = gocc_select(cs, 2, true);      /* with default: still never taken */
        if (k != 0 && k != 1) {
            other++;
            continue;
        }
        GCHECK(cs[k].recv_ok);
        GCHECK_EQ(v[k], next[k]);
        GCHECK_EQ(v[1 - k], -1);               /* the other case did not proceed */
        next[k] = v[k] + 1;
        count[k]++;
    }
    GCHECK_EQ(other, 0);
    CHECK_FAIR(count[0]);
    CHECK_FAIR(count[1]);
    GCHECK_EQ(gocc_chanlen(c[0]), FAIR_N - count[0]);
    GCHECK_EQ(gocc_chanlen(c[1]), FAIR_N - count[1]);
    return 0;
}

TU_TEST(select, fairness_buffered_receive) { TU_RUN(m_fair_buffered); }

/* Two send cases on buffered channels with room: both always ready. */
static int m_fair_send(int argc, char **argv, char **envp)
{
    gocc_chan *c[2] = { mkchan(FAIR_N), mkchan(FAIR_N) };
    long count[2] = { 0, 0 }, other = 0;
    for (long i = 0; i < FAIR_N; i++) {
        long v = i;
        gocc_selcase cs[2] = {
            { .c = c[0], .elem = &v, .dir = GOCC_SELECT_SEND },
            { .c = c[1], .elem = &v, .dir = GOCC_SELECT_SEND },
        };
        int k = gocc_select(cs, 2, false);
        if (k == 0 || k == 1)
            count[k]++;
        else
            other++;
    }
    GCHECK_EQ(other, 0);
    CHECK_FAIR(count[0]);
    CHECK_FAIR(count[1]);
    GCHECK_EQ(gocc_chanlen(c[0]), count[0]);
    GCHECK_EQ(gocc_chanlen(c[1]), count[1]);
    /* the values went where the select said */
    long prev = -1, v;
    for (long i = 0; i < count[0]; i++) {
        gocc_chanrecv(c[0], &v);
        GCHECK(v > prev);
        prev = v;
    }
    return 0;
}

TU_TEST(select, fairness_send_cases) { TU_RUN(m_fair_send); }

/* A receive case and a send case, both ready, plus nil cases that never
 * proceed. */
static int m_fair_mixed(int argc, char **argv, char **envp)
{
    gocc_chan *closed = mkchan(0), *room = mkchan(FAIR_N);
    gocc_chanclose(closed);
    long count[4] = { 0, 0, 0, 0 }, other = 0;
    for (long i = 0; i < FAIR_N; i++) {
        long r = 0, s = i;
        gocc_selcase cs[4] = {
            { .c = NULL, .elem = &r, .dir = GOCC_SELECT_RECV },
            { .c = closed, .elem = &r, .dir = GOCC_SELECT_RECV },
            { .c = NULL, .elem = &s, .dir = GOCC_SELECT_SEND },
            { .c = room, .elem = &s, .dir = GOCC_SELECT_SEND },
        };
        int k = gocc_select(cs, 4, false);
        if (k >= 0 && k < 4)
            count[k]++;
        else
            other++;
    }
    GCHECK_EQ(other, 0);
    GCHECK_EQ(count[0], 0);
    GCHECK_EQ(count[2], 0);
    CHECK_FAIR(count[1]);
    CHECK_FAIR(count[3]);
    GCHECK_EQ(gocc_chanlen(room), count[3]);
    return 0;
}

TU_TEST(select, fairness_mixed_with_nil_cases) { TU_RUN(m_fair_mixed); }

/* The same channel in two cases: still a uniform choice, and no self-deadlock
 * on the channel's lock. */
static void dup_sender(void *arg)
{
    tu_let_others_run();
    long v = 9;
    gocc_chansend((gocc_chan *)arg, &v);
}

static int m_duplicate(int argc, char **argv, char **envp)
{
    gocc_chan *a = mkchan(0);
    gocc_chanclose(a);
    long count[2] = { 0, 0 };
    for (long i = 0; i < FAIR_N; i++) {
        gocc_selcase cs[2] = {
            { .c = a, .elem = NULL, .dir = GOCC_SELECT_RECV },
            { .c = a, .elem = NULL, .dir = GOCC_SELECT_RECV },
        };
        int k = gocc_select(cs, 2, false);
        if (k == 0 || k == 1)
            count[k]++;
    }
    CHECK_FAIR(count[0]);
    CHECK_FAIR(count[1]);

    /* blocking on the same channel twice, woken once */
    gocc_chan *b = mkchan(0);
    gocc_go(dup_sender, b, __FILE__, __LINE__);
    long v0 = 0, v1 = 0;
    gocc_selcase cs[2] = {
        { .c = b, .elem = &v0, .dir = GOCC_SELECT_RECV },
        { .c = b, .elem = &v1, .dir = GOCC_SELECT_RECV },
    };
    int k = gocc_select(cs, 2, false);
    GCHECK(k == 0 || k == 1);
    GCHECK_EQ(v0 + v1, 9);
    GCHECK(cs[k].recv_ok);

    /* send and receive on the same buffered channel in one select */
    gocc_chan *c = mkchan(1);
    long one = 1;
    gocc_chansend(c, &one);
    long got = 0, put = 2, n = 0;
    gocc_selcase cs2[2] = {
        { .c = c, .elem = &got, .dir = GOCC_SELECT_RECV },
        { .c = c, .elem = &put, .dir = GOCC_SELECT_SEND },
    };
    k = gocc_select(cs2, 2, false);                /* full: only the receive is ready */
    GCHECK_EQ(k, 0);
    GCHECK_EQ(got, 1);
    n = gocc_chanlen(c);
    GCHECK_EQ(n, 0);
    k = gocc_select(cs2, 2, false);                /* empty: only the send is ready */
    GCHECK_EQ(k, 1);
    GCHECK_EQ(gocc_chanlen(c), 1);
    return 0;
}

TU_TEST(select, same_channel_in_two_cases) { TU_RUN(m_duplicate); }

/* ---- default ---------------------------------------------------------------- */

static int m_default(int argc, char **argv, char **envp)
{
    gocc_chan *empty = mkchan(4), *unbuf = mkchan(0), *full = mkchan(1);
    long one = 1;
    gocc_chansend(full, &one);
    for (int i = 0; i < 1000; i++) {
        long r = 5, s = 6;
        gocc_selcase cs[5] = {
            { .c = empty, .elem = &r, .dir = GOCC_SELECT_RECV },
            { .c = unbuf, .elem = &r, .dir = GOCC_SELECT_RECV },
            { .c = unbuf, .elem = &s, .dir = GOCC_SELECT_SEND },   /* no receiver */
            { .c = full, .elem = &s, .dir = GOCC_SELECT_SEND },
            { .c = NULL, .elem = &r, .dir = GOCC_SELECT_RECV },
        };
        GCHECK_EQ(gocc_select(cs, 5, true), -1);
        GCHECK_EQ(r, 5);                           /* nothing stored */
    }
    GCHECK_EQ(gocc_chanlen(full), 1);
    GCHECK_EQ(gocc_chanlen(empty), 0);

    /* no cases at all, with default */
    GCHECK_EQ(gocc_select(NULL, 0, true), -1);

    /* only nil cases, with default */
    gocc_selcase nils[2] = {
        { .c = NULL, .elem = NULL, .dir = GOCC_SELECT_RECV },
        { .c = NULL, .elem = &one, .dir = GOCC_SELECT_SEND },
    };
    GCHECK_EQ(gocc_select(nils, 2, true), -1);

    /* a ready case wins over default, every time */
    for (long i = 0; i < 1000; i++) {
        gocc_chansend(empty, &i);
        long r = -1;
        gocc_selcase cs[2] = {
            { .c = unbuf, .elem = &r, .dir = GOCC_SELECT_RECV },
            { .c = empty, .elem = &r, .dir = GOCC_SELECT_RECV },
        };
        GCHECK_EQ(gocc_select(cs, 2, true), 1);
        GCHECK_EQ(r, i);
        GCHECK(cs[1].recv_ok);
    }
    return 0;
}

TU_TEST(select, default_case) { TU_RUN(m_default); }

/* An unbuffered channel with a receiver already blocked is ready for a send
 * case with default. */
static atomic_long nb_got;

static void blocked_receiver(void *arg)
{
    long v = 0;
    gocc_chanrecv((gocc_chan *)arg, &v);
    atomic_store(&nb_got, v);
}

static int m_default_with_waiting_partner(int argc, char **argv, char **envp)
{
    gocc_chan *u = mkchan(0);
    gocc_go(blocked_receiver, u, __FILE__, __LINE__);
    long s = 31337;
    gocc_selcase cs[1] = { { .c = u, .elem = &s, .dir = GOCC_SELECT_SEND } };
    /* retried until the receiver has parked; then the send must succeed */
    TU_WAIT(gocc_select(cs, 1, true) == 0);
    TU_WAIT(atomic_load(&nb_got) == 31337);
    return 0;
}

TU_TEST(select, default_send_to_waiting_receiver) { TU_RUN(m_default_with_waiting_partner); }

/* ---- blocking select ------------------------------------------------------ */

struct delayed { gocc_chan *c; long v; };

static void delayed_send(void *arg)
{
    struct delayed *d = arg;
    tu_let_others_run();
    gocc_chansend(d->c, &d->v);
}

static int m_block_wake(int argc, char **argv, char **envp)
{
    for (int round = 0; round < 20; round++) {
        gocc_chan *a = mkchan(round & 1), *b = mkchan(0);
        struct delayed *d = gocc_alloc(sizeof *d);
        d->c = b;
        d->v = 100 + round;
        gocc_go(delayed_send, d, __FILE__, __LINE__);
        long va = -1, vb = -1;
        gocc_selcase cs[3] = {
            { .c = a, .elem = &va, .dir = GOCC_SELECT_RECV },
            { .c = NULL, .elem = &va, .dir = GOCC_SELECT_RECV },
            { .c = b, .elem = &vb, .dir = GOCC_SELECT_RECV },
        };
        GCHECK_EQ(gocc_select(cs, 3, false), 2);
        GCHECK_EQ(vb, 100 + round);
        GCHECK_EQ(va, -1);
        GCHECK(cs[2].recv_ok);
        GCHECK_EQ(gocc_chanlen(a), 0);
    }
    return 0;
}

TU_TEST(select, blocks_until_a_case_is_ready) { TU_RUN(m_block_wake); }

/* A blocked send case completes when a receiver comes. */
static atomic_int sc_result = -2;

static void send_selector(void *arg)
{
    gocc_chan *c = arg;
    gocc_chan *never = mkchan(0);
    long s = 4242, r = 0;
    gocc_selcase cs[2] = {
        { .c = never, .elem = &r, .dir = GOCC_SELECT_RECV },
        { .c = c, .elem = &s, .dir = GOCC_SELECT_SEND },
    };
    atomic_store(&sc_result, gocc_select(cs, 2, false));
}

static int m_send_case_blocks(int argc, char **argv, char **envp)
{
    gocc_chan *c = mkchan(0);
    gocc_go(send_selector, c, __FILE__, __LINE__);
    tu_let_others_run();
    GCHECK_EQ(atomic_load(&sc_result), -2);      /* still blocked */
    long v = 0;
    gocc_chanrecv(c, &v);
    GCHECK_EQ(v, 4242);
    TU_WAIT(atomic_load(&sc_result) == 1);
    return 0;
}

TU_TEST(select, send_case_blocks_until_received) { TU_RUN(m_send_case_blocks); }

/* A blocked select receives from a sender that comes later (value 0: the
 * zero-filled GC allocation). */
static int m_delayed_select(int argc, char **argv, char **envp)
{
    gocc_chan *a = mkchan(0), *b = mkchan(0);
    struct delayed *d = gocc_alloc(sizeof *d);
    d->c = a;
    gocc_go(delayed_send, d, __FILE__, __LINE__);
    long va = 7, vb = 7;
    gocc_selcase cs[2] = {
        { .c = b, .elem = &vb, .dir = GOCC_SELECT_RECV },
        { .c = a, .elem = &va, .dir = GOCC_SELECT_RECV },
    };
    GCHECK_EQ(gocc_select(cs, 2, false), 1);
    GCHECK(cs[1].recv_ok);
    GCHECK_EQ(va, 0);                              /* d->v == 0 */
    return 0;
}

TU_TEST(select, receives_from_delayed_sender) { TU_RUN(m_delayed_select); }

static void delayed_close(void *arg)
{
    tu_let_others_run();
    gocc_chanclose((gocc_chan *)arg);
}

static int m_closed_while_blocked(int argc, char **argv, char **envp)
{
    gocc_chan *a = mkchan(0), *b = mkchan(2);
    gocc_go(delayed_close, a, __FILE__, __LINE__);
    long va = 7, vb = 7;
    gocc_selcase cs[2] = {
        { .c = b, .elem = &vb, .dir = GOCC_SELECT_RECV },
        { .c = a, .elem = &va, .dir = GOCC_SELECT_RECV, .recv_ok = true },
    };
    GCHECK_EQ(gocc_select(cs, 2, false), 1);
    GCHECK(!cs[1].recv_ok);
    GCHECK_EQ(va, 0);
    GCHECK_EQ(vb, 7);
    return 0;
}

TU_TEST(select, close_wakes_blocked_select) { TU_RUN(m_closed_while_blocked); }

/* Many goroutines blocked in select over the same two channels, fed by two
 * producers: every value is delivered to exactly one select (woken exactly
 * once), none lost or duplicated. */
#define WO_SEL 6
#define WO_PER 20000
static atomic_int wo_seen[2 * WO_PER];
static atomic_long wo_total;
static WaitGroup wo_prod, wo_sel;

struct wo_args { gocc_chan *a, *b; };

static void wo_producer(void *arg)
{
    gocc_chan *c = *(gocc_chan **)arg;
    long base = ((long *)arg)[1];
    for (long i = 0; i < WO_PER; i++) {
        long v = base + i;
        gocc_chansend(c, &v);
    }
    wg_done(&wo_prod);
}

static void wo_selector(void *arg)
{
    struct wo_args *w = arg;
    gocc_chan *a = w->a, *b = w->b;
    while (a || b) {
        long va = -1, vb = -1;
        gocc_selcase cs[2] = {
            { .c = a, .elem = &va, .dir = GOCC_SELECT_RECV },
            { .c = b, .elem = &vb, .dir = GOCC_SELECT_RECV },
        };
        int k = gocc_select(cs, 2, false);
        long v = k == 0 ? va : vb;
        if (k != 0 && k != 1) {
            GCHECK(k == 0 || k == 1);
            break;
        }
        if (!cs[k].recv_ok) {
            if (k == 0) a = NULL; else b = NULL;
            continue;
        }
        GCHECK(v >= 0 && v < 2 * WO_PER);
        if (v >= 0 && v < 2 * WO_PER) {
            atomic_fetch_add(&wo_seen[v], 1);
            atomic_fetch_add(&wo_total, 1);
        }
    }
    wg_done(&wo_sel);
}

static int m_woken_once(int argc, char **argv, char **envp)
{
    struct wo_args *w = gocc_alloc(sizeof *w);
    w->a = mkchan(0);
    w->b = mkchan(3);
    wg_add(&wo_sel, WO_SEL);
    wg_add(&wo_prod, 2);
    for (int i = 0; i < WO_SEL; i++)
        gocc_go(wo_selector, w, __FILE__, __LINE__);
    for (long p = 0; p < 2; p++) {
        void **a = gocc_alloc(2 * sizeof(void *));
        a[0] = p ? w->b : w->a;
        ((long *)a)[1] = p * WO_PER;
        gocc_go(wo_producer, a, __FILE__, __LINE__);
    }
    wg_wait(&wo_prod);
    gocc_chanclose(w->a);
    gocc_chanclose(w->b);
    wg_wait(&wo_sel);
    GCHECK_EQ(atomic_load(&wo_total), 2 * WO_PER);
    long bad = 0;
    for (long i = 0; i < 2 * WO_PER; i++)
        bad += atomic_load(&wo_seen[i]) != 1;
    GCHECK_EQ(bad, 0);
    return 0;
}

TU_TEST(select, many_selectors_each_value_once) { TU_RUN(m_woken_once); }

/* Two goroutines that each select {send on c, receive on c} must pair up
 * with each other (a select never matches itself): in every round exactly
 * one sends and one receives. */
#define PAIR_ROUNDS 2000
static atomic_int pair_sends, pair_recvs;
static WaitGroup pair_wg;

static void pair_selector(void *arg)
{
    gocc_chan *c = arg;
    for (int i = 0; i < PAIR_ROUNDS; i++) {
        long s = 1, r = 0;
        gocc_selcase cs[2] = {
            { .c = c, .elem = &s, .dir = GOCC_SELECT_SEND },
            { .c = c, .elem = &r, .dir = GOCC_SELECT_RECV },
        };
        int k = gocc_select(cs, 2, false);
        if (k == 0) {
            atomic_fetch_add(&pair_sends, 1);
        } else {
            GCHECK_EQ(k, 1);
            GCHECK_EQ(r, 1);
            atomic_fetch_add(&pair_recvs, 1);
        }
    }
    wg_done(&pair_wg);
}

static int m_pairs(int argc, char **argv, char **envp)
{
    gocc_chan *c = mkchan(0);
    wg_add(&pair_wg, 2);
    gocc_go(pair_selector, c, __FILE__, __LINE__);
    gocc_go(pair_selector, c, __FILE__, __LINE__);
    wg_wait(&pair_wg);
    GCHECK_EQ(atomic_load(&pair_sends), PAIR_ROUNDS);
    GCHECK_EQ(atomic_load(&pair_recvs), PAIR_ROUNDS);
    return 0;
}

TU_TEST(select, send_and_receive_selects_pair_up) { TU_RUN(m_pairs); }

/* Large elements through blocked select cases (both directions). */
struct big { unsigned char b[1024]; };

static void big_sender(void *arg)
{
    gocc_chan *c = arg;
    struct big *x = gocc_alloc(sizeof *x);
    for (int round = 0; round < 50; round++) {
        for (int i = 0; i < 1024; i++)
            x->b[i] = (unsigned char)(i * 3 + round);
        gocc_selcase cs[2] = {
            { .c = NULL, .elem = x, .dir = GOCC_SELECT_SEND },
            { .c = c, .elem = x, .dir = GOCC_SELECT_SEND },
        };
        GCHECK_EQ(gocc_select(cs, 2, false), 1);
    }
}

static int m_big_elems(int argc, char **argv, char **envp)
{
    gocc_chan *c = gocc_makechan(sizeof(struct big), _Alignof(struct big), 0);
    gocc_go(big_sender, c, __FILE__, __LINE__);
    struct big *y = gocc_alloc(sizeof *y);
    for (int round = 0; round < 50; round++) {
        if (round % 10 == 0)
            tu_let_others_run();   /* the sender is parked in its select */
        gocc_selcase cs[1] = { { .c = c, .elem = y, .dir = GOCC_SELECT_RECV } };
        GCHECK_EQ(gocc_select(cs, 1, false), 0);
        long bad = 0;
        for (int i = 0; i < 1024; i++)
            bad += y->b[i] != (unsigned char)(i * 3 + round);
        GCHECK_EQ(bad, 0);
    }
    return 0;
}

TU_TEST(select, large_elements) { TU_RUN(m_big_elems); }

TU_MAIN(NULL)
