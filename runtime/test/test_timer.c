/*
 * test_timer.c — Ticker and Timer against Go's semantics (dialect.md §8,
 * Go's time package before Go 1.23): C is a buffered channel of capacity 1
 * and a tick that finds it full is dropped; ticks carry increasing times;
 * no value is sent after ticker_stop/timer_stop returns, even when the stop
 * races with an expiry on another M; timer_stop returns true iff it kept the
 * timer from firing (so Go's `if (!stop) <-C` never blocks); resets re-arm
 * pending, fired and stopped timers; a one-shot d <= 0 fires at once; a
 * ticker d <= 0 panics.
 *
 * Deterministic: lower bounds on times only, counts read after a stop (which
 * freezes the channel), and "nothing arrives later" checked after giving the
 * other goroutines and Ms plenty of chances (it holds whatever the schedule).
 */
#include "test_util.h"
#include <errno.h>

/* Non-blocking receive of a Time. */
static bool try_recv(gocc_chan *c, Time *v)
{
    gocc_selcase cs[1] = { { .c = c, .elem = v, .dir = GOCC_SELECT_RECV } };
    return gocc_select(cs, 1, true) == 0;
}

static void yield_n(int n)
{
    for (int i = 0; i < n; i++)
        gosched();
}

/* ---- tickers ---------------------------------------------------------------- */

#define TO_TICKS 20
static int m_ticks_in_order(int argc, char **argv, char **envp)
{
    Duration d = 500 * MICROSECOND;
    Time start = time_now();
    Ticker *tk = time_new_ticker(d);
    GCHECK(tk != NULL && tk->C != NULL);
    GCHECK_EQ(gocc_chancap(tk->C), 1);
    Time prev = { 0 };
    for (int i = 0; i < TO_TICKS; i++) {
        Time v = { 0 };
        GCHECK(gocc_chanrecv2(tk->C, &v));
        GCHECK(v.ns > prev.ns);                 /* strictly increasing */
        GCHECK(v.ns <= time_now().ns);          /* a tick is not from the future */
        if (i == 0)
            GCHECK(v.ns >= start.ns + d);       /* the first tick comes a period in */
        prev = v;
    }
    GCHECK(time_since(start) >= d);
    ticker_stop(tk);
    return 0;
}

TU_TEST(timer, ticker_delivers_ticks_in_order) { TU_RUN(m_ticks_in_order); }

/* A reader that sleeps 5 periods with a tick waiting finds that one tick
 * afterwards, not a backlog and not a newer one: the ticks meanwhile were
 * dropped.  The stop freezes C, so the count is exact. */
static int m_slow_reader(int argc, char **argv, char **envp)
{
    Duration d = MILLISECOND;
    Ticker *tk = time_new_ticker(d);
    Time first, v;
    gocc_chanrecv(tk->C, &first);
    time_sleep(d);
    TU_WAIT(gocc_chanlen(tk->C) == 1);          /* (a busy machine may delay it) */
    Time waiting = time_now();                  /* that tick is older than this */
    time_sleep(5 * d);
    ticker_stop(tk);
    GCHECK_EQ(gocc_chancap(tk->C), 1);
    GCHECK_EQ(gocc_chanlen(tk->C), 1);
    GCHECK(try_recv(tk->C, &v));
    GCHECK(v.ns > first.ns);
    GCHECK(v.ns <= waiting.ns);                 /* the newer ticks were dropped */
    GCHECK(!try_recv(tk->C, &v));
    return 0;
}

TU_TEST(timer, slow_reader_gets_dropped_ticks_not_a_backlog) { TU_RUN(m_slow_reader); }

/* The same for a timer: a second expiry into a full C is dropped, and the
 * reader gets the first (older) value. */
