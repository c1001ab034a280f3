/*
 * time.c — per-P 4-ary timer heaps, sleep, time_after/time_tick, Ticker,
 * Timer (dialect.md §8; Go's time package before Go 1.23: C is a buffered
 * channel of capacity 1).
 *
 * Invariants
 *   - A timer is in at most one heap; t->p names it (NULL: in none) and is
 *     changed only under that P's tlock.
 *   - Timers are added to the current P's heap; any M may run an expired
 *     timer of any P (idle Ms steal timers), with tlock held only to pop or
 *     re-arm it: the callback runs unlocked, on g0, and must not block.
 *     The `now` it gets was read before the pop.
 *   - p->timer0 mirrors the heap minimum (0 = empty) so that the scheduler
 *     reads the clock only when a timer exists.
 *   - Heap arrays are uncollectable GC memory: they keep timer records and
 *     through them the channels they feed alive.
 *   - Channel timers (Ticker, Timer, time_after, time_tick) are a chantimer:
 *     every arm, stop and send of one happens under its own lock, so stop
 *     and reset either see a whole fire (its value is in C) or none of it;
 *     no value is sent after ticker_stop/timer_stop returns.  A fire that was
 *     popped before a stop or reset but reached the lock after it is stale:
 *     it finds `armed` cleared, or its `now` below the new arming's `due`
 *     (the re-arm reads the clock after taking the record out of the heap,
 *     hence after the stale pop), and sends nothing.
 *   - A send never blocks: when C is full the tick or expiry is dropped
 *     (a slow reader finds one stale value, never a backlog).  Values sent
 *     on one C strictly increase.
 *   - A chantimer's period and t.when change only while it is in no heap.
 * Lock order: chantimer lock > chan locks > P tlock > sched.lock; callbacks
 * run with no tlock held (they take chantimer, chan locks and sched.lock).
 */
#include <string.h>
#include "runtime.h"
#include "chan.h"

static void swap_at(P *p, int i, int j)
{
    rt_timer *a = p->theap[i], *b = p->theap[j];
    p->theap[i] = b;
    b->idx = i;
    p->theap[j] = a;
    a->idx = j;
}

static void siftup(P *p, int i)
{
    while (i > 0) {
        int parent = (i - 1) / 4;
        if (p->theap[parent]->when <= p->theap[i]->when)
            break;
        swap_at(p, i, parent);
        i = parent;
    }
}

static void siftdown(P *p, int i)
{
    for (;;) {
        int c = 4 * i + 1, best = i;
        for (int k = 0; k < 4 && c + k < p->tlen; k++)
            if (p->theap[c + k]->when < p->theap[best]->when)
                best = c + k;
        if (best == i)
            break;
        swap_at(p, i, best);
        i = best;
    }
}

static void update0(P *p)
{
    atomic_store(&p->timer0, p->tlen ? p->theap[0]->when : 0);
}

static void delat(P *p, int i)
{
    int last = --p->tlen;
    if (i != last) {
        swap_at(p, i, last);
        siftdown(p, i);
        siftup(p, i);
    }
    p->theap[last] = NULL;
}

void rt_timer_add(rt_timer *t, int64_t when)
{
    P *p = getm()->p;
    if (when <= 0)
        when = 1;
    int64_t first = rt_next_timer();
    rt_lock(&p->tlock);
    if (p->tlen == p->tcap) {
        int ncap = p->tcap ? 2 * p->tcap : 64;
        rt_timer **nh = rt_alloc_uncollectable(sizeof(rt_timer *) * (size_t)ncap);
        if (p->tlen)
            memcpy(nh, p->theap, sizeof(rt_timer *) * (size_t)p->tlen);
        rt_timer **old = p->theap;
        p->theap = nh;
        p->tcap = ncap;
        rt_free(old);
    }
    t->when = when;
    t->idx = p->tlen;
    p->theap[p->tlen++] = t;
    atomic_store(&t->p, p);
    siftup(p, t->idx);
    update0(p);
    rt_unlock(&p->tlock);
    /* Idle Ms sleep until the earliest timer they saw.  A new earliest one
     * would wait for this P's M, which may be busy running a goroutine
     * for long: wake an idle M, so that it sleeps until the new one. */
    if (!first || when < first)
        rt_wakep();
}

