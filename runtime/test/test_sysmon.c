/*
 * test_sysmon.c — the monitor thread: a goroutine blocked in a system call
 * gives its P away (gocc_syscall_enter/exit), and a goroutine spinning in a
 * loop with the translator's poll does not starve the others.  Both are
 * written so that a runtime without the feature hangs (and the test times
 * out) rather than passing by luck: on GOMAXPROCS=1 the only thing that can
 * run the second goroutine is the P handed off or the spinner preempted.
 */
#include "test_util.h"

#include <sys/syscall.h>
#include <time.h>

/* ---- hand-off around a blocking call ------------------------------------ */

static int sc_pipe[2];
static WaitGroup sc_wg;
static atomic_int sc_progress;

struct rw { int fd; long val; long ret; };

static void do_read(void *arg)
{
    struct rw *r = arg;
    r->ret = read(r->fd, &r->val, sizeof r->val);
}

static void do_write(void *arg)
{
    struct rw *r = arg;
    r->ret = write(r->fd, &r->val, sizeof r->val);
}

static void do_pipe(void *arg) { GCHECK_EQ(pipe(arg), 0); }

/* Blocks in read(2) on the P until the other goroutine writes the pipe. */
static void sc_reader(void *arg)
{
    (void)arg;
    struct rw r = { sc_pipe[0], 0, 0 };
    gocc_syscall_enter();
    gocc_systemstack(do_read, &r);
    gocc_syscall_exit();
    GCHECK_EQ(r.ret, (long)sizeof r.val);
    GCHECK_EQ(r.val, 4242);
    GCHECK_EQ(atomic_load(&sc_progress), 1000);
    wg_done(&sc_wg);
}

static void sc_writer(void *arg)
{
    (void)arg;
    for (int i = 0; i < 1000; i++) {
        atomic_fetch_add(&sc_progress, 1);
        gosched();
    }
    struct rw w = { sc_pipe[1], 4242, 0 };
    gocc_systemstack(do_write, &w);
    GCHECK_EQ(w.ret, (long)sizeof w.val);
    wg_done(&sc_wg);
}

static int m_handoff(int argc, char **argv, char **envp)
{
    gocc_systemstack(do_pipe, sc_pipe);
    wg_add(&sc_wg, 2);
    gocc_go(sc_reader, NULL, __FILE__, __LINE__);
    time_sleep(MILLISECOND);            /* let the reader block first */
    gocc_go(sc_writer, NULL, __FILE__, __LINE__);
    wg_wait(&sc_wg);
    return 0;
}

TU_TEST(sysmon, blocked_syscall_hands_off_its_p) { TU_RUN(m_handoff); }

/* Many short and long calls from many goroutines: the P changes hands back
 * and forth, every goroutine finishes, nothing is lost. */
#define CHURN_G 16
static WaitGroup churn_wg;
static atomic_long churn_sum;

static void do_nap(void *arg)
{
    struct timespec ts = { 0, (long)(intptr_t)arg };
    nanosleep(&ts, NULL);
}

static void churner(void *arg)
{
    long id = (long)(intptr_t)arg;
    for (int i = 0; i < 40; i++) {
        gocc_syscall_enter();
        gocc_systemstack(do_nap, (void *)(intptr_t)(i % 4 == 0 ? 200000 : 1000));
        gocc_syscall_exit();
        atomic_fetch_add(&churn_sum, id);
        if (i % 8 == 0)
            gosched();
    }
    wg_done(&churn_wg);
}

static int m_churn(int argc, char **argv, char **envp)
{
    wg_add(&churn_wg, CHURN_G);
    for (long i = 1; i <= CHURN_G; i++)
        gocc_go(churner, (void *)(intptr_t)i, __FILE__, __LINE__);
    wg_wait(&churn_wg);
    GCHECK_EQ(atomic_load(&churn_sum), 40L * CHURN_G * (CHURN_G + 1) / 2);
    TU_WAIT(numgoroutine() == 1);
    GCHECK_EQ(numgoroutine(), 1);
    return 0;
}

TU_TEST(sysmon, syscall_churn_loses_no_goroutine) { TU_RUN(m_churn); }

/* A goroutine in a long system call is not a deadlock: main waits on a
 * channel that only the caller fills after the call. */
static gocc_chan *dl_ch;

static void dl_sleeper(void *arg)
{
    (void)arg;
    gocc_syscall_enter();
    gocc_systemstack(do_nap, (void *)(intptr_t)50000000);
    gocc_syscall_exit();
    long v = 7;
    gocc_chansend(dl_ch, &v);
}

static int m_not_dead(int argc, char **argv, char **envp)
{
    dl_ch = gocc_makechan(sizeof(long), _Alignof(long), 0);
    gocc_go(dl_sleeper, NULL, __FILE__, __LINE__);
    long v = 0;
    gocc_chanrecv(dl_ch, &v);
    GCHECK_EQ(v, 7);
    return 0;
}

TU_TEST(sysmon, goroutine_in_syscall_is_not_deadlock) { TU_RUN(m_not_dead); }

/* ---- preemption of a call-free loop ----------------------------------- */

static atomic_int spin_stop;
static atomic_long spin_iters;
static WaitGroup spin_wg;

/* What the translator emits at the back-edge of a loop without calls. */
static void spinner(void *arg)
{
    (void)arg;
    long n = 0;
    while (!atomic_load_explicit(&spin_stop, memory_order_relaxed)) {
        n++;
        if (__builtin_expect(gocc_preempt_req, 0))
            gocc_preempt();
    }
    atomic_store(&spin_iters, n);
    wg_done(&spin_wg);
}

static int m_preempt(int argc, char **argv, char **envp)
{
    wg_add(&spin_wg, 1);
    gocc_go(spinner, NULL, __FILE__, __LINE__);
    gosched();                          /* the spinner now owns the P */
    time_sleep(5 * MILLISECOND);        /* needs the spinner preempted */
    atomic_store(&spin_stop, 1);
    wg_wait(&spin_wg);
    GCHECK(atomic_load(&spin_iters) > 0);
    return 0;
}

TU_TEST(sysmon, spinning_goroutine_does_not_starve_a_sleeper) { TU_RUN(m_preempt); }

TU_MAIN(NULL)
