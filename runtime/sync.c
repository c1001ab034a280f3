/*
 * sync.c — WaitGroup, Mutex, RWMutex, Once, Cond.  Blocking parks the
 * goroutine (rt_park), never the thread; zero values are ready to use.
 *
 * Each object has a spinlock word (`lock`) protecting its wait queue; the
 * wait queue (rt_waitq) is stored in the public struct's opaque pointer
 * fields, its waiter records live on the parked goroutines' stacks.
 *
 * Mutex: state bit 0 = locked, state >> 1 = number of queued waiters.
 *   Lock is a CAS fast path, a short spin, then queue + park.  Unlock
 *   clears the bit (barging allowed: a running goroutine may take the lock
 *   before the woken one, as in Go's normal mode) and wakes one waiter,
 *   which retries.  A waiter is counted and queued under m->lock, and the
 *   count is only raised while the locked bit is set (CAS), so an unlock
 *   that sees no waiter can never miss one.
 * RWMutex: `readers` > 0 counts readers, -1 = writer; a waiting writer
 *   blocks new readers (writer preference); unlock of a writer admits all
 *   queued readers first.  Ownership is handed to the woken waiter.
 * WaitGroup: the counter is atomic; waiters are woken under wg->lock by
 *   whoever brings it to zero.
 * Cond: cond_wait queues itself under c->lock, unlocks the Mutex, parks with
 *   c->lock released after the switch, then relocks the Mutex.
 * Lock order: Cond.lock > Mutex.lock > sched locks; RWMutex.lock and
 * WaitGroup.lock are leaves apart from sched locks.
 */
#include "runtime.h"

/* Wait queues hang off the public structs' opaque pointer fields as small
 * GC objects, allocated on first contention (so zero values stay valid). */