static int m_timer_drop(int argc, char **argv, char **envp)
{
    Timer *t = time_new_timer(0);
    Time mid = time_now();
    timer_reset(t, 0);
    GCHECK_EQ(gocc_chanlen(t->C), 1);
    Time v;
    GCHECK(try_recv(t->C, &v));
    GCHECK(v.ns <= mid.ns);
    GCHECK(!try_recv(t->C, &v));
    return 0;
}

TU_TEST(timer, timer_expiry_into_a_full_channel_is_dropped) { TU_RUN(m_timer_drop); }

static int m_ticker_stop(int argc, char **argv, char **envp)
{
    Ticker *tk = time_new_ticker(200 * MICROSECOND);
    Time v;
    for (int i = 0; i < 3; i++)
        gocc_chanrecv(tk->C, &v);
    ticker_stop(tk);
    try_recv(tk->C, &v);                        /* a tick sent before the stop */
    tu_let_others_run();                        /* ~100 periods */
    GCHECK_EQ(gocc_chanlen(tk->C), 0);
    ticker_stop(tk);                            /* twice: harmless */
    ticker_stop(NULL);                          /* Go: a no-op on a nil ticker */
    Ticker zero = { 0 };
    ticker_stop(&zero);
    return 0;
}

TU_TEST(timer, stopped_ticker_never_fires_again) { TU_RUN(m_ticker_stop); }

/* Reset gives the new period, counted from the reset, and restarts a
 * stopped ticker. */
static int m_ticker_reset(int argc, char **argv, char **envp)
{
    Ticker *tk = time_new_ticker(HOUR);
    Time v;
    GCHECK(!try_recv(tk->C, &v));
    Time r = time_now();
    ticker_reset(tk, MILLISECOND);              /* would hang without it */
    gocc_chanrecv(tk->C, &v);
    GCHECK(v.ns >= r.ns + MILLISECOND);
    Time prev = v;
    gocc_chanrecv(tk->C, &v);
    GCHECK(v.ns > prev.ns);

    ticker_stop(tk);
    try_recv(tk->C, &v);
    r = time_now();
    ticker_reset(tk, 2 * MILLISECOND);          /* restarts the stopped ticker */
    for (int i = 0; i < 3; i++) {
        gocc_chanrecv(tk->C, &v);
        if (i == 0)
            GCHECK(v.ns >= r.ns + 2 * MILLISECOND);
    }
    ticker_reset(tk, HOUR);
    try_recv(tk->C, &v);
    tu_let_others_run();
    GCHECK_EQ(gocc_chanlen(tk->C), 0);          /* the long period holds */
    ticker_stop(tk);
    return 0;
}

TU_TEST(timer, ticker_reset_changes_period_and_restarts) { TU_RUN(m_ticker_reset); }

static int m_tick_nonpositive(int argc, char **argv, char **envp)
{
    GCHECK(time_tick(0) == NULL);               /* Go: time.Tick returns nil */
    GCHECK(time_tick(-SECOND) == NULL);
    return 0;
}

TU_TEST(timer, tick_with_nonpositive_period_is_nil) { TU_RUN(m_tick_nonpositive); }

/* ---- timers ----------------------------------------------------------------- */

static int m_timer_stop_values(int argc, char **argv, char **envp)
{
    Time v;
    Timer *t = time_new_timer(HOUR);
    GCHECK(timer_stop(t));                      /* stopped it before it fired */
    GCHECK(!timer_stop(t));                     /* already stopped */
    GCHECK(!try_recv(t->C, &v));

    Timer *f = time_new_timer(MILLISECOND);
    gocc_chanrecv(f->C, &v);
    GCHECK(!timer_stop(f));                     /* fired and drained */

    Timer *g = time_new_timer(MILLISECOND);
    GCHECK(TU_WAIT(gocc_chanlen(g->C) == 1));
    GCHECK(!timer_stop(g));                     /* fired, value still in C */
    GCHECK_EQ(gocc_chanlen(g->C), 1);

    timer_reset(t, HOUR);
    GCHECK(timer_stop(t));                      /* reset made it pending again */
    return 0;
}