bool rt_timer_del(rt_timer *t)
{
    for (;;) {
        P *p = atomic_load(&t->p);
        if (!p)
            return false;
        rt_lock(&p->tlock);
        if (atomic_load(&t->p) != p) {
            rt_unlock(&p->tlock);
            continue;
        }
        delat(p, t->idx);
        atomic_store(&t->p, NULL);
        update0(p);
        rt_unlock(&p->tlock);
        return true;
    }
}

/* Run p's expired timers; returns how many fired. */
int rt_run_timers(P *p, int64_t now)
{
    int n = 0;
    if (!rt_trylock(&p->tlock))
        return 0;
    while (p->tlen && p->theap[0]->when <= now) {
        rt_timer *t = p->theap[0];
        if (t->period > 0) {
            t->when += t->period * (1 + (now - t->when) / t->period);
            siftdown(p, 0);
        } else {
            delat(p, 0);
            atomic_store(&t->p, NULL);
        }
        update0(p);
        rt_unlock(&p->tlock);
        t->fn(t->arg, now);
        n++;
        rt_lock(&p->tlock);
    }
    update0(p);
    rt_unlock(&p->tlock);
    return n;
}

int64_t rt_next_timer(void)
{
    int64_t best = 0;
    for (int i = 0; i < rt_sched.nm; i++) {
        int64_t w = atomic_load_explicit(&rt_allp[i].timer0, memory_order_relaxed);
        if (w && (!best || w < best))
            best = w;
    }
    return best;
}

bool rt_timers_pending(void) { return rt_next_timer() != 0; }

/* now + d, saturated: a huge d means "never", not a wrapped past. */
static int64_t when_after(int64_t now, Duration d)
{
    int64_t w;
    return __builtin_add_overflow(now, d, &w) ? INT64_MAX : w;
}

/* ---- sleep ----------------------------------------------------------- */

static void sleep_fire(void *arg, int64_t now)
{
    (void)now;
    rt_ready_fifo(arg);         /* sleepers expiring together wake in order */
}

static void sleep_arm(void *arg)
{
    rt_timer *t = arg;
    rt_timer_add(t, t->when);
}

void time_sleep(Duration d)
{
    if (d <= 0) {
        gosched();
        return;
    }
    G *g = getg();
    if (!g || g == &getm()->g0)
        rt_throw("time_sleep outside a goroutine");
    /* the timer lives on the sleeping G's stack: stacks never move, and it
     * is out of the heap before the G runs again */
    rt_timer t = { .fn = sleep_fire, .arg = g, .when = when_after(rt_nanotime(), d) };
    rt_park(sleep_arm, &t, "sleep");
}

Time time_now(void) { return (Time){ rt_nanotime() }; }
Duration time_since(Time t) { return rt_nanotime() - t.ns; }

/* ---- channel timers -------------------------------------------------- */

typedef struct chantimer {
    rt_timer t;                 /* first: the heap record; t.arg is this */
    atomic_int lock;            /* arm, stop, fire */
    bool armed;                 /* (lock) the current arming may still send */
    int64_t due;                /* (lock) the current arming's first expiry */
    int64_t last;               /* (lock) the last time sent */
    gocc_chan *c;               /* Time, capacity 1 */
} chantimer;

/* lock held: offer now to C; dropped when C is full (the reader is slow). */
static void ct_send(chantimer *ct, int64_t now)
{
    Time v = { now };
    ct->last = now;
    rt_chantrysend(ct->c, &v);
}

/* The heap callback, on some M's g0. */
static void ct_fire(void *arg, int64_t now)
{
    chantimer *ct = arg;
    rt_lock(&ct->lock);
    /* now > last: two Ms may run successive ticks of one ticker at once */
    if (ct->armed && now >= ct->due && now > ct->last) {
        if (ct->t.period == 0)
            ct->armed = false;
        ct_send(ct, now);
    }
    rt_unlock(&ct->lock);
}

