/*
 * sysmon.c — the monitor thread: hands the P of a goroutine stuck in a
 * system call to another M, and asks goroutines that run too long without
 * a switch to yield.
 *
 * Every P publishes a counter bumped at each system call (p->syscalltick)
 * and every M one bumped at each switch (m->schedtick).  sysmon samples
 * them: the same odd state on two samples far enough apart means one long
 * call (20 us: retake, rt_retake decides) or one long run (10 ms: set the
 * thread's gocc_preempt_req, which the loop polls read).
 *
 * Invariants
 *   - sysmon is a plain thread, not an M and not registered with the
 *     collector: it reads scheduler fields racily (sampling), writes only
 *     preempt flags, changes ownership of a P only through rt_retake's
 *     CAS, and polls the network when no M did for 10 ms (the Gs it
 *     readies go to the global queue).  This file does not include gc.h, so pthread_create is libc's.
 *   - Adaptive period: 20 us while something is in a system call or was
 *     recently, doubling up to 10 ms when quiet; asleep on a futex (100 ms
 *     at most) while no M is busy; rt_entersyscall wakes it early.  An idle
 *     program costs about ten wake-ups a second.
 * Lock order: takes sched.lock only inside rt_retake (as any M would).
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>
#include "runtime.h"

#define SYSCALL_RETAKE_NS 20000         /* hand the P off after 20 us */
#define PREEMPT_NS 10000000             /* a goroutine's time slice */
#define MIN_DELAY_NS 20000
#define MAX_DELAY_NS 10000000
#define DEEP_SLEEP_NS 100000000
#define NETPOLL_NS 10000000             /* poll the network if no M did for 10 ms */

static atomic_int sleeping;             /* futex word: 1 while in deep sleep */

/* What sysmon saw last on each P. */
struct sample {
    uint32_t syscalltick;
    int64_t syscallwhen;
    uint32_t schedtick;
    int64_t schedwhen;
    M *m;
};
static struct sample samples[RT_MAXPROCS];

void rt_sysmon_wake(void)
{
    if (RT_UNLIKELY(atomic_load_explicit(&sleeping, memory_order_relaxed)) &&
        atomic_exchange(&sleeping, 0))
        rt_futexwake(&sleeping, 1);
}

/* One P in a system call; true when it was handed off. */
static bool check_syscall(P *p, struct sample *s, int64_t now)
{
    uint32_t t = atomic_load_explicit(&p->syscalltick, memory_order_relaxed);
    if (t != s->syscalltick) {
        s->syscalltick = t;
        s->syscallwhen = now;
        return false;
    }
    if (now - s->syscallwhen < SYSCALL_RETAKE_NS)
        return false;
    return rt_retake(p, now - s->syscallwhen);
}

/* One P running goroutines: flag its thread after a 10 ms slice. */
static void check_run(P *p, struct sample *s, int64_t now)
{
    M *m = atomic_load_explicit(&p->m, memory_order_relaxed);
    volatile int *flag = m ? __atomic_load_n(&m->preemptp, __ATOMIC_ACQUIRE) : NULL;
    if (!flag)
        return;
    uint32_t t = atomic_load_explicit(&m->schedtick, memory_order_relaxed);
    if (m != s->m || t != s->schedtick) {
        s->m = m;
        s->schedtick = t;
        s->schedwhen = now;
        return;
    }
    if (now - s->schedwhen >= PREEMPT_NS &&
        __atomic_load_n(&m->curg, __ATOMIC_RELAXED) != &m->g0 &&
        !__atomic_load_n(&m->onidle, __ATOMIC_RELAXED)) {
        __atomic_store_n(flag, 1, __ATOMIC_RELAXED);
        s->schedwhen = now;
    }
}

static void sleep_ns(int64_t ns)
{
    struct timespec ts = { ns / 1000000000, ns % 1000000000 };
    nanosleep(&ts, NULL);
}

static void *sysmon(void *arg)
{
    (void)arg;
    prctl(PR_SET_TIMERSLACK, 1UL, 0, 0, 0);    /* 20 us must mean 20 us */
    int64_t delay = MIN_DELAY_NS, lastpoll = 0;
    int quiet = 0;
    for (;;) {
        if (!rt_busy()) {
            atomic_store(&sleeping, 1);
            if (!rt_busy())
                rt_futexwait(&sleeping, 1, DEEP_SLEEP_NS);
            atomic_store(&sleeping, 0);
            delay = MIN_DELAY_NS;
            quiet = 0;
        } else {
            sleep_ns(delay);
        }
        if (atomic_load(&rt_sched.done) || atomic_load(&rt_sched.dying))
            return NULL;
        int64_t now = rt_nanotime();
        bool insys = false;
        int np = rt_sched.nm;
        for (int i = 0; i < np; i++) {
            P *p = &rt_allp[i];
            if (atomic_load_explicit(&p->status, memory_order_acquire) == P_SYSCALL) {
                insys = true;
                check_syscall(p, &samples[i], now);
            } else {
                check_run(p, &samples[i], now);
            }
        }
        /* Ms poll the network only when they run out of work: with every P
         * busy, I/O readiness would wait for ever (Go's sysmon does this) */
        if (rt_netpoll_waiting() && now - lastpoll >= NETPOLL_NS) {
            lastpoll = now;
            rt_inject_global(rt_netpoll(0));
        }
        if (insys)
            quiet = 0;
        else
            quiet++;
        delay = quiet < 50 ? MIN_DELAY_NS
              : (delay * 2 > MAX_DELAY_NS ? MAX_DELAY_NS : delay * 2);
    }
}

void rt_sysmon_start(void)
{
    pthread_t th;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&attr, 256 << 10);
    if (pthread_create(&th, &attr, sysmon, NULL) != 0) {
        fprintf(stderr, "fatal error: cannot create sysmon thread\n");
        _exit(2);
    }
    pthread_attr_destroy(&attr);
}