TU_TEST(timer, timer_stop_return_values) { TU_RUN(m_timer_stop_values); }

/* One-shot d <= 0: the value is in C when the call returns. */
static int m_timer_now(int argc, char **argv, char **envp)
{
    Time v, before = time_now();
    Timer *t = time_new_timer(0);
    GCHECK_EQ(gocc_chanlen(t->C), 1);
    GCHECK(!timer_stop(t));
    GCHECK(try_recv(t->C, &v));
    GCHECK(v.ns >= before.ns);

    Timer *n = time_new_timer(-SECOND);
    GCHECK_EQ(gocc_chanlen(n->C), 1);
    GCHECK_EQ(gocc_chanlen(time_after(0)), 1);
    GCHECK_EQ(gocc_chanlen(time_after(-1)), 1);

    timer_reset(t, -MILLISECOND);               /* re-arm to "now" after drain */
    GCHECK_EQ(gocc_chanlen(t->C), 1);
    Time w;
    GCHECK(try_recv(t->C, &w));
    GCHECK(w.ns > v.ns);
    return 0;
}

TU_TEST(timer, nonpositive_timer_fires_immediately) { TU_RUN(m_timer_now); }

static int m_timer_reset_again(int argc, char **argv, char **envp)
{
    Time r = time_now();                        /* before the arming it bounds */
    Timer *t = time_new_timer(200 * MICROSECOND);
    Time v, prev = { 0 };
    for (int i = 0; i < 5; i++) {
        if (i) {
            r = time_now();
            timer_reset(t, 200 * MICROSECOND);  /* after it fired: again */
        }
        gocc_chanrecv(t->C, &v);
        GCHECK(v.ns > prev.ns);
        GCHECK(v.ns >= r.ns + 200 * MICROSECOND);
        GCHECK(!timer_stop(t));
        prev = v;
    }
    GCHECK(!timer_stop(t));
    timer_reset(t, MILLISECOND);                /* after a stop: again */
    gocc_chanrecv(t->C, &v);
    GCHECK(v.ns > prev.ns);
    tu_let_others_run();
    GCHECK_EQ(gocc_chanlen(t->C), 0);           /* once per arming */
    return 0;
}

TU_TEST(timer, timer_reset_after_fire_delivers_again) { TU_RUN(m_timer_reset_again); }

/* A huge duration means "never", not an overflowed deadline in the past. */
static int m_huge(int argc, char **argv, char **envp)
{
    const Duration huge = (Duration)0x7fffffffffffffffLL;
    Time v;
    gocc_chan *a = time_after(huge);
    Timer *t = time_new_timer(huge);
    Ticker *tk = time_new_ticker(huge);
    Context *ctx = context_with_timeout(context_background(), huge);
    tu_let_others_run();
    GCHECK(!try_recv(a, &v));
    GCHECK(!try_recv(t->C, &v));
    GCHECK(!try_recv(tk->C, &v));
    GCHECK_EQ(context_err(ctx), 0);
    GCHECK(timer_stop(t));
    ticker_stop(tk);
    context_cancel(ctx);
    return 0;
}

TU_TEST(timer, huge_durations_never_expire) { TU_RUN(m_huge); }

/* ---- races: stop and reset while expiries run on other Ms -------------------- */

/* The owner of a timer busy-waits (no scheduling point, so its own M never
 * runs timers) while another M, idle, wakes for the expiry and runs it:
 * stops and resets land before, during and after the callback.  One owner
 * at a time, so that at GOMAXPROCS=2 the other M is free to do that. */
#define RACE_ITERS 2000
static atomic_long race_stopped, race_fired;
static WaitGroup race_wg;

static void spin_for(Duration d)
{
    Time s = time_now();
    while (time_since(s) < d)
        ;
}

/* Go's idiom on an owned timer: stop true -> C stays empty for good;
 * stop false -> its value is already in C. */