/* lock held: takes the timer out of its heap; true if it was still to
 * fire. */
static bool ct_disarm(chantimer *ct)
{
    rt_timer_del(&ct->t);
    bool was = ct->armed;
    ct->armed = false;
    return was;
}

/* lock held: (re)starts the timer to expire d from now, then every period
 * (0: once).  A one-shot d <= 0 fires here and now, as Go 1.23 does on the
 * first receive: the value is in C when this returns. */
static void ct_arm(chantimer *ct, Duration d, Duration period)
{
    ct_disarm(ct);
    ct->t.period = period;
    int64_t now = rt_nanotime();      /* after the removal: see the top comment */
    if (d <= 0) {
        ct_send(ct, now > ct->last ? now : ct->last + 1);
        return;
    }
    ct->armed = true;
    ct->due = when_after(now, d);
    rt_timer_add(&ct->t, ct->due);
}

static chantimer *ct_new(Duration d, Duration period)
{
    chantimer *ct = rt_alloc(sizeof *ct);
    ct->c = gocc_makechan(sizeof(Time), _Alignof(Time), 1);
    ct->t.fn = ct_fire;
    ct->t.arg = ct;
    rt_lock(&ct->lock);
    ct_arm(ct, d, period);
    rt_unlock(&ct->lock);
    return ct;
}

gocc_chan *time_after(Duration d) { return ct_new(d, 0)->c; }

Ticker *time_new_ticker(Duration d)
{
    if (d <= 0)
        rt_panic_str("non-positive interval for NewTicker");
    Ticker *tk = gocc_alloc(sizeof *tk);
    chantimer *ct = ct_new(d, d);
    tk->C = ct->c;
    tk->impl = ct;
    return tk;
}

gocc_chan *time_tick(Duration d)
{
    if (d <= 0)
        return NULL;            /* Go's time.Tick: nil, which never proceeds */
    return time_new_ticker(d)->C;
}

void ticker_stop(Ticker *t)
{
    if (!t || !t->impl)
        return;                 /* Go: Stop on an uninitialized Ticker is a no-op */
    chantimer *ct = t->impl;
    rt_lock(&ct->lock);
    ct_disarm(ct);
    rt_unlock(&ct->lock);
}

/* Go's Ticker.Reset: a new period, the next tick d from now; restarts a
 * stopped ticker. */
void ticker_reset(Ticker *t, Duration d)
{
    if (d <= 0)
        rt_panic_str("non-positive interval for Ticker.Reset");
    if (!t || !t->impl)
        rt_panic_str("time: Reset called on uninitialized Ticker");
    chantimer *ct = t->impl;
    rt_lock(&ct->lock);
    ct_arm(ct, d, d);
    rt_unlock(&ct->lock);
}

Timer *time_new_timer(Duration d)
{
    Timer *tm = gocc_alloc(sizeof *tm);
    chantimer *ct = ct_new(d, 0);
    tm->C = ct->c;
    tm->impl = ct;
    return tm;
}

/* True iff this call kept the timer from firing: false once its value was
 * sent (or dropped), or when it was already stopped. */
bool timer_stop(Timer *t)
{
    if (!t || !t->impl)
        rt_panic_str("time: Stop called on uninitialized Timer");
    chantimer *ct = t->impl;
    rt_lock(&ct->lock);
    bool was = ct_disarm(ct);
    rt_unlock(&ct->lock);
    return was;
}

/* Re-arms pending, fired and stopped timers alike.  As in Go before 1.23,
 * a value already in C stays there (drain it first to avoid reading it as
 * the new expiry). */
void timer_reset(Timer *t, Duration d)
{
    if (!t || !t->impl)
        rt_panic_str("time: Reset called on uninitialized Timer");
    chantimer *ct = t->impl;
    rt_lock(&ct->lock);
    ct_arm(ct, d, 0);
    rt_unlock(&ct->lock);
}
