/*
 * test_time.c — timers through the public C API (dialect.md §8, time):
 * time_now/time_since, time_sleep (at least d; sleepers wake in deadline
 * order; sleeping parks only the goroutine), time_after in select, time_tick,
 * Ticker stop/reset, Timer stop/reset.  No upper bounds on durations: only
 * lower bounds (a sleep lasts at least d) and orders separated by wide
 * margins.
 */
#include "test_util.h"

static gocc_chan *mkchan(long cap) { return gocc_makechan(sizeof(long), _Alignof(long), cap); }

static int m_now(int argc, char **argv, char **envp)
{
    Time prev = time_now();
    for (int i = 0; i < 10000; i++) {
        Time t = time_now();
        GCHECK(t.ns >= prev.ns);
        prev = t;
        if (i % 1000 == 0)
            gosched();
    }
    GCHECK(time_since(prev) >= 0);
    GCHECK(prev.ns > 0);
    return 0;
}

TU_TEST(time, now_is_monotonic) { TU_RUN(m_now); }

static int m_sleep_at_least(int argc, char **argv, char **envp)
{
    static const Duration ds[] = { 1 * MILLISECOND, 5 * MILLISECOND, 20 * MILLISECOND,
                                   100 * MICROSECOND };
    for (unsigned i = 0; i < sizeof ds / sizeof ds[0]; i++) {
        Time t = time_now();
        time_sleep(ds[i]);
        Duration d = time_since(t);
        GCHECK(d >= ds[i]);
        if (d < ds[i])
            tu_record_fail(__FILE__, __LINE__, "slept at least d", d, ds[i]);
    }
    time_sleep(0);                             /* return at once */
    time_sleep(-SECOND);
    time_sleep(NANOSECOND);
    return 0;
}

TU_TEST(time, sleep_lasts_at_least_d) { TU_RUN(m_sleep_at_least); }

/* Sleepers started in a shuffled order wake in the order of their deadlines
 * (100 ms apart).  If time_sleep blocked the OS thread, at GOMAXPROCS=1 they
 * would wake in start order instead. */
#define SO_N 7
static Mutex so_mu;
static int so_order[SO_N], so_len;
static WaitGroup so_wg;

static void so_sleeper(void *arg)
{
    int k = (int)(intptr_t)arg;
    time_sleep((Duration)(k + 1) * 100 * MILLISECOND);
    mutex_lock(&so_mu);
    so_order[so_len++] = k;
    mutex_unlock(&so_mu);
    wg_done(&so_wg);
}

static int m_sleep_order(int argc, char **argv, char **envp)
{
    static const int start[SO_N] = { 5, 2, 0, 3, 6, 1, 4 };
    wg_add(&so_wg, SO_N);
    for (int i = 0; i < SO_N; i++)
        gocc_go(so_sleeper, (void *)(intptr_t)start[i], __FILE__, __LINE__);
    wg_wait(&so_wg);
    GCHECK_EQ(so_len, SO_N);
    for (int i = 0; i < SO_N; i++)
        GCHECK_EQ(so_order[i], i);
    return 0;
}

TU_TEST(time, sleepers_wake_in_deadline_order) { TU_RUN(m_sleep_order); }

/* Many concurrent sleepers all wake. */
#define MS_N (TU_MAX_LIVE < 10000 ? TU_MAX_LIVE : 10000)
static atomic_int ms_woken;
static WaitGroup ms_wg;

static void ms_sleeper(void *arg)
{
    time_sleep((Duration)(intptr_t)arg * MICROSECOND);
    atomic_fetch_add(&ms_woken, 1);
    wg_done(&ms_wg);
}

static int m_many_sleepers(int argc, char **argv, char **envp)
{
    wg_add(&ms_wg, MS_N);
    for (int i = 0; i < MS_N; i++)
        gocc_go(ms_sleeper, (void *)(intptr_t)(1000 + (i * 37) % 2000), __FILE__, __LINE__);
    wg_wait(&ms_wg);
    GCHECK_EQ(atomic_load(&ms_woken), MS_N);
    return 0;
}

