/*
 * signal.c — signal_notify / signal_stop (Go's os/signal.Notify and Stop)
 * and the runtime's own SIGQUIT goroutine dump.
 *
 * Three pieces:
 *   - on_signal, the handler (any thread, async-signal context, on the
 *     thread's sigaltstack): sets the signal's bit in `pending`, sets
 *     `wakeword` and futex-wakes the relay.  Nothing else: no lock, no
 *     allocation, no split-stack code, errno preserved.  (A futex rather
 *     than a self-pipe: a program that closes every descriptor it does not
 *     know, as daemons do, cannot break it.)
 *   - the relay thread (GC_pthread_create; not an M, owns no P): sleeps on
 *     `wakeword`, takes the pending bits and, for each signal, sends
 *     its number to every channel listening for it with a non-blocking send
 *     (gocc_select with a default): a channel that is not ready loses the
 *     signal, as in Go.  SIGQUIT with nobody listening prints the goroutine
 *     report and exits 2 (rt_sigquit, panic.c), from this thread.
 *   - the table: one record per channel with its signal mask, and per
 *     signal the number of channels listening.  The handler is installed
 *     when a signal gets its first listener; when signal_stop removes the
 *     last one, the action the signal had before is restored (SIG_DFL
 *     unless the program set another).  SIGQUIT stays with the runtime once
 *     rt_signal_init has claimed it.
 *
 * Invariants
 *   - The handler sets the bit before `wakeword`; the relay clears
 *     `wakeword` and re-reads the bits before it sleeps, and sleeps only
 *     while `wakeword` is 0: no wake-up is lost, and a signal is only ever
 *     merged with an undelivered earlier one of the same number (as Go's
 *     pending mask does).
 *   - Table changes and deliveries all happen under tablock, so once
 *     signal_stop(ch) has returned nothing more is sent to ch.
 *   - Records are GC_malloc_uncollectable and reachable from `relays`: a
 *     listening channel stays alive, as Go's handler map keeps it.
 *   - nrelay (records with a non-empty mask) is read lock-free by
 *     rt_signal_waiting, which the deadlock check calls under sched.lock.
 *   - Signals the runtime needs for itself are never taken over: the
 *     collector's suspend/restart signals, the synchronous faults (SIGSEGV,
 *     SIGBUS, SIGFPE, SIGILL: the stack guard and real crashes), and
 *     SIGKILL/SIGSTOP, which cannot be caught.  signal_notify ignores them.
 *
 * Lock order: initlock > tablock > chan.lock > sched.lock (a delivery is a
 * channel send, which may ready a G).  Both locks are runtime spinlocks taken
 * only on a system stack (gocc_systemstack) or on the relay thread; the
 * collector may stop a thread that spins on them, never one inside
 * on_signal's critical path (which takes no lock).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <sys/syscall.h>
#include <unistd.h>
#define GC_THREADS
#include <gc/gc.h>
#include "runtime.h"


#ifndef RT_FIXED_STACK
extern void __splitstack_getcontext(void *ctx[10]);
extern void __splitstack_setcontext(void *ctx[10]);
#endif

#define RT_NSIG 64                      /* signals 1..64: one bit each */
#define RT_RELAY_STACK (256 * 1024)

struct relay {
    gocc_chan *ch;                      /* chan<- int */
    uint64_t mask;                      /* bit sig-1: listening for sig */
    struct relay *next;
};

static _Atomic uint64_t pending;        /* set by on_signal, taken by the relay */
static atomic_int wakeword;             /* 1: the relay has something to look at */

static atomic_int initlock;
static atomic_int inited;               /* the relay thread exists */

static atomic_int tablock;
static struct relay *relays;            /* tablock */
static int nlisten[RT_NSIG + 1];        /* tablock: channels per signal */
static bool installed[RT_NSIG + 1];     /* tablock: on_signal is the action */
static struct sigaction saved[RT_NSIG + 1];     /* tablock: action before */
static bool quit_owned;                 /* tablock: SIGQUIT dumps by default */
static atomic_int nrelay;

