/*
 * proc.c — the G-M-P scheduler.
 *
 * Each P has a bounded lock-free ring (Go's runqput/runqget/runqgrab: only
 * the owner pushes, anyone may CAS the head) plus a runnext slot; the global
 * queue is a list under sched.lock.  A G that blocks switches directly to
 * the next G of its P (one rt_swap); only when the P has nothing local, or
 * timers are due, or the global queue needs its periodic look, does it
 * switch to the M's g0, whose loop (findrunnable) runs timers, steals half
 * of a victim's ring and finally parks the M on a futex.
 *
 * Invariants
 *   - Everything that makes a switched-out G visible to other Ms (run queue
 *     insertion, wait-queue lock release, timer insertion, free list) runs
 *     as m->afterfn, after the switch, on the next context's stack.
 *   - An M on the idle list (sched.midle, m->onidle) is either parked on
 *     m->parkword or about to be; whoever removes it from the list owns the
 *     wake-up: wakep pops it and marks it spinning (nspinning counted by
 *     the waker), a timeout removes itself.
 *   - Spinning Ms re-check every run queue after leaving the spinning state
 *     (Go's protocol), so work queued while they give up is never lost.
 *   - Deadlock: checked under sched.lock when an M goes idle: every M idle
 *     or retired, no queued G, no timer, main not returned.
 *   - Hand-offs through runnext (channel wake-ups) do not wake an idle M
 *     unless the ring is non-empty: a futex wake costs ~17 us here and the
 *     readied G usually runs on this P as soon as the current one blocks.
 *     New goroutines always wake one (they are parallel work).
 *   - A G with lockedm set (a callback from C runs on it, over C frames on
 *     that M's system stack) runs only on that M, and that M runs nothing
 *     else meanwhile: when the G blocks the M gives its P away and sleeps
 *     (stoplockedm); whoever dequeues the G hands the M a P (startlockedm).
 *   - Hooks for later: rt_entersyscall/rt_exitsyscall (sysmon hand-off),
 *     netpoll in findrunnable, preemption polls reading m->preempt.
 *
 * Lock order: sched.lock > sched.gflock; P timer locks are taken before
 * sched.lock (rt_run_timers may call rt_ready -> wakep -> sched.lock).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#define GC_THREADS
#include <gc/gc.h>
#include "runtime.h"

struct rt_sched rt_sched;
M rt_allm[RT_MAXM];
P rt_allp[RT_MAXPROCS];
G *_Atomic rt_allg;
__thread M *rt_tls_m __attribute__((tls_model("local-exec")));
/* Set by sysmon when this thread's goroutine has run 10 ms without a
 * switch; the translator's loop polls read it (gocc_preempt). */
__thread volatile int gocc_preempt_req;
__thread int gocc_insys;

static bool started;

/* glibc declares __errno_location const, so the compiler may reuse one
 * thread's errno address across a switch (pitfall 9); this alias has no
 * such attribute and is called afresh on each side of the switch. */
extern int *rt_errno_loc(void) __asm__("__errno_location");
static int ncpu;

extern void __splitstack_getcontext(void *ctx[10]);
extern void __splitstack_setcontext(void *ctx[10]);
void rt_stack_signals(void);
void rt_san_switch(G *from, G *to);
void rt_san_done(G *from);
void rt_san_newg(G *g);
void rt_san_g0(M *m);

/* ---- small utilities ------------------------------------------------- */

void rt_lock_slow(atomic_int *l)
{
    for (int i = 0;; i++) {
        if (atomic_load_explicit(l, memory_order_relaxed) == 0 &&
            !atomic_exchange_explicit(l, 1, memory_order_acquire))
            return;
        if (i < 200)
            __builtin_ia32_pause();
        else
            sched_yield();
    }
}

void rt_unlock_fn(void *l) { rt_unlock(l); }