static void race_timer(void *arg)
{
    uint32_t seed = (uint32_t)(uintptr_t)arg;
    Timer *t = time_new_timer(HOUR);
    GCHECK(timer_stop(t));
    Time v;
    for (int i = 0; i < RACE_ITERS; i++) {
        Duration d = (Duration)(tu_rand(&seed) % 60) * MICROSECOND;
        timer_reset(t, d);                      /* d == 0 fires at once */
        spin_for((Duration)(tu_rand(&seed) % 150) * MICROSECOND);
        if (timer_stop(t)) {
            atomic_fetch_add(&race_stopped, 1);
            GCHECK_EQ(gocc_chanlen(t->C), 0);
        } else {
            atomic_fetch_add(&race_fired, 1);
            GCHECK_EQ(gocc_chanlen(t->C), 1);
            GCHECK(try_recv(t->C, &v));
        }
        spin_for((Duration)(tu_rand(&seed) % 20) * MICROSECOND);
        GCHECK_EQ(gocc_chanlen(t->C), 0);       /* a stale send would land here */
    }
    wg_done(&race_wg);
}

/* An owned ticker: after stop returns and C is drained, nothing appears;
 * every tick received is later than the one before, across resets. */
static void race_ticker(void *arg)
{
    uint32_t seed = (uint32_t)(uintptr_t)arg;
    Ticker *tk = time_new_ticker(HOUR);
    Time v, prev = { 0 };
    for (int i = 0; i < RACE_ITERS; i++) {
        ticker_reset(tk, (Duration)(1 + tu_rand(&seed) % 40) * MICROSECOND);
        int polls = (int)(tu_rand(&seed) % 8);
        for (int k = 0; k < polls; k++) {
            spin_for((Duration)(tu_rand(&seed) % 30) * MICROSECOND);
            if (try_recv(tk->C, &v)) {
                GCHECK(v.ns > prev.ns);
                prev = v;
            }
        }
        ticker_stop(tk);                        /* from here on, no tick may be sent */
        if (try_recv(tk->C, &v)) {              /* sent before the stop returned */
            GCHECK(v.ns > prev.ns);
            prev = v;
        }
        spin_for((Duration)(tu_rand(&seed) % 20) * MICROSECOND);
        GCHECK_EQ(gocc_chanlen(tk->C), 0);      /* a stale send would land here */
    }
    wg_done(&race_wg);
}

static int m_race_timer(int argc, char **argv, char **envp)
{
    wg_add(&race_wg, 1);
    gocc_go(race_timer, (void *)(uintptr_t)12345, __FILE__, __LINE__);
    wg_wait(&race_wg);
    GCHECK_EQ(atomic_load(&race_stopped) + atomic_load(&race_fired), RACE_ITERS);
    return 0;
}

TU_TEST(timer, timer_stop_races_with_expiry) { TU_RUN(m_race_timer); }

static int m_race_ticker(int argc, char **argv, char **envp)
{
    wg_add(&race_wg, 1);
    gocc_go(race_ticker, (void *)(uintptr_t)54321, __FILE__, __LINE__);
    wg_wait(&race_wg);
    return 0;
}

TU_TEST(timer, ticker_stop_races_with_expiry) { TU_RUN(m_race_ticker); }

/* A timer expires on time even when its P's M is busy with a goroutine
 * that never reaches a scheduling point: an idle M runs it (it needs a
 * second M, so only at GOMAXPROCS >= 2).  The 30 s bound is a hang guard. */
static int m_busy_owner(int argc, char **argv, char **envp)
{
    if (gomaxprocs(0) < 2)
        return 0;
    time_sleep(MILLISECOND);
    spin_for(5 * MILLISECOND);                  /* the other M parks: no timer left */
    Timer *t = time_new_timer(MILLISECOND);
    Time start = time_now();
    while (gocc_chanlen(t->C) == 0 && time_since(start) < 30 * SECOND)
        ;
    GCHECK_EQ(gocc_chanlen(t->C), 1);
    return 0;
}