static inline uint64_t sigbit(int sig) { return 1ull << (sig - 1); }

/* ---- the handler ----------------------------------------------------- */

static RT_NOSPLIT void on_signal(int sig, siginfo_t *si, void *uc)
{
    (void)si;
    (void)uc;
    int saved_errno = errno;
    atomic_fetch_or_explicit(&pending, sigbit(sig), memory_order_seq_cst);
    atomic_store_explicit(&wakeword, 1, memory_order_seq_cst);
    /* raw syscall, not rt_futexwake: that is split-stack code, and the
     * stack guard in %fs belongs to whatever this thread was running */
    syscall(SYS_futex, &wakeword, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
    errno = saved_errno;
}

/* ---- installing and restoring actions (tablock held) ------------------ */

static void install(int sig)
{
    if (installed[sig])
        return;
    struct sigaction sa = { 0 };
    sa.sa_sigaction = on_signal;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESTART;
    sigfillset(&sa.sa_mask);    /* no second signal frame on the altstack meanwhile */
    if (sigaction(sig, &sa, &saved[sig]) == 0)
        installed[sig] = true;
}

static void uninstall(int sig)
{
    if (!installed[sig] || (sig == SIGQUIT && quit_owned))
        return;
    sigaction(sig, &saved[sig], NULL);
    installed[sig] = false;
}

/* Signals signal_notify may take over (see the invariants above).  Asks
 * libgc: system stack only. */
static bool catchable(int sig)
{
    switch (sig) {
    case SIGKILL: case SIGSTOP:
    case SIGSEGV: case SIGBUS: case SIGFPE: case SIGILL:
        return false;
    }
    return sig != GC_get_suspend_signal() && sig != GC_get_thr_restart_signal();
}

/* ---- the relay thread ------------------------------------------------ */

static void send_nb(gocc_chan *ch, int sig)
{
    int v = sig;
    gocc_selcase cs = { .c = ch, .elem = &v, .dir = GOCC_SELECT_SEND };
    gocc_select(&cs, 1, true);
}

/* Relays one signal to its listeners; SIGQUIT without any is the dump. */
static void deliver(int sig)
{
    int n = 0;
    rt_lock(&tablock);
    for (struct relay *r = relays; r; r = r->next) {
        if (r->mask & sigbit(sig)) {
            send_nb(r->ch, sig);
            n++;
        }
    }
    bool dump = sig == SIGQUIT && n == 0 && quit_owned;
    rt_unlock(&tablock);
    if (dump)
        rt_sigquit();
}

static void relay_loop(void)
{
    for (;;) {
        uint64_t sigs = atomic_exchange_explicit(&pending, 0, memory_order_seq_cst);
        if (!sigs) {
            /* a signal after the exchange above sets wakeword again: the
             * wait then returns at once (value 1 != 0) */
            if (atomic_exchange_explicit(&wakeword, 0, memory_order_seq_cst) == 0)
                rt_futexwait(&wakeword, 0, -1);
            continue;
        }
        while (sigs) {
            int sig = __builtin_ctzll(sigs) + 1;
            sigs &= sigs - 1;
            deliver(sig);
        }
    }
}

/* Like an M's g0, this thread runs on a big fixed stack: a guard of 0 keeps
 * the split-stack code it calls (channels, select) from ever splitting. */
static RT_NOSPLIT void *relay_main(void *arg)
{
    (void)arg;
#ifndef RT_FIXED_STACK
    void *ctx[10];
    __splitstack_getcontext(ctx);
    ctx[3] = 0;
    __splitstack_setcontext(ctx);
#endif
    rt_gc_thread_altstack();    /* pitfall 11: before any suspend signal */
    relay_loop();
    return NULL;
}

/* Creates the relay thread once.  System stack or a plain thread only. */
static void start_relay(void)
{
    if (atomic_load_explicit(&inited, memory_order_acquire))
        return;
    rt_lock(&initlock);
    if (!atomic_load(&inited)) {
        pthread_t th;
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setstacksize(&attr, RT_RELAY_STACK);
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        if (GC_pthread_create(&th, &attr, relay_main, NULL) != 0)
            rt_throw("signal_notify: cannot create the relay thread");
        pthread_attr_destroy(&attr);
        atomic_store_explicit(&inited, 1, memory_order_release);
    }
    rt_unlock(&initlock);
}

/* ---- the table ------------------------------------------------------- */

static struct relay *find(gocc_chan *ch)
{
    for (struct relay *r = relays; r; r = r->next)
        if (r->ch == ch)
            return r;
    return NULL;
}

/* Removes ch's record (tablock held) and returns it, or NULL. */
static struct relay *unlink_relay(gocc_chan *ch)
{
    for (struct relay **pp = &relays; *pp; pp = &(*pp)->next) {
        if ((*pp)->ch == ch) {
            struct relay *r = *pp;
            *pp = r->next;
            return r;
        }
    }
    return NULL;
}

struct notify_req { gocc_chan *ch; uint64_t mask; };

static void notify_ss(void *arg)
{
    struct notify_req *q = arg;
    for (int sig = 1; sig <= RT_NSIG; sig++)
        if ((q->mask & sigbit(sig)) && !catchable(sig))
            q->mask &= ~sigbit(sig);
    if (!q->mask)
        return;
    start_relay();
    /* allocate before locking: this may run a collection, and the relay
     * spins on tablock meanwhile */
    struct relay *fresh = GC_malloc_uncollectable(sizeof *fresh);
    if (!fresh)
        rt_throw("out of memory");
    rt_lock(&tablock);
    struct relay *r = find(q->ch);
    if (!r) {
        r = fresh;
        fresh = NULL;
        r->ch = q->ch;
        r->mask = 0;
        r->next = relays;
        relays = r;
        atomic_fetch_add(&nrelay, 1);
    }
    uint64_t add = q->mask & ~r->mask;
    r->mask |= add;
    for (int sig = 1; sig <= RT_NSIG; sig++)
        if ((add & sigbit(sig)) && nlisten[sig]++ == 0)
            install(sig);
    rt_unlock(&tablock);
    if (fresh)
        GC_free(fresh);
}

static void stop_ss(void *arg)
{
    rt_lock(&tablock);
    struct relay *r = unlink_relay(arg);
    if (r) {
        for (int sig = 1; sig <= RT_NSIG; sig++)
            if ((r->mask & sigbit(sig)) && --nlisten[sig] == 0)
                uninstall(sig);
        atomic_fetch_sub(&nrelay, 1);
    }
    rt_unlock(&tablock);
    if (r)
        GC_free(r);
}

/* ---- the API --------------------------------------------------------- */

void (signal_notify)(gocc_chan *ch, int sig, ...)
{
    if (!ch)
        rt_panic_str("signal_notify using nil channel");
    uint64_t mask = 0;
    va_list ap;
    va_start(ap, sig);
    for (int s = sig; s != 0; s = va_arg(ap, int))
        if (s >= 1 && s <= RT_NSIG)
            mask |= sigbit(s);
    va_end(ap);
    struct notify_req q = { ch, mask };
    if (mask)
        gocc_systemstack(notify_ss, &q);
}

void signal_stop(gocc_chan *ch)
{
    if (ch)
        gocc_systemstack(stop_ss, ch);
}

/* gocc_start, after rt_gc_init, before any goroutine runs: the relay
 * thread, and the runtime's SIGQUIT report (Go's default). */
void rt_signal_init(void)
{
    start_relay();
    rt_lock(&tablock);
    install(SIGQUIT);
    quit_owned = installed[SIGQUIT];
    rt_unlock(&tablock);
}

bool rt_signal_waiting(void)
{
    return atomic_load_explicit(&nrelay, memory_order_relaxed) > 0;
}
