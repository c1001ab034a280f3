/*
 * runtime.h — internal structures of libgocc: G (goroutine), M (OS thread),
 * P (processor: the right to run Go code, with its run queue and timers),
 * the waiter record that parks a G on a wait queue, and the scheduler.
 *
 * Invariants
 *   - A G runs on at most one M; a P is owned by at most one M at a time.
 *     An M keeps its P while idle; it loses it only while its goroutine is
 *     in a system call (P_SYSCALL): sysmon may then claim the P (CAS to
 *     P_HANDOFF) and give it to a spare M.  The M coming back from the call
 *     wins the P back with a CAS to P_RUNNING or, when sysmon won, takes an
 *     idle M's P or queues its G globally and becomes a spare itself.
 *   - A G becomes visible to other Ms (run queue, wait queue unlock) only
 *     after its M has switched off its stack: the parking G leaves an
 *     "after-switch" action in m->afterfn that the next context runs once it
 *     is on its own stack (rt_gswitch).  This is what makes the direct
 *     G-to-G switch safe without passing through g0.
 *   - m->curg changes only on the resumed side of a switch.  The GC scans a
 *     G that is some M's curg conservatively (all its segments), any other G
 *     exactly from its saved sp, which the asm switch wrote before the
 *     stack pointer moved.
 *   - Between rt_swap and __splitstack_setcontext only no_split_stack code
 *     runs (the TLS guard still belongs to the previous context).
 *   - Parked Gs' waiter records live on their own stacks: stacks never move.
 *
 * Lock order (take left before right; all are spinlocks, held briefly,
 * never across a switch except as the after-switch release):
 *   Context.lock, time.c's per-timer lock (never nested with each other) >
 *   select's channel locks (by address) > chan.lock > timers lock (P) >
 *   sched.lock > sched.gflock
 *   fd locks (several only in rt_netpoll_waitmany, by address) > timers
 *   lock (P) > sched.lock; never together with a channel lock
 *   Cond.lock > Mutex.lock;  WaitGroup.lock, RWMutex.lock, Mutex.lock are
 *   leaves with respect to each other and take only sched locks (rt_ready).
 */
#ifndef GOCC_RUNTIME_H
#define GOCC_RUNTIME_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include "gocc.h"

#define RT_NOSPLIT __attribute__((no_split_stack))
#define RT_NOINLINE __attribute__((noinline))
#define RT_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define RT_LIKELY(x) __builtin_expect(!!(x), 1)

#define RT_MAXPROCS 256
#define RT_RUNQ 256             /* per-P local run queue (power of 2) */
#define RT_MAXM 1280            /* Ms: one per P plus spares for system calls */

#ifdef RT_FIXED_STACK
#if defined(__SANITIZE_THREAD__)
#define RT_STACK_SIZE (1 << 20)       /* TSan maps shadow per stack: keep it small */
#else
#define RT_STACK_SIZE (8 << 20)       /* fixed mmap stack (lazily touched) + guard page */
#endif
#else
#ifndef RT_STACK_SIZE
#define RT_STACK_SIZE 2048            /* runtime-owned first segment */
#endif
#define RT_STACK_HEADROOM 768         /* below the guard: __morestack (<= 552 B), leaf libc */
#define RT_LIBGCC_BACKOFF 0xe00       /* libgcc 12 BACKOFF, checked at start */
#endif

enum { G_IDLE, G_RUNNABLE, G_RUNNING, G_WAITING, G_DEAD };
enum { P_RUNNING, P_SYSCALL, P_HANDOFF };

typedef struct G G;
typedef struct M M;
typedef struct P P;
typedef struct rt_timer rt_timer;
typedef struct rt_waiter rt_waiter;

/* A timer in a P's heap.  fn runs on the M that finds it expired, with no
 * lock held, and must not block. */
struct rt_timer {
    int64_t when;               /* monotonic ns; 0 = not in a heap */
    int64_t period;             /* > 0: ticker */
    void (*fn)(void *arg, int64_t now);
    void *arg;
    P *_Atomic p;               /* heap it is in (NULL: none) */
    int idx;                    /* index in p's heap */
};