int64_t rt_nanotime(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

void rt_futexwait(atomic_int *addr, int val, int64_t ns)
{
#if defined(__SANITIZE_THREAD__)
    /* TSan delivers signals (Boehm's stop-the-world) only inside functions
     * it intercepts; a raw futex syscall would block them, so TSan builds
     * poll with nanosleep. */
    int64_t end = ns >= 0 ? rt_nanotime() + ns : INT64_MAX;
    while (atomic_load(addr) == val && rt_nanotime() < end) {
        struct timespec d = { 0, 50000 };
        nanosleep(&d, NULL);
    }
    return;
#endif
    struct timespec ts, *tp = NULL;
    if (ns >= 0) {
        ts.tv_sec = ns / 1000000000;
        ts.tv_nsec = ns % 1000000000;
        tp = &ts;
    }
    syscall(SYS_futex, addr, FUTEX_WAIT_PRIVATE, val, tp, NULL, 0);
}

void rt_futexwake(atomic_int *addr, int n)
{
    syscall(SYS_futex, addr, FUTEX_WAKE_PRIVATE, n, NULL, NULL, 0);
}

uint32_t rt_fastrand(void)
{
    M *m = getm();
    static _Atomic uint64_t seed = 0x9e3779b97f4a7c15ull;
    uint64_t *s = m ? &m->rand : NULL;
    uint64_t x = s ? *s : atomic_fetch_add(&seed, 0x9e3779b97f4a7c15ull);
    x += 0xa0761d6478bd642full;
    if (s)
        *s = x;
    __uint128_t r = (__uint128_t)x * (x ^ 0xe7037ed1a0b428dbull);
    return (uint32_t)((uint64_t)(r >> 64) ^ (uint64_t)r);
}

/* ---- the switch ------------------------------------------------------ */

/* Saves 'from' (split context, errno, registers via rt_swap) and resumes
 * 'to'.  Returns when someone switches back to 'from', possibly on another
 * M; then runs the action the previous context left behind. */
static RT_NOSPLIT RT_NOINLINE void rt_gswitch(G *from, G *to)
{
    from->err = *getm()->errnop;
#ifndef RT_FIXED_STACK
    __splitstack_getcontext(from->ss);
#else
    rt_san_switch(from, to);
#endif
    rt_swap(&from->sp, to->sp);
#ifndef RT_FIXED_STACK
    __splitstack_setcontext(from->ss);
#else
    rt_san_done(from);
#endif
    M *m = getm();
    __atomic_store_n(&m->curg, from, __ATOMIC_RELAXED);   /* sysmon samples it */
    *m->errnop = from->err;
    atomic_store_explicit(&m->schedtick, m->schedtick + 1, memory_order_relaxed);
    if (from != &m->g0)
        atomic_store_explicit(&from->state, G_RUNNING, memory_order_relaxed);
    void (*f)(void *) = m->afterfn;
    if (f) {
        m->afterfn = NULL;
        f(m->afterarg);
    }
}

static void goexit1(void) __attribute__((noreturn));

/* First code of every goroutine (via rt_trampoline). */
RT_NOSPLIT void rt_gentry(G *g)
{
#ifndef RT_FIXED_STACK
    __splitstack_setcontext(g->ss);
#else
    rt_san_done(g);
#endif
    M *m = getm();
    __atomic_store_n(&m->curg, g, __ATOMIC_RELAXED);
    *rt_errno_loc() = 0;
    atomic_store_explicit(&g->state, G_RUNNING, memory_order_relaxed);
    void (*f)(void *) = m->afterfn;
    if (f) {
        m->afterfn = NULL;
        f(m->afterarg);
    }
    g->fn(g->arg);
    goexit1();
}

/* ---- run queues ------------------------------------------------------ */

static void globrunqput_batch(G *head, G *tail, int n)
{
    rt_lock(&rt_sched.lock);
    tail->schedlink = NULL;
    if (rt_sched.runqtail)
        rt_sched.runqtail->schedlink = head;
    else
        rt_sched.runqhead = head;
    rt_sched.runqtail = tail;
    atomic_fetch_add(&rt_sched.runqsize, n);
    rt_unlock(&rt_sched.lock);
}

static void globrunqput(G *g) { globrunqput_batch(g, g, 1); }

/* Ring slots are read by thieves while the owner may refill them; the
 * head CAS decides whose read counts, so relaxed atomics suffice (and keep
 * the race defined for TSan). */
static inline G *runq_load(P *p, uint32_t i)
{
    return __atomic_load_n(&p->runq[i % RT_RUNQ], __ATOMIC_RELAXED);
}

static inline void runq_store(P *p, uint32_t i, G *g)
{
    __atomic_store_n(&p->runq[i % RT_RUNQ], g, __ATOMIC_RELAXED);
}

/* The ring is full: move half of it plus g to the global queue. */
static bool runqputslow(P *p, G *g, uint32_t h, uint32_t t)
{
    G *batch[RT_RUNQ / 2 + 1];
    uint32_t n = (t - h) / 2;
    for (uint32_t i = 0; i < n; i++)
        batch[i] = runq_load(p, h + i);
    if (!atomic_compare_exchange_strong_explicit(&p->head, &h, h + n,
            memory_order_release, memory_order_relaxed))
        return false;
    batch[n] = g;
    for (uint32_t i = 0; i < n; i++)
        batch[i]->schedlink = batch[i + 1];
    globrunqput_batch(batch[0], batch[n], (int)n + 1);
    return true;
}

/* Returns true when a G went into the ring (stealable work appeared). */
static bool runqput(P *p, G *g, bool next)
{
    if (next) {
        /* Only the owner stores non-NULL into runnext and thieves only
         * clear it, so an empty slot stays empty until we fill it: a plain
         * release store suffices (no locked instruction on the hand-off). */
        if (atomic_load_explicit(&p->runnext, memory_order_relaxed) == NULL) {
            atomic_store_explicit(&p->runnext, g, memory_order_release);
            return false;
        }
        G *old = atomic_exchange_explicit(&p->runnext, g, memory_order_acq_rel);
        if (!old)
            return false;
        g = old;
    }
    for (;;) {
        uint32_t h = atomic_load_explicit(&p->head, memory_order_acquire);
        uint32_t t = atomic_load_explicit(&p->tail, memory_order_relaxed);
        if (t - h < RT_RUNQ) {
            runq_store(p, t, g);
            atomic_store_explicit(&p->tail, t + 1, memory_order_release);
            return true;
        }
        if (runqputslow(p, g, h, t))
            return true;
    }
}

static G *runqget(P *p)
{
    G *g = atomic_load_explicit(&p->runnext, memory_order_relaxed);
    if (g && atomic_compare_exchange_strong_explicit(&p->runnext, &g, NULL,
                 memory_order_acq_rel, memory_order_relaxed))
        return g;
    for (;;) {
        uint32_t h = atomic_load_explicit(&p->head, memory_order_acquire);
        uint32_t t = atomic_load_explicit(&p->tail, memory_order_relaxed);
        if (t == h)
            return NULL;
        g = runq_load(p, h);
        if (atomic_compare_exchange_strong_explicit(&p->head, &h, h + 1,
                memory_order_release, memory_order_relaxed))
            return g;
    }
}

static bool runqempty(P *p)
{
    for (;;) {
        uint32_t h = atomic_load(&p->head), t = atomic_load(&p->tail);
        G *n = atomic_load(&p->runnext);
        if (t == atomic_load(&p->tail))
            return h == t && n == NULL;
    }
}

/* Grab half of p's ring into batch (Go's runqgrab). */
static uint32_t runqgrab(P *p, G **batch, bool stealnext)
{
    for (;;) {
        uint32_t h = atomic_load_explicit(&p->head, memory_order_acquire);
        uint32_t t = atomic_load_explicit(&p->tail, memory_order_acquire);
        uint32_t n = t - h;
        n = n - n / 2;
        if (n == 0) {
            if (stealnext) {
                G *g = atomic_load(&p->runnext);
                if (g && atomic_compare_exchange_strong(&p->runnext, &g, NULL)) {
                    batch[0] = g;
                    return 1;
                }
            }
            return 0;
        }
        if (n > RT_RUNQ / 2)
            continue;           /* inconsistent h/t: retry */
        for (uint32_t i = 0; i < n; i++)
            batch[i] = runq_load(p, h + i);
        if (atomic_compare_exchange_strong_explicit(&p->head, &h, h + n,
                memory_order_release, memory_order_relaxed))
            return n;
    }
}

static G *runqsteal(P *p, P *victim, bool stealnext)
{
    G *batch[RT_RUNQ / 2];
    uint32_t n = runqgrab(victim, batch, stealnext);
    if (n == 0)
        return NULL;
    for (uint32_t i = 1; i < n; i++)
        runqput(p, batch[i], false);
    return batch[0];
}

static G *globrunqget(P *p, int max)
{
    if (atomic_load_explicit(&rt_sched.runqsize, memory_order_relaxed) == 0)
        return NULL;
    rt_lock(&rt_sched.lock);
    int sz = atomic_load(&rt_sched.runqsize);
    if (sz == 0) {
        rt_unlock(&rt_sched.lock);
        return NULL;
    }
    int procs = atomic_load(&rt_sched.gomaxprocs);
    int n = sz / procs + 1;
    if (n > sz)
        n = sz;
    if (max > 0 && n > max)
        n = max;
    if (n > RT_RUNQ / 2)
        n = RT_RUNQ / 2;
    G *g = rt_sched.runqhead;
    G *cur = g->schedlink;
    for (int i = 1; i < n; i++) {
        G *nx = cur->schedlink;
        runqput(p, cur, false);
        cur = nx;
    }
    rt_sched.runqhead = cur;
    if (!cur)
        rt_sched.runqtail = NULL;
    atomic_fetch_sub(&rt_sched.runqsize, n);
    rt_unlock(&rt_sched.lock);
    return g;
}

/* ---- idle Ms --------------------------------------------------------- */

/* Wakes an M that was taken off the idle or spare list: it sleeps on its
 * futex word or, as the idle M that polls the network, in epoll_wait.  It
 * sets inpoll before it reads parkword (both seq_cst), so one of the two
 * wake-ups always reaches it. */
static void mwake(M *mp)
{
    atomic_store(&mp->parkword, 1);
    if (atomic_load(&mp->inpoll))
        rt_netpoll_break();
    else
        rt_futexwake(&mp->parkword, 1);
}

/* The first M of the idle list, taken off it (sched.lock inside), or NULL. */
static M *midle_get(void)
{
    rt_lock(&rt_sched.lock);
    M *mp = rt_sched.midle;
    if (mp) {
        rt_sched.midle = mp->idlenext;
        __atomic_store_n(&mp->onidle, false, __ATOMIC_RELAXED);
        atomic_fetch_sub(&rt_sched.nidle, 1);
    }
    rt_unlock(&rt_sched.lock);
    return mp;
}

/* Ms without a P (spares), parked on their parkword until given one. */
static void mspare_put(M *m)
{
    rt_lock(&rt_sched.lock);
    atomic_store(&m->parkword, 0);
    m->sparenext = rt_sched.mspare;
    rt_sched.mspare = m;
    rt_unlock(&rt_sched.lock);
}

static M *mspare_get(void)
{
    rt_lock(&rt_sched.lock);
    M *m = rt_sched.mspare;
    if (m)
        rt_sched.mspare = m->sparenext;
    rt_unlock(&rt_sched.lock);
    return m;
}

/* p now belongs to m. */
static void acquirep(M *m, P *p)
{
    m->p = p;
    atomic_store(&p->m, m);
    atomic_store(&p->status, P_RUNNING);
}

void rt_wakep(void)
{
    if (atomic_load_explicit(&rt_sched.nidle, memory_order_relaxed) == 0)
        return;
    int z = 0;
    if (atomic_load_explicit(&rt_sched.nspinning, memory_order_relaxed) != 0 ||
        !atomic_compare_exchange_strong(&rt_sched.nspinning, &z, 1))
        return;
    M *mp = midle_get();
    if (!mp) {
        atomic_fetch_sub(&rt_sched.nspinning, 1);
        return;
    }
    mwake(mp);
}

static bool unidle(M *m)
{
    bool was = false;
    rt_lock(&rt_sched.lock);
    if (m->onidle) {
        M **pp = &rt_sched.midle;
        while (*pp != m)
            pp = &(*pp)->idlenext;
        *pp = m->idlenext;
        __atomic_store_n(&m->onidle, false, __ATOMIC_RELAXED);
        atomic_fetch_sub(&rt_sched.nidle, 1);
        was = true;
    }
    rt_unlock(&rt_sched.lock);
    return was;
}

/* Is some M in a system call (maybe without its P)? */
static bool any_insyscall(void)
{
    int mc = atomic_load(&rt_sched.mcount);
    for (int i = 0; i < mc; i++)
        if (atomic_load(&rt_allm[i].insyscall))
            return true;
    return false;
}

static void checkdead_locked(void)
{
    if (atomic_load(&rt_sched.done) || atomic_load(&rt_sched.dying))
        return;
    if (atomic_load(&rt_sched.nidle) + rt_sched.nretired < rt_sched.nm)
        return;
    if (atomic_load(&rt_sched.runqsize) != 0)
        return;
    for (int i = 0; i < rt_sched.nm; i++)
        if (!runqempty(&rt_allp[i]))
            return;
    if (rt_timers_pending() || rt_netpoll_waiting() || rt_signal_waiting() || any_insyscall())
        return;
    rt_unlock(&rt_sched.lock);
    rt_deadlock();
}

/* gomaxprocs shrank below this P: hand its work to the others and sleep. */
static void retire(M *m)
{
    P *p = m->p;
    G *g;
    while ((g = runqget(p)) != NULL)
        globrunqput(g);
    rt_lock(&rt_sched.lock);
    rt_sched.nretired++;
    atomic_store(&m->parkword, 0);
    atomic_store(&m->retired, true);
    checkdead_locked();
    rt_unlock(&rt_sched.lock);
    if (m->spinning) {
        m->spinning = false;
        atomic_fetch_sub(&rt_sched.nspinning, 1);
    }
    rt_wakep();
    while (p->id >= atomic_load(&rt_sched.gomaxprocs)) {
        int64_t next = rt_next_timer();
        rt_futexwait(&m->parkword, 0, next ? 1000000 : -1);
        if (next && next <= rt_nanotime())
            rt_run_timers(p, rt_nanotime());
        atomic_store(&m->parkword, 0);
    }
    rt_lock(&rt_sched.lock);
    rt_sched.nretired--;
    atomic_store(&m->retired, false);
    rt_unlock(&rt_sched.lock);
}

/* Queues all but the first G of a chain on p (netpoll results); returns the
 * first.  Extra Gs are parallel work: wake a helper. */
static G *inject(P *p, G *list)
{
    if (!list)
        return NULL;
    G *g = list, *rest = list->schedlink;
    if (rest) {
        while (rest) {
            G *x = rest;
            rest = x->schedlink;
            runqput(p, x, false);
        }
        rt_wakep();
    }
    return g;
}

/* An idle M sleeps: in epoll_wait when goroutines wait for I/O and no
 * other M polls already, else on its futex word.  Returns Gs made ready. */
static G *idlepoll(M *m, int64_t ns)
{
    if (rt_netpoll_waiting() && !atomic_exchange(&rt_sched.polling, 1)) {
        G *list = NULL;
        atomic_store(&m->inpoll, true);
        if (!atomic_load(&m->parkword))
            list = rt_netpoll(ns);
        atomic_store(&m->inpoll, false);
        atomic_store(&rt_sched.polling, 0);
        return list;
    }
    rt_futexwait(&m->parkword, 0, ns);
    return NULL;
}

/* g0 only: find a G to run, parking the M when there is none.  NULL: this
 * M lost its P (see exitsyscall_slow) and must become a spare. */
static G *findrunnable(M *m)
{
    P *p;
    G *g;
top:
    if (RT_UNLIKELY(atomic_load(&rt_sched.dying)))
        for (;;)
            pause();
    p = m->p;
    if (RT_UNLIKELY(!p)) {
        /* an M back from a system call took our P while we were idle */
        if (m->spinning) {
            m->spinning = false;
            /* rt_wakep skips its wake-up while anyone spins: the last
             * spinner to leave without work must pass the duty on */
            if (atomic_fetch_sub(&rt_sched.nspinning, 1) == 1)
                rt_wakep();
        }
        return NULL;
    }
    if (RT_UNLIKELY(p->id >= atomic_load(&rt_sched.gomaxprocs)))
        retire(m);
    if (atomic_load_explicit(&p->timer0, memory_order_relaxed))
        rt_run_timers(p, rt_nanotime());
    /* picknext counted the tick that sent us here: look at it, do not
     * count another, or the global queue starves behind a busy ring */
    if ((p->schedtick % 61) == 0 && (g = globrunqget(p, 1)) != NULL)
        goto found;
    if ((g = runqget(p)) != NULL)
        goto found;
    if ((g = globrunqget(p, 0)) != NULL)
        goto found;

    int procs = atomic_load(&rt_sched.gomaxprocs);
    if (!m->spinning && 2 * atomic_load(&rt_sched.nspinning) <
            procs - atomic_load(&rt_sched.nidle)) {
        m->spinning = true;
        atomic_fetch_add(&rt_sched.nspinning, 1);
    }
    if (m->spinning) {
        for (int round = 0; round < 4; round++) {
            uint32_t start = rt_fastrand();
            for (int k = 0; k < procs; k++) {
                P *p2 = &rt_allp[(start + (uint32_t)k) % (uint32_t)procs];
                if (p2 == p)
                    continue;
                if (atomic_load_explicit(&p2->timer0, memory_order_relaxed))
                    rt_run_timers(p2, rt_nanotime());
                if ((g = runqget(p)) != NULL)
                    goto found;
                if ((g = runqsteal(p, p2, round == 3)) != NULL)
                    goto found;
            }
        }
        if ((g = globrunqget(p, 0)) != NULL)
            goto found;
    }
    if (rt_netpoll_waiting() && (g = inject(p, rt_netpoll(0))) != NULL)
        goto found;

    /* Nothing: go idle. */
    rt_lock(&rt_sched.lock);
    if (atomic_load(&rt_sched.runqsize)) {
        rt_unlock(&rt_sched.lock);
        goto top;
    }
    atomic_store(&m->parkword, 0);
    __atomic_store_n(&m->onidle, true, __ATOMIC_RELAXED);
    m->idlenext = rt_sched.midle;
    rt_sched.midle = m;
    atomic_fetch_add(&rt_sched.nidle, 1);
    bool was = m->spinning;
    if (was) {
        m->spinning = false;
        atomic_fetch_sub(&rt_sched.nspinning, 1);
    }
    checkdead_locked();
    rt_unlock(&rt_sched.lock);

    if (was) {
        for (int k = 0; k < procs; k++) {
            if (!runqempty(&rt_allp[k])) {
                if (unidle(m)) {
                    m->spinning = true;
                    atomic_fetch_add(&rt_sched.nspinning, 1);
                    goto top;
                }
                goto woken;
            }
        }
    }
    for (;;) {
        int64_t next = rt_next_timer();
        int64_t now = next ? rt_nanotime() : 0;
        if (next && next <= now) {
            /* a due timer of some P whose M is busy: run it from here */
            for (int k = 0; k < rt_sched.nm; k++)
                if (atomic_load_explicit(&rt_allp[k].timer0, memory_order_relaxed))
                    rt_run_timers(&rt_allp[k], now);
            if (unidle(m))
                goto top;
            goto woken;
        }
        G *list = idlepoll(m, next ? next - now : -1);
        if (list) {
            if (unidle(m)) {
                g = inject(p, list);
                goto found;
            }
            /* popped meanwhile (maybe losing p): the Gs go global */
            while (list) {
                G *x = list;
                list = x->schedlink;
                globrunqput(x);
            }
            goto woken;
        }
        if (atomic_load(&m->parkword))
            goto woken;
        if (unidle(m))
            goto top;
        /* popped by wakep but the store/wake has not landed yet */
    }
woken:
    m->spinning = true;         /* the waker counted us in nspinning */
    goto top;
found:
    if (m->spinning) {
        m->spinning = false;
        if (atomic_fetch_sub(&rt_sched.nspinning, 1) == 1)
            rt_wakep();
    }
    return g;
}

/* The Gs queued behind the one about to run are often cold (a close that
 * readied thousands of waiters, a burst of spawns): start loading the saved
 * frame of the next one and the G after it, so that their cache misses
 * overlap this G's run instead of stalling the next switch.  A thief may
 * take those slots meanwhile: prefetching a stale address is harmless. */
static inline void prefetch_next(P *p)
{
    uint32_t h = atomic_load_explicit(&p->head, memory_order_relaxed);
    uint32_t t = atomic_load_explicit(&p->tail, memory_order_relaxed);
    if (t - h < 2)
        return;
    G *n1 = runq_load(p, h), *n2 = runq_load(p, h + 1);
    __builtin_prefetch(n2, 1);
    __builtin_prefetch((char *)n2 + 64, 1);
    char *sp = __atomic_load_n(&n1->sp, __ATOMIC_RELAXED);
    __builtin_prefetch(sp, 1);
    __builtin_prefetch(sp + 64, 1);
    __builtin_prefetch(sp + 128, 1);
}

/* On a G's stack: the next G of this P, or g0 when the scheduler proper
 * (timers, global queue, stealing, parking) must run. */
static G *picknext(M *m)
{
    P *p = m->p;
    int64_t t0 = atomic_load_explicit(&p->timer0, memory_order_relaxed);
    if (t0 && rt_nanotime() >= t0)
        return &m->g0;
    if (RT_UNLIKELY(p->id >= atomic_load_explicit(&rt_sched.gomaxprocs,
                                                  memory_order_relaxed)))
        return &m->g0;
    if ((++p->schedtick % 61) == 0 &&
        atomic_load_explicit(&rt_sched.runqsize, memory_order_relaxed))
        return &m->g0;
    G *g = runqget(p);
    if (!g)
        return &m->g0;
    if (RT_UNLIKELY(g->lockedm)) {
        /* only its own M may run it: g0 hands that M our P (mloop);
         * runqget left runnext empty and only the owner fills it */
        atomic_store_explicit(&p->runnext, g, memory_order_relaxed);
        return &m->g0;
    }
    prefetch_next(p);
    return g;
}

/* ---- goroutines locked to an M (callbacks from C) -------------------- */

/* A G that runs a callback from C has C frames on its M's system stack,
 * below that M's scheduler frames: only that M may run it, and while it
 * waits the M may run nothing else (not even its own g0 loop, whose calls
 * would overwrite those frames).  So to block, the M runs the G's after-
 * switch action itself, gives its P to a spare M and sleeps; an M that
 * dequeues the G hands it a P and becomes a spare (Go's lockedm). */

static void startm(P *p);

/* p goes to sm, a spare M its caller took off the list, or with none to
 * a new M. */
static void handoffp(P *p, M *sm)
{
    if (!sm) {
        startm(p);
        return;
    }
    acquirep(sm, p);
    mwake(sm);
}

/* g0 of m: g is locked to another M, which gets m's P. */
static void startlockedm(M *m, G *g)
{
    M *lm = g->lockedm;
    P *p = m->p;
    m->p = NULL;
    atomic_store(&p->m, lm);
    atomic_store(&lm->nextp, p);
    atomic_store(&lm->lockword, 1);
    rt_futexwake(&lm->lockword, 1);
}

struct lockedstop { G *g; void (*after)(void *); void *arg; };

static void stoplockedm_ss(void *arg)
{
    struct lockedstop *s = arg;
    M *m = getm();
    int err = *m->errnop;
    atomic_store(&m->lockword, 0);
    if (s->after)
        s->after(s->arg);           /* from here rt_ready may queue the G */
    if (m->p) {
        P *p = m->p;
        m->p = NULL;
        handoffp(p, mspare_get());
    }
    while (!atomic_load(&m->lockword))
        rt_futexwait(&m->lockword, 0, -1);
    acquirep(m, atomic_exchange(&m->nextp, NULL));
    *m->errnop = err;
    atomic_store_explicit(&m->schedtick, m->schedtick + 1, memory_order_relaxed);
    atomic_store_explicit(&s->g->state, G_RUNNING, memory_order_relaxed);
}

/* On g's stack, instead of switching away: g's state is already set. */
static void stoplockedm(G *g, void (*after)(void *), void *arg)
{
    struct lockedstop s = { g, after, arg };
    gocc_systemstack(stoplockedm_ss, &s);
}

static void globrunq_after(void *g)
{
    globrunqput(g);
    rt_wakep();
}

/* An M without a P sleeps on the spare list until sysmon hands it one. */
static void mspare(M *m)
{
    mspare_put(m);
    while (!atomic_load(&m->parkword))
        rt_futexwait(&m->parkword, 0, -1);
}

static RT_NOSPLIT void mloop(M *m)
{
    for (;;) {
        if (!m->p)
            mspare(m);
        G *g = findrunnable(m);
        if (g && RT_UNLIKELY(g->lockedm))
            startlockedm(m, g);
        else if (g)
            rt_gswitch(&m->g0, g);
    }
}

/* ---- parking and readying ------------------------------------------- */

void rt_park(void (*unlockf)(void *), void *arg, const char *reason)
{
    M *m = getm();
    G *g = m->curg;
    if (RT_UNLIKELY(g == &m->g0 || m->sys_depth))
        rt_throw("blocking operation on the system stack");
    __atomic_store_n(&g->waitreason, reason, __ATOMIC_RELAXED);
    atomic_store_explicit(&g->state, G_WAITING, memory_order_relaxed);
    if (RT_UNLIKELY(g->lockedm)) {
        stoplockedm(g, unlockf, arg);
        return;
    }
    m->afterfn = unlockf;
    m->afterarg = arg;
    rt_gswitch(g, picknext(m));
}

void rt_ready(G *g, bool wake)
{
    M *m = getm();
    atomic_store_explicit(&g->state, G_RUNNABLE, memory_order_relaxed);
    if (RT_UNLIKELY(!m)) {
        /* not an M (signal.c's relay thread): every M may be parked */
        globrunqput(g);
        rt_wakep();
        return;
    }
    bool kicked = runqput(m->p, g, true);
    if (wake || kicked)
        rt_wakep();
}

/* Tail of the local ring: for batches that must keep their order (timers
 * expiring together). */
void rt_ready_fifo(G *g)
{
    M *m = getm();
    atomic_store_explicit(&g->state, G_RUNNABLE, memory_order_relaxed);
    runqput(m->p, g, false);
    rt_wakep();
}

static void yield_after(void *arg)
{
    runqput(getm()->p, arg, false);
    rt_wakep();                 /* a yielder says: others may run in parallel */
}

void gosched(void)
{
    M *m = getm();
    G *g = m ? m->curg : NULL;
    if (!g || g == &m->g0 || m->sys_depth)
        return;
    atomic_store_explicit(&g->state, G_RUNNABLE, memory_order_relaxed);
    if (RT_UNLIKELY(g->lockedm)) {
        stoplockedm(g, globrunq_after, g);
        return;
    }
    m->afterfn = yield_after;
    m->afterarg = g;
    rt_gswitch(g, picknext(m));
}

/* ---- goroutine creation and exit ------------------------------------ */

static G *gfget(P *p)
{
    G *g = p->gfree;
    if (!g && atomic_load_explicit(&rt_sched.ngfree, memory_order_relaxed)) {
        int moved = 0;
        rt_lock(&rt_sched.gflock);
        while (p->ngfree < 32 && rt_sched.gfree) {
            G *x = rt_sched.gfree;
            rt_sched.gfree = x->schedlink;
            moved++;
            x->schedlink = p->gfree;
            p->gfree = x;
            p->ngfree++;
        }
        atomic_fetch_sub_explicit(&rt_sched.ngfree, moved, memory_order_relaxed);
        rt_unlock(&rt_sched.gflock);
        g = p->gfree;
    }
    if (g) {
        p->gfree = g->schedlink;
        p->ngfree--;
    }
    return g;
}

static void gfput(void *arg)
{
    G *g = arg;
    P *p = getm()->p;
    rt_stack_recycle(g);
    atomic_store(&g->state, G_IDLE);
    g->schedlink = p->gfree;
    p->gfree = g;
    if (++p->ngfree >= 64) {
        /* chain the surplus privately, then splice it in one go */
        G *head = NULL, *tail = NULL;
        int moved = 0;
        while (p->ngfree > 32) {
            G *x = p->gfree;
            p->gfree = x->schedlink;
            p->ngfree--;
            x->schedlink = head;
            head = x;
            if (!tail)
                tail = x;
            moved++;
        }
        rt_lock(&rt_sched.gflock);
        tail->schedlink = rt_sched.gfree;
        rt_sched.gfree = head;
        atomic_fetch_add_explicit(&rt_sched.ngfree, moved, memory_order_relaxed);
        rt_unlock(&rt_sched.gflock);
    }
}

/* Gs come in chunks just under 4 pages: libgc adds a byte to every
 * object (interior pointers), so an exact multiple of the page size would
 * cost a whole extra page. */
#define RT_GCHUNK ((int)((16384 - 64) / sizeof(G)))
struct gchunk_req { G *gs; };

static void gchunk_ss(void *arg)
{
    struct gchunk_req *r = arg;
    r->gs = GC_malloc_uncollectable(sizeof(G) * (size_t)RT_GCHUNK);
}

static G *newg(P *p)
{
    struct gchunk_req r;
    gocc_systemstack(gchunk_ss, &r);
    if (!r.gs)
        rt_throw("out of memory allocating goroutines");
    for (int i = 0; i < RT_GCHUNK; i++) {
        G *g = &r.gs[i];
        atomic_init(&g->state, G_IDLE);
        rt_stack_alloc(g);
        G *old = atomic_load(&rt_allg);
        do
            g->allnext = old;
        while (!atomic_compare_exchange_weak(&rt_allg, &old, g));
        if (i > 0 && p) {
            g->schedlink = p->gfree;
            p->gfree = g;
            p->ngfree++;
        } else if (i > 0) {
            rt_lock(&rt_sched.gflock);
            g->schedlink = rt_sched.gfree;
            rt_sched.gfree = g;
            rt_sched.ngfree++;
            rt_unlock(&rt_sched.gflock);
        }
    }
    return &r.gs[0];
}

static G *newproc(void (*fn)(void *), void *arg, const char *file, int line)
{
    M *m = getm();
    P *p = m ? m->p : NULL;
    G *g = p ? gfget(p) : NULL;
    if (!g)
        g = newg(p);
    g->fn = fn;
    g->arg = arg;
    g->file = file;
    g->line = line;
    g->ismain = false;
    g->waitreason = NULL;
    g->param = NULL;
    g->err = 0;
    g->frames = NULL;
    g->panic = NULL;
    g->pfile = NULL;
    atomic_store(&g->selectdone, 0);
    atomic_store(&g->insys, 0);
    g->id = atomic_fetch_add(&rt_sched.goidgen, 1) + 1;
    rt_stack_init(g, rt_gentry);
#ifdef RT_FIXED_STACK
    rt_san_newg(g);
#endif
    if (p)                      /* owner-only counter: no locked op */
        atomic_store_explicit(&p->ngo, atomic_load_explicit(&p->ngo,
                              memory_order_relaxed) + 1, memory_order_relaxed);
    else
        atomic_fetch_add_explicit(&rt_sched.ngoroutine, 1, memory_order_relaxed);
    atomic_store(&g->state, G_RUNNABLE);
    return g;
}

void gocc_go(void (*fn)(void *), void *arg, const char *file, int line)
{
    G *g = newproc(fn, arg, file, line);
    M *m = getm();
    if (!m) {
        globrunqput(g);
        return;
    }
    runqput(m->p, g, true);
    rt_wakep();
}

static void goexit1(void)
{
    M *m = getm();
    G *g = m->curg;
    P *p = m->p;
    atomic_store_explicit(&p->ngo, atomic_load_explicit(&p->ngo,
                          memory_order_relaxed) - 1, memory_order_relaxed);
    g->arg = NULL;
    g->fn = NULL;
    atomic_store(&g->state, G_DEAD);
    m->afterfn = gfput;
    m->afterarg = g;
    rt_gswitch(g, picknext(m));
    rt_throw("dead goroutine resumed");
}

void goexit(void)
{
    M *m = getm();
    if (!m || m->curg == &m->g0)
        rt_throw("goexit called outside a goroutine");
    if (m->curg->lockedm)
        rt_throw("goexit in a callback from C code");
    rt_goexit_defers();
    goexit1();
}

/* ---- system stack ---------------------------------------------------- */

RT_NOSPLIT void gocc_systemstack(void (*fn)(void *), void *arg)
{
    M *m = getm();
    G *g;
    if (!m || (g = m->curg) == &m->g0 ||
        atomic_load_explicit(&g->insys, memory_order_relaxed)) {
        fn(arg);
        return;
    }
#ifndef RT_FIXED_STACK
    __splitstack_getcontext(g->ss);
#endif
    char *top = m->systop ? m->systop
                          : (char *)(((uintptr_t)m->g0.sp - 512) & ~(uintptr_t)15);
    m->sys_depth++;
    gocc_insys = 1;
    rt_sysstack(top, fn, arg, &g->sp, &g->insys);
    gocc_insys = 0;
    m = getm();
    m->sys_depth--;
}

/* A dialect function called by C code on the system stack (gocc_insys
 * set) runs itself through this: fn(arg) runs on the goroutine's stack,
 * where it may block (the G stays locked to this M meanwhile, see
 * stoplockedm).  Nested systemstack calls go below the C frames (systop).
 * A panic does not unwind past the callback (the C frames in between
 * cannot be unwound): the callback's own deferred calls run, then the
 * report.  Off a goroutine, fn just runs. */
RT_NOSPLIT void gocc_callback(void (*fn)(void *), void *arg)
{
    M *m = getm();
    G *g;
    if (!m || (g = m->curg) == &m->g0 ||
        !atomic_load_explicit(&g->insys, memory_order_relaxed)) {
        fn(arg);
        return;
    }
    void *gsp = g->sp;
    char *systop = m->systop;
    int depth = m->sys_depth;
    M *locked = g->lockedm;
    gocc_frame *frames = g->frames;
    m->systop = (char *)(((uintptr_t)rt_getsp() - 256) & ~(uintptr_t)15);
    m->sys_depth = 0;
    g->lockedm = m;
    g->frames = NULL;
    gocc_insys = 0;
    rt_cbstack(gsp, fn, arg, &g->sp, &g->insys);
    gocc_insys = 1;
    g->frames = frames;
    g->lockedm = locked;
    m->sys_depth = depth;
    m->systop = systop;
}

int *gocc_errno(void) { return rt_errno_loc(); }

/* ---- Ms and start-up ------------------------------------------------- */

static RT_NOSPLIT void *mstart(void *arg)
{
    M *m = arg;
#ifndef RT_FIXED_STACK
    /* g0 is a big fixed stack: guard 0, it never splits. */
    __splitstack_getcontext(m->g0.ss);
    m->g0.ss[3] = 0;
    __splitstack_setcontext(m->g0.ss);
#endif
    m->errnop = rt_errno_loc();
    __atomic_store_n(&m->preemptp, &gocc_preempt_req, __ATOMIC_RELEASE);
    rt_tls_m = m;
    __atomic_store_n(&m->curg, &m->g0, __ATOMIC_RELAXED);
#ifdef RT_FIXED_STACK
    rt_san_g0(m);
#endif
    m->thread = (unsigned long)pthread_self();
    rt_gc_thread_init(m);
    mloop(m);
    return NULL;
}

/* A new M (thread) that starts by running p. */
static void startm(P *p)
{
    int id = atomic_fetch_add(&rt_sched.mcount, 1);
    if (id >= RT_MAXM)
        rt_throw("too many threads");
    M *m = &rt_allm[id];
    m->id = id;
    acquirep(m, p);
    m->rand = 0x9e3779b97f4a7c15ull * (uint64_t)(id + 1);
    m->g0.id = -1;
    atomic_store(&m->g0.state, G_RUNNING);
    pthread_t th;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 8 << 20);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (GC_pthread_create(&th, &attr, mstart, m) != 0) {
        fprintf(stderr, "fatal error: cannot create thread\n");
        _exit(2);
    }
    pthread_attr_destroy(&attr);
}