TU_TEST(timer, timer_fires_while_its_p_is_busy) { TU_RUN(m_busy_owner); }

/* Shared timers and tickers: many goroutines stop and reset the same ones
 * at random while they fire and a reader drains them.  No crash, no lost
 * wake-up; once every one is stopped and drained, C stays empty; a final
 * reset still delivers. */
#define SH_N 4
#define SH_G 8
#define SH_ITERS 2000
static Timer *sh_timer[SH_N];
static Ticker *sh_ticker[SH_N];
static atomic_int sh_quit;
static WaitGroup sh_wg, sh_reader_wg;

static void sh_worker(void *arg)
{
    uint32_t seed = (uint32_t)(uintptr_t)arg * 69069u + 3;
    for (int i = 0; i < SH_ITERS; i++) {
        uint32_t r = tu_rand(&seed);
        int k = (int)(r % SH_N);
        Duration d = (Duration)((r >> 4) % 50) * MICROSECOND;
        switch ((r >> 12) % 4) {
        case 0: timer_reset(sh_timer[k], d); break;
        case 1: timer_stop(sh_timer[k]); break;
        case 2: ticker_reset(sh_ticker[k], d + MICROSECOND); break;
        case 3: ticker_stop(sh_ticker[k]); break;
        }
        if (r & 0x100000)
            gosched();
    }
    wg_done(&sh_wg);
}

static void sh_reader(void *arg)
{
    (void)arg;
    Time v;
    while (!atomic_load(&sh_quit)) {
        for (int k = 0; k < SH_N; k++) {
            try_recv(sh_timer[k]->C, &v);
            try_recv(sh_ticker[k]->C, &v);
        }
        gosched();
    }
    wg_done(&sh_reader_wg);
}

static int m_race_shared(int argc, char **argv, char **envp)
{
    for (int k = 0; k < SH_N; k++) {
        sh_timer[k] = time_new_timer(10 * MICROSECOND);
        sh_ticker[k] = time_new_ticker(10 * MICROSECOND);
    }
    wg_add(&sh_wg, SH_G);
    wg_add(&sh_reader_wg, 1);
    gocc_go(sh_reader, NULL, __FILE__, __LINE__);
    for (int i = 0; i < SH_G; i++)
        gocc_go(sh_worker, (void *)(uintptr_t)(i + 1), __FILE__, __LINE__);
    wg_wait(&sh_wg);
    atomic_store(&sh_quit, 1);
    wg_wait(&sh_reader_wg);

    Time v;
    for (int k = 0; k < SH_N; k++) {
        timer_stop(sh_timer[k]);
        ticker_stop(sh_ticker[k]);
        try_recv(sh_timer[k]->C, &v);
        try_recv(sh_ticker[k]->C, &v);
    }
    tu_let_others_run();
    for (int k = 0; k < SH_N; k++) {
        GCHECK_EQ(gocc_chanlen(sh_timer[k]->C), 0);
        GCHECK_EQ(gocc_chanlen(sh_ticker[k]->C), 0);
        timer_reset(sh_timer[k], 100 * MICROSECOND);
        ticker_reset(sh_ticker[k], 100 * MICROSECOND);
        gocc_chanrecv(sh_timer[k]->C, &v);
        gocc_chanrecv(sh_ticker[k]->C, &v);
        ticker_stop(sh_ticker[k]);
    }
    return 0;
}

TU_TEST(timer, stop_and_reset_race_with_expiry_shared) { TU_RUN(m_race_shared); }

/* ---- context deadlines: expiries from timer callbacks ----------------------- */

/* Go's contract: context_err is non-zero iff done is closed.  Observers on
 * both Ms poll one side and check the other while the deadline's callback
 * (or a cancel from another goroutine) runs on some M. */
#define CE_ROUNDS 300
static Context *ce_ctx;
static atomic_int ce_round;
static WaitGroup ce_wg;