/* A G parked on a wait queue (channel, select case, sync primitive). */
struct rt_waiter {
    G *g;
    void *elem;                 /* data to send / where to receive */
    rt_waiter *next, *prev;
    gocc_chan *c;
    int caseidx;                /* select: the case; -1 otherwise */
    bool success;               /* chan: false when woken by close */
    bool isselect;
    bool queued;
};

typedef struct rt_waitq { rt_waiter *first, *last; } rt_waitq;

struct G {
    void *sp;                   /* saved by rt_swap / systemstack */
#ifndef RT_FIXED_STACK
    void *ss[10];               /* libgcc split-stack context */
#endif
    atomic_int insys;           /* on the system stack, sp published */
    atomic_int state;
    char *stack_lo, *stack_hi;  /* own first segment / fixed stack */
    int64_t id;
    void (*fn)(void *);
    void *arg;
    const char *file;
    int line;
    bool ismain;
    const char *waitreason;
    G *schedlink;
    void *param;                /* select: the waiter that fired */
    atomic_int selectdone;
    int err;                    /* errno while switched out */
    gocc_frame *frames;         /* frames with deferred calls (defer.c) */
    struct rt_panic *panic;     /* panics in progress (defer.c) */
    const char *pfile;          /* where the last panic() was called */
    int pline;
    G *allnext;
    M *lockedm;                 /* in a callback from C whose frames are on
                                   this M's system stack: runs only there */
#ifdef RT_FIXED_STACK
    void *tsan_fiber;
    void *asan_fake;
#endif
};

struct P {
    int id;
    _Atomic uint32_t head, tail;
    G *_Atomic runnext;
    G *runq[RT_RUNQ];
    G *gfree;                   /* dead Gs with their stacks, owner only */
    int ngfree;
    uint32_t schedtick;
    _Atomic int64_t ngo;        /* created here - exited here (owner writes) */
    /* timers (tlock protects all but timer0) */
    atomic_int tlock;
    rt_timer **theap;
    int tlen, tcap;
    _Atomic int64_t timer0;     /* earliest when, 0 = none */
    M *_Atomic m;
    atomic_int status;          /* P_RUNNING, P_SYSCALL, P_HANDOFF */
    _Atomic uint32_t syscalltick;   /* +1 per system call: sysmon's clock */
};

struct M {
    G g0;                       /* the thread's own stack */
    G *curg;
    P *p;
    int id;
    void (*afterfn)(void *);
    void *afterarg;
    bool spinning;
    atomic_int parkword;        /* futex word for idle parking */
    M *idlenext;
    bool onidle;
    atomic_bool retired;        /* parked by a gomaxprocs decrease */
    char *g0_lo, *g0_hi;
    void *_Atomic stop_sp;      /* set by the GC suspend wrapper */
    void *stop_list, *stop_cur;
    char *altstack;
    uint64_t rand;
    int sys_depth;
    int *errnop;                /* this thread's errno (constant per thread) */
    unsigned long thread;
    int syscall_depth;          /* nested rt_entersyscall */
    atomic_int insyscall;       /* in a system call: not a deadlock */
    atomic_bool inpoll;         /* idle and blocked in rt_netpoll */
    _Atomic uint32_t schedtick; /* +1 per switch: sysmon's preemption clock */
    volatile int *preemptp;     /* this thread's gocc_preempt_req */
    M *sparenext;
    char *systop;               /* a callback runs: the system stack's free
                                   part starts here, below the C frames */
    atomic_int lockword;        /* futex: a P for this locked M is in nextp */
    P *_Atomic nextp;
};

#define RT_CACHELINE __attribute__((aligned(64)))

