/*
 * time.c — per-P 4-ary timer heaps, sleep, time_after/time_tick, Ticker,
 * Timer.
 *
 * Invariants
 *   - A timer is in at most one heap; t->p names it (NULL: in none) and is
 *     changed only under that P's tlock.
 *   - Timers are added to the current P's heap; any M may run an expired
 *     timer of any P (idle Ms steal timers), with tlock held only to pop or
 *     re-arm it: the callback runs unlocked, on g0, and must not block.
 *   - p->timer0 mirrors the heap minimum (0 = empty) so that the scheduler
 *     reads the clock only when a timer exists.
 *   - Heap arrays are uncollectable GC memory: they keep timer records and
 *     through them the channels they feed alive.
 * Lock order: chan locks > P tlock > sched.lock; callbacks run with no
 * tlock held (they take chan locks and sched.lock).
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
    rt_timer t = { .fn = sleep_fire, .arg = g, .when = rt_nanotime() + d };
    rt_park(sleep_arm, &t, "sleep");
}

Time time_now(void) { return (Time){ rt_nanotime() }; }
Duration time_since(Time t) { return rt_nanotime() - t.ns; }

/* ---- channel timers -------------------------------------------------- */

static void send_time(void *arg, int64_t now)
{
    Time v = { now };
    rt_chantrysend(arg, &v);
}

static rt_timer *chantimer(gocc_chan **cp, Duration d, Duration period)
{
    gocc_chan *c = gocc_makechan(sizeof(Time), _Alignof(Time), 1);
    rt_timer *t = rt_alloc(sizeof *t);
    t->fn = send_time;
    t->arg = c;
    t->period = period;
    *cp = c;
    rt_timer_add(t, rt_nanotime() + (d > 0 ? d : 0));
    return t;
}

gocc_chan *time_after(Duration d)
{
    gocc_chan *c;
    chantimer(&c, d, 0);
    return c;
}

Ticker *time_new_ticker(Duration d)
{
    if (d <= 0)
        rt_panic_str("non-positive interval for NewTicker");
    Ticker *tk = gocc_alloc(sizeof *tk);
    tk->impl = chantimer(&tk->C, d, d);
    return tk;
}

gocc_chan *time_tick(Duration d)
{
    if (d <= 0)
        return NULL;
    return time_new_ticker(d)->C;
}

void ticker_stop(Ticker *t)
{
    if (t && t->impl)
        rt_timer_del(t->impl);
}

void ticker_reset(Ticker *t, Duration d)
{
    if (d <= 0)
        rt_panic_str("non-positive interval for Ticker.Reset");
    if (!t || !t->impl)
        rt_panic_str("time: Reset called on uninitialized Ticker");
    rt_timer *tm = t->impl;
    rt_timer_del(tm);
    tm->period = d;
    rt_timer_add(tm, rt_nanotime() + d);
}

Timer *time_new_timer(Duration d)
{
    Timer *tm = gocc_alloc(sizeof *tm);
    tm->impl = chantimer(&tm->C, d, 0);
    return tm;
}

bool timer_stop(Timer *t)
{
    if (!t || !t->impl)
        rt_panic_str("time: Stop called on uninitialized Timer");
    return rt_timer_del(t->impl);
}

void timer_reset(Timer *t, Duration d)
{
    if (!t || !t->impl)
        rt_panic_str("time: Reset called on uninitialized Timer");
    rt_timer *tm = t->impl;
    rt_timer_del(tm);
    rt_timer_add(tm, rt_nanotime() + (d > 0 ? d : 0));
}