static bool closed_now(gocc_chan *done)
{
    gocc_selcase sc = { .c = done, .dir = GOCC_SELECT_RECV };
    return gocc_select(&sc, 1, true) == 0;
}

static void ce_observer(void *arg)
{
    bool by_err = (uintptr_t)arg & 1;
    for (int r = 1; r <= CE_ROUNDS; r++) {
        for (long i = 0; atomic_load(&ce_round) < r; i++)
            if (i % 64 == 63)
                gosched();
        Context *ctx = ce_ctx;
        gocc_chan *done = context_done(ctx);
        for (long i = 0;; i++) {
            if (by_err) {
                int e = context_err(ctx);
                if (e) {
                    GCHECK(closed_now(done));
                    GCHECK(e == ETIMEDOUT || e == ECANCELED);
                    break;
                }
            } else if (closed_now(done)) {
                GCHECK(context_err(ctx) != 0);
                break;
            }
            if (i % 64 == 63)
                gosched();
        }
        wg_done(&ce_wg);
    }
}

static int m_ctx_err_done(int argc, char **argv, char **envp)
{
    uint32_t seed = 99;
    for (uintptr_t k = 0; k < 4; k++)
        gocc_go(ce_observer, (void *)k, __FILE__, __LINE__);
    for (int r = 1; r <= CE_ROUNDS; r++) {
        Duration d = (Duration)(tu_rand(&seed) % 100) * MICROSECOND;
        bool cancel = r % 3 == 0;
        ce_ctx = cancel ? context_with_cancel(context_background())
                        : context_with_timeout(context_background(), d);
        wg_add(&ce_wg, 4);
        atomic_store(&ce_round, r);
        if (cancel) {
            yield_n((int)(tu_rand(&seed) % 16));
            context_cancel(ce_ctx);
        }
        wg_wait(&ce_wg);
        GCHECK_EQ(context_err(ce_ctx), cancel ? ECANCELED : ETIMEDOUT);
    }
    return 0;
}

TU_TEST(timer, context_err_set_iff_done_closed) { TU_RUN(m_ctx_err_done); }

/* ---- panics (child processes) ------------------------------------------------ */

static int s_ticker_zero(int argc, char **argv, char **envp)
{
    time_new_ticker(0);
    return 0;
}

static int s_ticker_negative(int argc, char **argv, char **envp)
{
    time_new_ticker(-MILLISECOND);
    return 0;
}

static int s_ticker_reset_zero(int argc, char **argv, char **envp)
{
    Ticker *tk = time_new_ticker(HOUR);
    ticker_reset(tk, 0);
    return 0;
}

static int s_timer_stop_uninit(int argc, char **argv, char **envp)
{
    Timer t = { 0 };
    timer_stop(&t);
    return 0;
}

static const struct tu_scenario scenarios[] = {
    { "ticker_zero", s_ticker_zero },
    { "ticker_negative", s_ticker_negative },
    { "ticker_reset_zero", s_ticker_reset_zero },
    { "timer_stop_uninit", s_timer_stop_uninit },
    { NULL, NULL },
};

TU_TEST(timer, nonpositive_ticker_panics)
{
    static struct tu_child r;       /* 128 KiB: not on the stack */
    tu_run_child("ticker_zero", &r);
    TU_ASSERT_CHILD(&r, 2, "panic: non-positive interval for NewTicker");
    tu_run_child("ticker_negative", &r);
    TU_ASSERT_CHILD(&r, 2, "panic: non-positive interval for NewTicker");
    tu_run_child("ticker_reset_zero", &r);
    TU_ASSERT_CHILD(&r, 2, "panic: non-positive interval for Ticker.Reset");
}

TU_TEST(timer, uninitialized_timer_panics)
{
    static struct tu_child r;       /* 128 KiB: not on the stack */
    tu_run_child("timer_stop_uninit", &r);
    TU_ASSERT_CHILD(&r, 2, "panic: time: Stop called on uninitialized Timer");
}

TU_MAIN(scenarios)