struct mainargs {
    int (*fn)(int, char **, char **);
    int argc;
    char **argv, **envp;
};
static struct mainargs mainargs;

static void done_ss(void *arg)
{
    (void)arg;
    rt_futexwake(&rt_sched.done, INT_MAX);
}

static void mainwrap(void *arg)
{
    struct mainargs *a = arg;
    rt_stack_check();
    int r = a->fn(a->argc, a->argv, a->envp);
    rt_sched.mainret = r;
    atomic_store(&rt_sched.done, 1);
    gocc_systemstack(done_ss, NULL);
    rt_park(NULL, NULL, "main returned");
}

int numcpu(void)
{
    if (!ncpu) {
        cpu_set_t set;
        if (sched_getaffinity(0, sizeof set, &set) == 0)
            ncpu = CPU_COUNT(&set);
        if (ncpu < 1)
            ncpu = (int)sysconf(_SC_NPROCESSORS_ONLN);
        if (ncpu < 1)
            ncpu = 1;
    }
    return ncpu;
}

int gocc_start(int (*main_fn)(int, char **, char **), int argc, char **argv,
               char **envp)
{
    if (started)
        rt_throw("gocc_start called twice");
    int n = atomic_load(&rt_sched.gomaxprocs);
    if (n < 1) {
        const char *s = getenv("GOMAXPROCS");
        n = s ? atoi(s) : 0;
        if (n < 1)
            n = numcpu();
    }
    if (n > RT_MAXPROCS)
        n = RT_MAXPROCS;
    atomic_store(&rt_sched.gomaxprocs, n);
    rt_gc_init();
    rt_signal_init();
#ifdef RT_FIXED_STACK
    rt_stack_signals();
#endif
    mainargs = (struct mainargs){ main_fn, argc, argv, envp };
    G *g = newproc(mainwrap, &mainargs, "main", 0);
    g->ismain = true;
    globrunqput(g);
    started = true;
    rt_lock(&rt_sched.lock);
    for (int i = 0; i < n; i++)
        rt_allp[i].id = i;
    rt_sched.nm = n;
    rt_unlock(&rt_sched.lock);
    rt_netpoll_init();
    for (int i = 0; i < n; i++)
        startm(&rt_allp[i]);
    rt_sysmon_start();
    while (!atomic_load(&rt_sched.done))
        rt_futexwait(&rt_sched.done, 0, -1);
    return rt_sched.mainret;
}