struct rt_sched {
    /* fields that different Ms write often sit on separate cache lines */
    RT_CACHELINE atomic_int lock;
    G *runqhead, *runqtail;
    _Atomic int runqsize;
    RT_CACHELINE _Atomic int nidle;  /* Ms on the idle list */
    _Atomic int nspinning;
    M *midle;
    _Atomic int gomaxprocs;
    _Atomic int nm;             /* Ms started (== Ps in use or retired) */
    _Atomic int nretired;       /* written under lock, sampled by sysmon */
    RT_CACHELINE atomic_int gflock;
    G *gfree;
    _Atomic int ngfree;         /* written under gflock, peeked without */
    RT_CACHELINE _Atomic int64_t goidgen;
    _Atomic int ngoroutine;     /* created before any P ran; see P.ngo */
    atomic_int done;            /* main returned */
    int mainret;
    atomic_int dying;           /* a fatal error is being reported */
    _Atomic int mcount;         /* Ms created (rt_allm[0..mcount)) */
    M *mspare;                  /* Ms without a P, parked (sched.lock) */
    atomic_int polling;         /* an idle M is blocked in rt_netpoll */
};

extern struct rt_sched rt_sched;
extern M rt_allm[RT_MAXM];
extern P rt_allp[RT_MAXPROCS];
extern G *_Atomic rt_allg;      /* list through G.allnext, never shrinks */

/* The M of the current thread.  Read through %fs with an asm volatile so the
 * compiler can never reuse a thread pointer across a switch (pitfall 9). */
extern __thread M *rt_tls_m __attribute__((tls_model("local-exec")));
static inline __attribute__((always_inline)) M *getm(void)
{
    M *m;
    __asm__ volatile("movq %%fs:rt_tls_m@tpoff, %0" : "=r"(m));
    return m;
}
static inline __attribute__((always_inline)) G *getg(void)
{
    M *m = getm();
    return m ? m->curg : NULL;
}

/* spinlocks */
static inline void rt_unlock(atomic_int *l)
{
    atomic_store_explicit(l, 0, memory_order_release);
}
void rt_lock_slow(atomic_int *l);
static inline void rt_lock(atomic_int *l)
{
    if (RT_LIKELY(!atomic_exchange_explicit(l, 1, memory_order_acquire)))
        return;
    rt_lock_slow(l);
}
static inline bool rt_trylock(atomic_int *l)
{
    return !atomic_exchange_explicit(l, 1, memory_order_acquire);
}
void rt_unlock_fn(void *l);     /* as an after-switch action */

/* asm_amd64.S */
void rt_swap(void **save_sp, void *new_sp);
void rt_trampoline(void);
void rt_sysstack(void *top, void (*fn)(void *), void *arg, void **save_sp,
                 atomic_int *insys);
void *rt_getsp(void);
void rt_cbstack(void *gsp, void (*fn)(void *), void *arg, void **save_sp,
                atomic_int *insys);

/* proc.c */
void rt_park(void (*unlockf)(void *), void *arg, const char *reason);
void rt_ready(G *g, bool wake);

/* Readies a chain of Gs linked through schedlink: a wait queue drained
 * under its lock, woken after the lock is dropped. */
static inline void rt_ready_list(G *list)
{
    while (list) {
        G *g = list;
        list = g->schedlink;
        rt_ready(g, list != NULL);
    }
}
void rt_ready_fifo(G *g);
uint32_t rt_fastrand(void);
int64_t rt_nanotime(void);
void rt_futexwait(atomic_int *addr, int val, int64_t ns);
void rt_futexwake(atomic_int *addr, int n);
void rt_wakep(void);
void rt_gentry(G *g);

/* stack.c */
void rt_stack_alloc(G *g);
void rt_stack_init(G *g, void (*entry)(G *));
void rt_stack_check(void);
void rt_stack_recycle(G *g);
void rt_m_signal_stack(M *m);
void rt_stack_init_g0(M *m);

/* gc.c */
void rt_gc_init(void);
void rt_gc_thread_init(M *m);
void rt_gc_thread_altstack(void);   /* for registered threads that are not Ms */
void *rt_alloc_uncollectable(size_t n);
void rt_free(void *p);
void *rt_alloc(size_t n);

/* time.c */
void rt_timer_add(rt_timer *t, int64_t when);
bool rt_timer_del(rt_timer *t);
int rt_run_timers(P *p, int64_t now);
int64_t rt_next_timer(void);
bool rt_timers_pending(void);

