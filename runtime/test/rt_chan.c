/* rt_chan.c — channels and select (white-box runtime tests). */
#include "rt_util.h"
#include <stdatomic.h>

static int start(int (*fn)(int, char **, char **))
{
    char *argv[] = { "t", NULL };
    return gocc_start(fn, 1, argv, NULL);
}

/* ---- unbuffered: ordered hand-off between two goroutines --------------- */
static long unbuf_sum;
static void producer(void *arg)
{
    gocc_chan *c = arg;
    for (long i = 1; i <= 10000; i++)
        gocc_chansend(c, &i);
    gocc_chanclose(c);
}

static int unbuf_main(int argc, char **argv, char **envp)
{
    gocc_chan *c = gocc_makechan(sizeof(long), _Alignof(long), 0);
    gocc_go(producer, c, __FILE__, __LINE__);
    long v, expect = 1;
    while (gocc_chanrecv2(c, &v)) {
        if (v != expect++)
            return 1;
        unbuf_sum += v;
    }
    if (v != 0)                 /* closed and drained: zero value */
        return 2;
    if (gocc_chanlen(c) != 0 || gocc_chancap(c) != 0)
        return 3;
    return 0;
}

Test(rt_chan, unbuffered_in_order)
{
    cr_assert_eq(start(unbuf_main), 0);
    cr_assert_eq(unbuf_sum, 10000L * 10001 / 2);
}

/* ---- buffered: len/cap, FIFO, drain after close ------------------------ */
static int buf_main(int argc, char **argv, char **envp)
{
    gocc_chan *c = gocc_makechan(sizeof(int), _Alignof(int), 3);
    if (gocc_chancap(c) != 3 || gocc_chanlen(c) != 0)
        return 1;
    for (int i = 0; i < 3; i++)
        gocc_chansend(c, &i);
    if (gocc_chanlen(c) != 3)
        return 2;
    gocc_chanclose(c);
    int v;
    for (int i = 0; i < 3; i++)
        if (!gocc_chanrecv2(c, &v) || v != i)
            return 3;
    v = 7;
    if (gocc_chanrecv2(c, &v) || v != 0)
        return 4;
    gocc_chanrecv(c, NULL);     /* closed: returns immediately */
    return gocc_chanlen(c);
}

Test(rt_chan, buffered_len_cap_close)
{
    cr_assert_eq(start(buf_main), 0);
}

/* ---- element sizes and alignments -------------------------------------- */
struct big { long a[9]; char tag; };
struct al64 { _Alignas(64) char x[3]; };

static void send_big(void *arg)
{
    gocc_chan *c = arg;
    for (int i = 0; i < 100; i++) {
        struct big b;
        for (int k = 0; k < 9; k++)
            b.a[k] = i * 10 + k;
        b.tag = (char)i;
        gocc_chansend(c, &b);
    }
}

static int elem_main(int argc, char **argv, char **envp)
{
    for (long cap = 0; cap <= 5; cap += 5) {
        gocc_chan *c = gocc_makechan(sizeof(struct big), _Alignof(struct big), cap);
        gocc_go(send_big, c, __FILE__, __LINE__);
        for (int i = 0; i < 100; i++) {
            struct big b;
            gocc_chanrecv(c, &b);
            for (int k = 0; k < 9; k++)
                if (b.a[k] != i * 10 + k)
                    return 1;
            if (b.tag != (char)i)
                return 2;
        }
    }
    gocc_chan *a = gocc_makechan(sizeof(struct al64), _Alignof(struct al64), 4);
    struct al64 x = { { 1, 2, 3 } }, y;
    gocc_chansend(a, &x);
    gocc_chansend(a, &x);
    gocc_chanrecv(a, &y);
    if (y.x[2] != 3)
        return 3;
    /* zero-size elements (chan struct{}) */
    gocc_chan *z = gocc_makechan(0, 1, 2);
    gocc_chansend(z, NULL);
    gocc_chansend(z, NULL);
    if (gocc_chanlen(z) != 2)
        return 4;
    gocc_chanrecv(z, NULL);
    return gocc_chanlen(z) == 1 ? 0 : 5;
}

Test(rt_chan, element_sizes_and_alignment)
{
    cr_assert_eq(start(elem_main), 0);
}

/* ---- close wakes every receiver and sender ----------------------------- */
static atomic_int woken_recv, woken_send_panics;
static WaitGroup wgclose;

static void recv_until_closed(void *arg)
{
    int v = 5;
    if (!gocc_chanrecv2(arg, &v) && v == 0)
        atomic_fetch_add(&woken_recv, 1);
    wg_done(&wgclose);
}

static int close_main(int argc, char **argv, char **envp)
{
    gocc_chan *c = gocc_makechan(sizeof(int), _Alignof(int), 0);
    wg_add(&wgclose, 50);
    for (int i = 0; i < 50; i++)
        gocc_go(recv_until_closed, c, __FILE__, __LINE__);
    while (numgoroutine() > 1 && gocc_chanlen(c) == 0) {
        /* let them all block */
        gosched();
        static int spins;
        if (++spins > 1000)
            break;
    }
    gocc_chanclose(c);
    wg_wait(&wgclose);
    return 0;
}

Test(rt_chan, close_wakes_all_receivers)
{
    cr_assert_eq(start(close_main), 0);
    cr_assert_eq(atomic_load(&woken_recv), 50);
}

/* ---- select ------------------------------------------------------------ */
static int sel_counts[2];

static void feeder(void *arg)
{
    gocc_chan *c = arg;
    int one = 1;
    for (;;)
        gocc_chansend(c, &one);
}