struct procs_req { int n; };

static void setprocs_ss(void *arg)
{
    int n = ((struct procs_req *)arg)->n;
    rt_lock(&rt_sched.lock);
    int have = rt_sched.nm;
    for (int i = have; i < n; i++)
        rt_allp[i].id = i;
    if (n > have)
        rt_sched.nm = n;
    atomic_store(&rt_sched.gomaxprocs, n);
    rt_unlock(&rt_sched.lock);
    for (int i = have; i < n; i++)
        startm(&rt_allp[i]);
    for (int i = 0; i < have && i < n; i++) {
        M *m = atomic_load(&rt_allp[i].m);
        if (m && atomic_load(&m->retired)) {
            atomic_store(&m->parkword, 1);
            rt_futexwake(&m->parkword, 1);
        }
    }
}

int gomaxprocs(int n)
{
    int old = atomic_load(&rt_sched.gomaxprocs);
    if (!started) {
        if (old < 1) {
            const char *s = getenv("GOMAXPROCS");
            old = s && atoi(s) > 0 ? atoi(s) : numcpu();
        }
        if (n >= 1)
            atomic_store(&rt_sched.gomaxprocs, n > RT_MAXPROCS ? RT_MAXPROCS : n);
        return old;
    }
    if (n < 1 || n == old)
        return old;
    if (n > RT_MAXPROCS)
        n = RT_MAXPROCS;
    struct procs_req r = { n };
    gocc_systemstack(setprocs_ss, &r);
    return old;
}