TU_TEST(time, many_concurrent_sleepers) { TU_RUN(m_many_sleepers); }

/* ---- time_after ------------------------------------------------------------- */

static int m_after_select(int argc, char **argv, char **envp)
{
    gocc_chan *never = mkchan(0);
    for (int i = 0; i < 5; i++) {
        Time start = time_now();
        gocc_chan *after = time_after(10 * MILLISECOND);
        GCHECK(after != NULL);
        long v;
        Time fired = { 0 };
        gocc_selcase cs[2] = {
            { .c = never, .elem = &v, .dir = GOCC_SELECT_RECV },
            { .c = after, .elem = &fired, .dir = GOCC_SELECT_RECV },
        };
        GCHECK_EQ(gocc_select(cs, 2, false), 1);
        GCHECK(cs[1].recv_ok);
        GCHECK(time_since(start) >= 10 * MILLISECOND);
        GCHECK(fired.ns >= start.ns + 10 * MILLISECOND);   /* the Time sent is the fire time */
    }
    /* plain receive */
    Time start = time_now(), fired = { 0 };
    gocc_chanrecv(time_after(MILLISECOND), &fired);
    GCHECK(fired.ns >= start.ns + MILLISECOND);
    gocc_chanrecv(time_after(0), NULL);
    gocc_chanrecv(time_after(-1), NULL);
    return 0;
}

TU_TEST(time, after_in_select) { TU_RUN(m_after_select); }

/* A ready case always beats a far-away timer; default beats a pending one. */
static int m_after_loses(int argc, char **argv, char **envp)
{
    gocc_chan *ready = mkchan(1);
    for (long i = 0; i < 200; i++) {
        gocc_chansend(ready, &i);
        long v = -1;
        Time t;
        gocc_selcase cs[2] = {
            { .c = time_after(HOUR), .elem = &t, .dir = GOCC_SELECT_RECV },
            { .c = ready, .elem = &v, .dir = GOCC_SELECT_RECV },
        };
        GCHECK_EQ(gocc_select(cs, 2, false), 1);
        GCHECK_EQ(v, i);
        gocc_selcase cs2[1] = { { .c = time_after(HOUR), .elem = &t, .dir = GOCC_SELECT_RECV } };
        GCHECK_EQ(gocc_select(cs2, 1, true), -1);
    }
    return 0;
}

TU_TEST(time, ready_case_beats_pending_timer) { TU_RUN(m_after_loses); }

/* ---- tickers ---------------------------------------------------------------- */

static int m_tick(int argc, char **argv, char **envp)
{
    Time start = time_now();
    gocc_chan *tick = time_tick(2 * MILLISECOND);
    GCHECK(tick != NULL);
    Time prev = start;
    for (int i = 0; i < 5; i++) {
        Time t = { 0 };
        GCHECK(gocc_chanrecv2(tick, &t));
        GCHECK(t.ns >= prev.ns);
        prev = t;
    }
    GCHECK(time_since(start) >= 5 * 2 * MILLISECOND);
    return 0;
}

TU_TEST(time, tick_channel) { TU_RUN(m_tick); }

static int m_ticker_stop(int argc, char **argv, char **envp)
{
    Ticker *t = time_new_ticker(MILLISECOND);
    GCHECK(t != NULL && t->C != NULL);
    Time prev = { 0 };
    for (int i = 0; i < 3; i++) {
        Time v;
        gocc_chanrecv(t->C, &v);
        GCHECK(v.ns > prev.ns);
        prev = v;
    }
    ticker_stop(t);
    /* at most one tick may have been sent before the stop */
    Time v;
    gocc_selcase cs[1] = { { .c = t->C, .elem = &v, .dir = GOCC_SELECT_RECV } };
    gocc_select(cs, 1, true);
    time_sleep(30 * MILLISECOND);              /* ~30 periods: none may arrive */
    GCHECK_EQ(gocc_select(cs, 1, true), -1);
    ticker_stop(t);                            /* stopping twice is harmless */
    return 0;
}

TU_TEST(time, ticker_stop_stops_ticks) { TU_RUN(m_ticker_stop); }