static int sel_fair_main(int argc, char **argv, char **envp)
{
    gocc_chan *a = gocc_makechan(sizeof(int), _Alignof(int), 16);
    gocc_chan *b = gocc_makechan(sizeof(int), _Alignof(int), 16);
    gocc_go(feeder, a, __FILE__, __LINE__);
    gocc_go(feeder, b, __FILE__, __LINE__);
    int va, vb;
    for (int i = 0; i < 100000; i++) {
        /* both ready most of the time: wait until they are, to measure the
         * random choice and not the scheduler */
        while (gocc_chanlen(a) == 0 || gocc_chanlen(b) == 0)
            gosched();
        gocc_selcase cs[2] = {
            { .c = a, .elem = &va, .dir = GOCC_SELECT_RECV },
            { .c = b, .elem = &vb, .dir = GOCC_SELECT_RECV },
        };
        int k = gocc_select(cs, 2, false);
        if (k < 0 || k > 1 || !cs[k].recv_ok)
            return 1;
        sel_counts[k]++;
    }
    return 0;
}

Test(rt_chan, select_fairness_100k)
{
    cr_assert_eq(start(sel_fair_main), 0);
    cr_assert_eq(sel_counts[0] + sel_counts[1], 100000);
    /* uniform choice: 50000 +- 2000 is > 12 standard deviations */
    cr_assert(sel_counts[0] > 48000 && sel_counts[0] < 52000,
              "counts %d / %d", sel_counts[0], sel_counts[1]);
}

static int sel_misc_main(int argc, char **argv, char **envp)
{
    gocc_chan *a = gocc_makechan(sizeof(int), _Alignof(int), 1);
    int v = 0;
    /* default when nothing is ready; nil channels never proceed */
    gocc_selcase cs[2] = {
        { .c = a, .elem = &v, .dir = GOCC_SELECT_RECV },
        { .c = NULL, .elem = &v, .dir = GOCC_SELECT_SEND },
    };
    if (gocc_select(cs, 2, true) != -1)
        return 1;
    if (gocc_select(NULL, 0, true) != -1)
        return 2;
    /* send case into the buffer, then receive it */
    int x = 9;
    gocc_selcase s1[1] = { { .c = a, .elem = &x, .dir = GOCC_SELECT_SEND } };
    if (gocc_select(s1, 1, false) != 0 || gocc_chanlen(a) != 1)
        return 3;
    if (gocc_select(cs, 2, false) != 0 || v != 9 || !cs[0].recv_ok)
        return 4;
    /* closed channel is always ready, recv_ok false */
    gocc_chanclose(a);
    v = 3;
    if (gocc_select(cs, 2, false) != 0 || cs[0].recv_ok || v != 0)
        return 5;
    /* select on a timer channel */
    gocc_chan *t = time_after(2 * MILLISECOND);
    gocc_chan *never = gocc_makechan(sizeof(int), _Alignof(int), 0);
    Time tv;
    gocc_selcase s2[2] = {
        { .c = never, .elem = &v, .dir = GOCC_SELECT_RECV },
        { .c = t, .elem = &tv, .dir = GOCC_SELECT_RECV },
    };
    if (gocc_select(s2, 2, false) != 1 || tv.ns == 0)
        return 6;
    return 0;
}

Test(rt_chan, select_default_nil_send_closed_timer)
{
    cr_assert_eq(start(sel_misc_main), 0);
}

/* A select blocked on several channels is woken exactly once: many
 * senders race on the cases, every value must be received once. */
static atomic_long sel_total;
static WaitGroup wgsend;

static void sender(void *arg)
{
    gocc_chan *c = arg;
    for (int i = 1; i <= 1000; i++)
        gocc_chansend(c, &i);
    wg_done(&wgsend);
}

static int sel_once_main(int argc, char **argv, char **envp)
{
    enum { N = 4 };
    gocc_chan *cs[N];
    for (int i = 0; i < N; i++)
        cs[i] = gocc_makechan(sizeof(int), _Alignof(int), 0);
    wg_add(&wgsend, 2 * N);
    for (int i = 0; i < 2 * N; i++)
        gocc_go(sender, cs[i % N], __FILE__, __LINE__);
    int vals[N];
    for (int got = 0; got < 2 * N * 1000; got++) {
        gocc_selcase sc[N];
        for (int i = 0; i < N; i++)
            sc[i] = (gocc_selcase){ .c = cs[i], .elem = &vals[i], .dir = GOCC_SELECT_RECV };
        int k = gocc_select(sc, N, false);
        sel_total += vals[k];
    }
    wg_wait(&wgsend);
    return 0;
}

Test(rt_chan, select_woken_exactly_once)
{
    cr_assert_eq(start(sel_once_main), 0);
    cr_assert_eq(atomic_load(&sel_total), 8L * 1000 * 1001 / 2);
}

/* Big select (> the on-stack case count) with sends and receives. */
static int sel_big_main(int argc, char **argv, char **envp)
{
    enum { N = 20 };
    gocc_chan *cs[N];
    for (int i = 0; i < N; i++)
        cs[i] = gocc_makechan(sizeof(int), _Alignof(int), 1);
    int sent = 0, vals[N];
    for (int round = 0; round < 2 * N; round++) {
        gocc_selcase sc[N];
        for (int i = 0; i < N; i++) {
            vals[i] = i;
            sc[i] = (gocc_selcase){ .c = cs[i], .elem = &vals[i],
                                    .dir = i % 2 ? GOCC_SELECT_RECV : GOCC_SELECT_SEND };
        }
        int k = gocc_select(sc, N, true);
        if (k >= 0 && sc[k].dir == GOCC_SELECT_SEND)
            sent++;
    }
    /* only the N/2 send cases can ever proceed, once each (cap 1) */
    return sent == N / 2 ? 0 : 1;
}

Test(rt_chan, big_select)
{
    cr_assert_eq(start(sel_big_main), 0);
}