int numgoroutine(void)
{
    int64_t n = atomic_load_explicit(&rt_sched.ngoroutine, memory_order_relaxed);
    for (int i = 0; i < RT_MAXPROCS; i++)
        n += atomic_load_explicit(&rt_allp[i].ngo, memory_order_relaxed);
    return (int)n;
}

/* ---- system calls and the P hand-off ---------------------------------- */

/* Around a call that may block the thread.  The fast path is two stores
 * and a CAS on this P's own cache line; sysmon notices a P that stays in
 * P_SYSCALL and hands it to a spare M (rt_retake). */
void rt_entersyscall(void)
{
    M *m = getm();
    if (!m || m->curg == &m->g0 || m->sys_depth)
        return;
    if (m->syscall_depth++)
        return;
    P *p = m->p;
    atomic_store_explicit(&m->insyscall, 1, memory_order_relaxed);
    atomic_store_explicit(&p->syscalltick, p->syscalltick + 1, memory_order_relaxed);
    atomic_store_explicit(&p->status, P_SYSCALL, memory_order_release);
    rt_sysmon_wake();
}

static void requeue_after(void *arg)
{
    globrunqput(arg);
    atomic_store(&getm()->insyscall, 0);   /* the G is visible: not dead */
    rt_wakep();
}

/* Back from a system call whose P sysmon gave away.  Take an idle M's P
 * (that M becomes a spare) and go on; with no idle M, queue this G on the
 * global queue and become a spare. */