static rt_waitq *queue_of(void **slot, atomic_int *lock)
{
    rt_waitq *q = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
    if (q)
        return q;
    rt_waitq *nq = rt_alloc(sizeof *nq);
    (void)lock;
    void *expected = NULL;
    if (__atomic_compare_exchange_n(slot, &expected, nq, false,
                                    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
        return nq;
    return expected;
}

/* ---- Mutex ----------------------------------------------------------- */

bool mutex_trylock(Mutex *m)
{
    int s = __atomic_load_n(&m->state, __ATOMIC_RELAXED);
    return !(s & 1) && __atomic_compare_exchange_n(&m->state, &s, s | 1, false,
                                                   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

void mutex_lock(Mutex *m)
{
    int s = 0;
    if (__atomic_compare_exchange_n(&m->state, &s, 1, false, __ATOMIC_ACQUIRE,
                                    __ATOMIC_RELAXED))
        return;
    rt_waitq *q = queue_of(&m->waiters, NULL);
    for (int spin = 0;; spin++) {
        s = __atomic_load_n(&m->state, __ATOMIC_RELAXED);
        if (!(s & 1)) {
            if (__atomic_compare_exchange_n(&m->state, &s, s | 1, false,
                                            __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
                return;
            continue;
        }
        if (spin < 30 && atomic_load_explicit(&rt_sched.gomaxprocs,
                                              memory_order_relaxed) > 1) {
            __builtin_ia32_pause();
            continue;
        }
        rt_lock((atomic_int *)&m->lock);
        s = __atomic_load_n(&m->state, __ATOMIC_RELAXED);
        if (!(s & 1) || !__atomic_compare_exchange_n(&m->state, &s, s + 2, false,
                                                     __ATOMIC_ACQ_REL,
                                                     __ATOMIC_RELAXED)) {
            rt_unlock((atomic_int *)&m->lock);
            continue;
        }
        rt_waiter me = { .g = getg(), .caseidx = -1 };
        rt_waitq_push(q, &me);
        rt_park(rt_unlock_fn, &m->lock, "sync.Mutex.Lock");
        spin = 0;
    }
}

void mutex_unlock(Mutex *m)
{
    int s = __atomic_sub_fetch(&m->state, 1, __ATOMIC_RELEASE);
    if (RT_UNLIKELY(s & 1) || RT_UNLIKELY(s < 0)) {
        __atomic_add_fetch(&m->state, 1, __ATOMIC_RELAXED);
        rt_throw("sync: unlock of unlocked mutex");
    }
    if (s == 0)
        return;
    rt_waitq *q = queue_of(&m->waiters, NULL);
    rt_lock((atomic_int *)&m->lock);
    rt_waiter *w = rt_waitq_pop(q);
    if (w)
        __atomic_sub_fetch(&m->state, 2, __ATOMIC_RELAXED);
    rt_unlock((atomic_int *)&m->lock);
    if (w)
        rt_ready(w->g, false);
}

/* ---- RWMutex --------------------------------------------------------- */

struct rwq { rt_waitq r, w; };

static struct rwq *rwq_of(RWMutex *rw)
{
    struct rwq *q = __atomic_load_n((struct rwq **)&rw->rwait, __ATOMIC_ACQUIRE);
    if (q)
        return q;
    struct rwq *nq = rt_alloc(sizeof *nq);
    void *expected = NULL;
    if (__atomic_compare_exchange_n(&rw->rwait, &expected, nq, false,
                                    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
        return nq;
    return expected;
}

void rwmutex_rlock(RWMutex *rw)
{
    struct rwq *q = rwq_of(rw);
    rt_lock((atomic_int *)&rw->lock);
    if (rw->readers >= 0 && rw->readers_wait == 0) {
        rw->readers++;
        rt_unlock((atomic_int *)&rw->lock);
        return;
    }
    rt_waiter me = { .g = getg(), .caseidx = -1 };
    rt_waitq_push(&q->r, &me);
    rt_park(rt_unlock_fn, &rw->lock, "sync.RWMutex.RLock");
}

void rwmutex_runlock(RWMutex *rw)
{
    struct rwq *q = rwq_of(rw);
    rt_waiter *w = NULL;
    rt_lock((atomic_int *)&rw->lock);
    if (rw->readers <= 0) {
        rt_unlock((atomic_int *)&rw->lock);
        rt_throw("sync: RUnlock of unlocked RWMutex");
    }
    if (--rw->readers == 0 && (w = rt_waitq_pop(&q->w)) != NULL) {
        rw->readers = -1;
        rw->readers_wait--;
    }
    rt_unlock((atomic_int *)&rw->lock);
    if (w)
        rt_ready(w->g, false);
}

void rwmutex_lock(RWMutex *rw)
{
    struct rwq *q = rwq_of(rw);
    rt_lock((atomic_int *)&rw->lock);
    if (rw->readers == 0) {
        rw->readers = -1;
        rt_unlock((atomic_int *)&rw->lock);
        return;
    }
    rw->readers_wait++;         /* waiting writers */
    rt_waiter me = { .g = getg(), .caseidx = -1 };
    rt_waitq_push(&q->w, &me);
    rt_park(rt_unlock_fn, &rw->lock, "sync.RWMutex.Lock");
}

void rwmutex_unlock(RWMutex *rw)
{
    struct rwq *q = rwq_of(rw);
    G *list = NULL;
    rt_lock((atomic_int *)&rw->lock);
    if (rw->readers != -1) {
        rt_unlock((atomic_int *)&rw->lock);
        rt_throw("sync: Unlock of unlocked RWMutex");
    }
    rw->readers = 0;
    rt_waiter *w;
    while ((w = rt_waitq_pop(&q->r)) != NULL) {
        rw->readers++;
        w->g->schedlink = list;
        list = w->g;
    }
    if (!list && (w = rt_waitq_pop(&q->w)) != NULL) {
        rw->readers = -1;
        rw->readers_wait--;
        w->g->schedlink = NULL;
        list = w->g;
    }
    rt_unlock((atomic_int *)&rw->lock);
    rt_ready_list(list);
}

/* ---- WaitGroup ------------------------------------------------------- */

void wg_add(WaitGroup *wg, int delta)
{
    gocc_int64_t v = __atomic_add_fetch(&wg->state, delta, __ATOMIC_ACQ_REL);
    if (v < 0)
        rt_panic_str("sync: negative WaitGroup counter");
    if (v != 0 || delta == 0)
        return;
    rt_waitq *q = __atomic_load_n((rt_waitq **)&wg->waiters, __ATOMIC_ACQUIRE);
    if (!q)
        return;
    G *list = NULL;
    rt_lock((atomic_int *)&wg->lock);
    if (__atomic_load_n(&wg->state, __ATOMIC_ACQUIRE) == 0) {
        rt_waiter *w;
        while ((w = rt_waitq_pop(q)) != NULL) {
            w->g->schedlink = list;
            list = w->g;
        }
    }
    rt_unlock((atomic_int *)&wg->lock);
    rt_ready_list(list);
}

void wg_done(WaitGroup *wg) { wg_add(wg, -1); }

void wg_wait(WaitGroup *wg)
{
    if (__atomic_load_n(&wg->state, __ATOMIC_ACQUIRE) == 0)
        return;
    rt_waitq *q = queue_of(&wg->waiters, NULL);
    rt_lock((atomic_int *)&wg->lock);
    if (__atomic_load_n(&wg->state, __ATOMIC_ACQUIRE) == 0) {
        rt_unlock((atomic_int *)&wg->lock);
        return;
    }
    rt_waiter me = { .g = getg(), .caseidx = -1 };
    rt_waitq_push(q, &me);
    rt_park(rt_unlock_fn, &wg->lock, "sync.WaitGroup.Wait");
}

/* ---- Once ------------------------------------------------------------ */

void once_do(Once *o, void (*fn)(void))
{
    if (__atomic_load_n(&o->done, __ATOMIC_ACQUIRE))
        return;
    mutex_lock(&o->m);
    if (!o->done) {
        fn();
        __atomic_store_n(&o->done, 1, __ATOMIC_RELEASE);
    }
    mutex_unlock(&o->m);
}

/* ---- Cond ------------------------------------------------------------ */

void cond_wait(Cond *c, Mutex *m)
{
    rt_waitq *q = queue_of(&c->waiters, NULL);
    rt_lock((atomic_int *)&c->lock);
    rt_waiter me = { .g = getg(), .caseidx = -1 };
    rt_waitq_push(q, &me);
    mutex_unlock(m);
    rt_park(rt_unlock_fn, &c->lock, "sync.Cond.Wait");
    mutex_lock(m);
}

void cond_signal(Cond *c)
{
    rt_waitq *q = __atomic_load_n((rt_waitq **)&c->waiters, __ATOMIC_ACQUIRE);
    if (!q)
        return;
    rt_lock((atomic_int *)&c->lock);
    rt_waiter *w = rt_waitq_pop(q);
    rt_unlock((atomic_int *)&c->lock);
    if (w)
        rt_ready(w->g, false);
}

void cond_broadcast(Cond *c)
{
    rt_waitq *q = __atomic_load_n((rt_waitq **)&c->waiters, __ATOMIC_ACQUIRE);
    if (!q)
        return;
    G *list = NULL;
    rt_lock((atomic_int *)&c->lock);
    rt_waiter *w;
    while ((w = rt_waitq_pop(q)) != NULL) {
        w->g->schedlink = list;
        list = w->g;
    }
    rt_unlock((atomic_int *)&c->lock);
    rt_ready_list(list);
}