/* netpoll.c: the scheduler's side of the epoll netpoller */
void rt_netpoll_init(void);     /* gocc_start: epoll set; RLIMIT_NOFILE soft = hard */
G *rt_netpoll(int64_t wait_ns); /* Gs made ready, chained through schedlink;
                                   wait_ns < 0 blocks, 0 only polls; g0 or sysmon */
void rt_netpoll_break(void);    /* wakes an M blocked in rt_netpoll */
bool rt_netpoll_waiting(void);  /* a goroutine waits for I/O: not a deadlock */

/* netpoll.c: descriptor table and parking, for syscall.c */
enum { RT_FD_UNKNOWN, RT_FD_POLL, RT_FD_USERNB, RT_FD_SYS };
enum { RT_POLL_READ = 1, RT_POLL_WRITE = 2 };
#define RT_PROBE_RETRY (-1)
typedef struct rt_pollwant { int fd, mode; uint64_t tok; } rt_pollwant;
int rt_netpoll_kind(int fd, bool classify);
uint64_t rt_netpoll_token(int fd, int mode);
int rt_netpoll_probe(int fd, uint64_t tok);
int rt_netpoll_waitmany(rt_pollwant *w, int n, int64_t deadline);
int rt_netpoll_block(int fd, int mode, uint64_t tok, int64_t deadline);
int rt_netpoll_wait(int fd, int mode, int64_t deadline);
void rt_netpoll_close(int fd);
void rt_netpoll_reset(int fd);
void rt_netpoll_dup(int oldfd, int newfd);
void rt_netpoll_accepted(int fd, bool usernb);
void rt_netpoll_unmanage(int fd);
int rt_netpoll_setfl(int fd, int flags);

/* proc.c: a call that may block the thread; sysmon may hand the P away */
void rt_entersyscall(void);
void rt_exitsyscall(void);
/* proc.c, for sysmon.c */
bool rt_retake(P *p, int64_t insyscall_ns);   /* hands p to a spare M */
bool rt_busy(void);                           /* some M is not idle */
void rt_inject_global(G *list);               /* Gs chained through schedlink: global queue */
void rt_sysmon_start(void);                   /* sysmon.c */
void rt_sysmon_wake(void);                    /* sysmon.c: leave deep sleep */

/* signal.c */
bool rt_signal_waiting(void);   /* a relay exists: its waiters are not deadlocked */
void rt_signal_init(void);      /* gocc_start, after rt_gc_init: relay thread, SIGQUIT */

/* defer.c */
void rt_unwind(const char *msg);    /* returns only when nobody recovered */
void rt_goexit_defers(void);

/* panic.c */
void rt_throw(const char *msg) __attribute__((noreturn));
void rt_panic_str(const char *msg) __attribute__((noreturn));
void rt_deadlock(void) __attribute__((noreturn));
void rt_sigquit(void) __attribute__((noreturn));   /* SIGQUIT report, from signal.c */

/* wait queues */
static inline void rt_waitq_push(rt_waitq *q, rt_waiter *w)
{
    w->next = NULL;
    w->prev = q->last;
    if (q->last)
        q->last->next = w;
    else
        q->first = w;
    q->last = w;
    w->queued = true;
}
static inline void rt_waitq_remove(rt_waitq *q, rt_waiter *w)
{
    if (!w->queued)
        return;
    if (w->prev)
        w->prev->next = w->next;
    else
        q->first = w->next;
    if (w->next)
        w->next->prev = w->prev;
    else
        q->last = w->prev;
    w->next = w->prev = NULL;
    w->queued = false;
}
/* Pops the first waiter that may be woken: a select waiter whose G was
 * already claimed by another case is dropped (its G removes the rest). */
static inline rt_waiter *rt_waitq_pop(rt_waitq *q)
{
    for (;;) {
        rt_waiter *w = q->first;
        if (!w)
            return NULL;
        rt_waitq_remove(q, w);
        if (w->isselect) {
            int z = 0;
            if (!atomic_compare_exchange_strong(&w->g->selectdone, &z, 1))
                continue;
        }
        return w;
    }
}

#endif