static RT_NOINLINE void exitsyscall_slow(M *m)
{
    G *g = m->curg;
    m->p = NULL;
    M *im = midle_get();
    if (im) {
        P *p = im->p;
        im->p = NULL;
        acquirep(m, p);
        atomic_store(&m->insyscall, 0);
        atomic_fetch_add(&rt_sched.nspinning, 1);   /* as wakep counts */
        mwake(im);
        return;
    }
    atomic_store_explicit(&g->state, G_RUNNABLE, memory_order_relaxed);
    if (RT_UNLIKELY(g->lockedm)) {
        stoplockedm(g, requeue_after, g);
        return;
    }
    m->afterfn = requeue_after;
    m->afterarg = g;
    rt_gswitch(g, &m->g0);
}

void rt_exitsyscall(void)
{
    M *m = getm();
    if (!m || m->curg == &m->g0 || m->sys_depth)
        return;
    if (--m->syscall_depth)
        return;
    int s = P_SYSCALL;
    if (RT_LIKELY(atomic_compare_exchange_strong(&m->p->status, &s, P_RUNNING))) {
        atomic_store_explicit(&m->insyscall, 0, memory_order_relaxed);
        return;
    }
    exitsyscall_slow(m);
}

void gocc_syscall_enter(void) { rt_entersyscall(); }
void gocc_syscall_exit(void) { rt_exitsyscall(); }