static int m_ticker_reset(int argc, char **argv, char **envp)
{
    Ticker *t = time_new_ticker(HOUR);
    Time v;
    gocc_selcase cs[1] = { { .c = t->C, .elem = &v, .dir = GOCC_SELECT_RECV } };
    GCHECK_EQ(gocc_select(cs, 1, true), -1);
    Time start = time_now();
    ticker_reset(t, MILLISECOND);              /* would hang without the reset */
    for (int i = 0; i < 3; i++)
        gocc_chanrecv(t->C, &v);
    GCHECK(time_since(start) >= 2 * MILLISECOND);
    ticker_reset(t, HOUR);
    gocc_select(cs, 1, true);                  /* drop a tick sent before the reset */
    time_sleep(20 * MILLISECOND);
    GCHECK_EQ(gocc_select(cs, 1, true), -1);
    ticker_stop(t);
    return 0;
}

TU_TEST(time, ticker_reset_changes_period) { TU_RUN(m_ticker_reset); }

/* ---- timers ----------------------------------------------------------------- */

static int m_timer_fires(int argc, char **argv, char **envp)
{
    Time start = time_now();
    Timer *t = time_new_timer(5 * MILLISECOND);
    GCHECK(t != NULL && t->C != NULL);
    Time fired = { 0 };
    gocc_chanrecv(t->C, &fired);
    GCHECK(fired.ns >= start.ns + 5 * MILLISECOND);
    GCHECK(time_since(start) >= 5 * MILLISECOND);
    GCHECK(!timer_stop(t));                    /* already fired */
    /* a timer fires once */
    Time v;
    gocc_selcase cs[1] = { { .c = t->C, .elem = &v, .dir = GOCC_SELECT_RECV } };
    time_sleep(10 * MILLISECOND);
    GCHECK_EQ(gocc_select(cs, 1, true), -1);
    return 0;
}

TU_TEST(time, timer_fires_once) { TU_RUN(m_timer_fires); }

static int m_timer_stop(int argc, char **argv, char **envp)
{
    Timer *t = time_new_timer(HOUR);
    GCHECK(timer_stop(t));                     /* stopped a pending timer */
    GCHECK(!timer_stop(t));                    /* already stopped */
    Time v;
    gocc_selcase cs[1] = { { .c = t->C, .elem = &v, .dir = GOCC_SELECT_RECV } };
    GCHECK_EQ(gocc_select(cs, 1, true), -1);

    /* a short timer stopped before it fires never sends */
    Timer *s = time_new_timer(30 * MILLISECOND);
    bool stopped = timer_stop(s);
    gocc_selcase cs2[1] = { { .c = s->C, .elem = &v, .dir = GOCC_SELECT_RECV } };
    time_sleep(60 * MILLISECOND);
    if (stopped)
        GCHECK_EQ(gocc_select(cs2, 1, true), -1);
    else                                       /* (it fired first: the tick is there) */
        GCHECK_EQ(gocc_select(cs2, 1, true), 0);
    return 0;
}

TU_TEST(time, timer_stop_return_values) { TU_RUN(m_timer_stop); }

static int m_timer_reset(int argc, char **argv, char **envp)
{
    /* reset of a pending timer */
    Timer *t = time_new_timer(HOUR);
    timer_reset(t, MILLISECOND);               /* would hang without the reset */
    Time v;
    gocc_chanrecv(t->C, &v);
    GCHECK(!timer_stop(t));

    /* reset after stop */
    Timer *u = time_new_timer(HOUR);
    GCHECK(timer_stop(u));
    Time start = time_now();
    timer_reset(u, 2 * MILLISECOND);
    gocc_chanrecv(u->C, &v);
    GCHECK(v.ns >= start.ns + 2 * MILLISECOND);

    /* reset after it fired and was drained: fires again */
    timer_reset(u, MILLISECOND);
    gocc_chanrecv(u->C, &v);

    /* reset to a long duration: pending again, stop reports it */
    timer_reset(u, HOUR);
    GCHECK(timer_stop(u));
    return 0;
}

TU_TEST(time, timer_reset) { TU_RUN(m_timer_reset); }

TU_MAIN(NULL)