/* sysmon: p has been in one system call for ns.  Hand it to a spare M when
 * it has work, or nobody else could pick work up, or the call is long
 * (Go's retake rule). */
bool rt_retake(P *p, int64_t ns)
{
    if (ns < 10000000 && runqempty(p) &&
        atomic_load(&rt_sched.nidle) + atomic_load(&rt_sched.nspinning) > 0)
        return false;
    M *m = mspare_get();
    if (!m && atomic_load(&rt_sched.mcount) >= RT_MAXM)
        return false;
    int s = P_SYSCALL;
    if (!atomic_compare_exchange_strong(&p->status, &s, P_HANDOFF)) {
        if (m)
            mspare_put(m);
        return false;
    }
    handoffp(p, m);
    return true;
}

/* sysmon: is any M running goroutines or in a system call? */
bool rt_busy(void)
{
    return atomic_load(&rt_sched.nidle) + rt_sched.nretired < rt_sched.nm ||
           any_insyscall();
}

/* sysmon: Gs its network poll made ready go to the global queue (it has
 * no P); an idle M is woken for them, busy ones look every 61 ticks. */
void rt_inject_global(G *list)
{
    if (!list)
        return;
    G *tail = list;
    int n = 1;
    while (tail->schedlink) {
        tail = tail->schedlink;
        n++;
    }
    globrunqput_batch(list, tail, n);
    rt_wakep();
}

/* The translator's loop poll calls this when gocc_preempt_req is set. */
void gocc_preempt(void)
{
    gocc_preempt_req = 0;
    gosched();
}
