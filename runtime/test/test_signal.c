/*
 * test_signal.c — signal_notify / signal_stop (dialect.md §8, Go's
 * os/signal) and the SIGQUIT goroutine dump.
 *
 * Signals are raised with kill(getpid(), sig) (process-directed: any thread
 * may take it, as with a signal from outside).  Delivery is asynchronous, so
 * tests only block on the channel that must receive the signal; "nothing
 * arrived" is checked only once a later signal on the same relay pass or a
 * later pass has arrived (the relay sends in order, under one lock).
 * Scenarios where the process must die (default action restored, SIGQUIT
 * dump, deadlock) run as child processes (TU_MAIN).
 *
 * The SIGQUIT scenario waits, through the runtime's goroutine list
 * (runtime.h), until the goroutine it expects in the dump is parked, so the
 * dump's content does not depend on timing.
 */
#include "test_util.h"
#include <pthread.h>
#include <time.h>
#include "runtime.h"

static gocc_chan *mkint(long cap) { return gocc_makechan(sizeof(int), _Alignof(int), cap); }

static int recv_int(gocc_chan *c)
{
    int v = -1;
    gocc_chanrecv(c, &v);
    return v;
}

/* non-blocking receive: the value, or -1 when c is not ready */
static int try_recv_int(gocc_chan *c)
{
    int v = -1;
    gocc_selcase cs = { .c = c, .elem = &v, .dir = GOCC_SELECT_RECV };
    return gocc_select(&cs, 1, true) == 0 ? v : -1;
}

struct kill_req { int sig; };

static void kill_ss(void *arg)
{
    kill(getpid(), ((struct kill_req *)arg)->sig);
}

/* kill(getpid(), sig) from goroutine code */
static void raise_sig(int sig)
{
    struct kill_req r = { sig };
    gocc_systemstack(kill_ss, &r);
}

static void puts_flush_ss(void *arg)
{
    fputs(arg, stdout);
    fflush(stdout);
}

/* stdout, flushed: the child may die of a signal right after */
static void say(const char *s) { gocc_systemstack(puts_flush_ss, (void *)s); }

/* ---- delivery ---------------------------------------------------------------- */

static int m_one(int argc, char **argv, char **envp)
{
    gocc_chan *c = mkint(1);
    signal_notify(c, SIGUSR1);
    raise_sig(SIGUSR1);
    GCHECK_EQ(recv_int(c), SIGUSR1);
    raise_sig(SIGUSR1);                 /* still listening: again */
    GCHECK_EQ(recv_int(c), SIGUSR1);
    signal_stop(c);
    return 0;
}

TU_TEST(signal, notify_one_channel) { TU_RUN(m_one); }

static int m_several(int argc, char **argv, char **envp)
{
    gocc_chan *c[3];
    for (int i = 0; i < 3; i++) {
        c[i] = mkint(1);
        signal_notify(c[i], SIGUSR1);
    }
    raise_sig(SIGUSR1);
    for (int i = 0; i < 3; i++)
        GCHECK_EQ(recv_int(c[i]), SIGUSR1);
    for (int i = 0; i < 3; i++)
        signal_stop(c[i]);
    return 0;
}

TU_TEST(signal, notify_several_channels) { TU_RUN(m_several); }

static int m_multi(int argc, char **argv, char **envp)
{
    /* one call with two signals */
    gocc_chan *c = mkint(2);
    signal_notify(c, SIGUSR1, SIGUSR2);
    raise_sig(SIGUSR2);
    raise_sig(SIGUSR1);
    int a = recv_int(c), b = recv_int(c);
    GCHECK_EQ(a < b ? a : b, SIGUSR1);  /* each once, in either order */
    GCHECK_EQ(a < b ? b : a, SIGUSR2);
    /* a second call adds to the channel's set */
    gocc_chan *d = mkint(1);
    signal_notify(d, SIGUSR1);
    signal_notify(d, SIGUSR2);
    raise_sig(SIGUSR2);
    GCHECK_EQ(recv_int(d), SIGUSR2);
    GCHECK_EQ(recv_int(c), SIGUSR2);
    signal_stop(c);
    signal_stop(d);
    return 0;
}

TU_TEST(signal, several_signals_one_channel) { TU_RUN(m_multi); }

/* A channel that is not ready loses the signal (Go's non-blocking send),
 * and a stopped channel gets nothing while others still listen. */
static int m_drop_and_stop_one(int argc, char **argv, char **envp)
{
    gocc_chan *unready = mkint(0), *stopped = mkint(1), *live = mkint(2);
    signal_notify(unready, SIGUSR1);
    signal_notify(stopped, SIGUSR1);
    signal_notify(live, SIGUSR1, SIGUSR2);
    signal_stop(stopped);
    raise_sig(SIGUSR1);
    GCHECK_EQ(recv_int(live), SIGUSR1);
    raise_sig(SIGUSR2);                 /* a later pass: the first one is over */
    GCHECK_EQ(recv_int(live), SIGUSR2);
    GCHECK_EQ(try_recv_int(unready), -1);
    GCHECK_EQ(gocc_chanlen(stopped), 0);
    signal_stop(unready);
    signal_stop(live);
    return 0;
}

TU_TEST(signal, dropped_when_not_ready_and_stopped_channel_gets_nothing)
{
    TU_RUN(m_drop_and_stop_one);
}

/* signal_stop of a channel that never listened, and of nil: no effect */
static int m_stop_unknown(int argc, char **argv, char **envp)
{
    signal_stop(mkint(1));
    signal_stop(NULL);
    return 0;
}

TU_TEST(signal, stop_of_unknown_channel) { TU_RUN(m_stop_unknown); }

/* ---- no deadlock while a relay exists ------------------------------------------ */

static void raise_later(void *arg)
{
    time_sleep(20 * MILLISECOND);
    raise_sig(SIGUSR1);
}

static int m_wait_for_signal(int argc, char **argv, char **envp)
{
    gocc_chan *c = mkint(1);
    signal_notify(c, SIGUSR1);
    gocc_go(raise_later, NULL, __FILE__, __LINE__);
    /* blocked here with the raiser gone, every M idle and no timer: only
     * the relay can wake us */
    GCHECK_EQ(recv_int(c), SIGUSR1);
    signal_stop(c);
    return 0;
}

TU_TEST(signal, blocked_on_notify_channel_is_not_a_deadlock) { TU_RUN(m_wait_for_signal); }

/* The same with the signal from outside the runtime (a plain thread, as
 * from another process): here the deadlock check surely runs while main
 * waits with no goroutine, timer or pending signal left, and must see the
 * relay. */
static void *raise_from_thread(void *arg)
{
    struct timespec d = { 0, 50 * 1000 * 1000 };
    nanosleep(&d, NULL);
    kill(getpid(), SIGUSR1);
    return NULL;
}

static void start_raiser_ss(void *arg)
{
    pthread_t th;
    if (pthread_create(&th, NULL, raise_from_thread, NULL) == 0)
        pthread_detach(th);
    else
        *(bool *)arg = false;
}

static int m_wait_for_outside_signal(int argc, char **argv, char **envp)
{
    gocc_chan *c = mkint(1);
    bool ok = true;
    signal_notify(c, SIGUSR1);
    gocc_systemstack(start_raiser_ss, &ok);
    GCHECK(ok);
    if (ok)
        GCHECK_EQ(recv_int(c), SIGUSR1);
    signal_stop(c);
    return 0;
}

TU_TEST(signal, waiting_for_outside_signal_is_not_a_deadlock) { TU_RUN(m_wait_for_outside_signal); }

/* ---- child scenarios ----------------------------------------------------------- */

/* after the last signal_stop, SIGUSR1's default action kills the process */
static int s_stop_restores_default(int argc, char **argv, char **envp)
{
    gocc_chan *c = mkint(1);
    signal_notify(c, SIGUSR1);
    signal_notify(c, SIGUSR1);          /* the same pair twice counts once */
    raise_sig(SIGUSR1);
    if (recv_int(c) == SIGUSR1)
        say("delivered\n");
    signal_stop(c);
    raise_sig(SIGUSR1);
    for (;;)
        time_sleep(MILLISECOND);        /* the signal ends the process */
    return 0;
}

static int s_deadlock_after_stop(int argc, char **argv, char **envp)
{
    gocc_chan *c = mkint(0);
    signal_notify(c, SIGUSR1);
    signal_stop(c);
    recv_int(c);                        /* no relay any more: a deadlock */
    return 0;
}

/* signals the runtime keeps for itself are ignored: no relay results */
static int s_reserved_ignored(int argc, char **argv, char **envp)
{
    gocc_chan *c = mkint(0);
    signal_notify(c, SIGKILL, SIGSEGV, SIGBUS);
    recv_int(c);
    return 0;
}

static int s_nil_channel(int argc, char **argv, char **envp)
{
    signal_notify(NULL, SIGUSR1);
    return 0;
}

static void blocked_forever(void *arg) { recv_int(arg); }

static const char sigquit_site[] = "sigquit_site.gc";

/* Is the goroutine created at sigquit_site parked?  Read from the
 * runtime's goroutine list; waited for with TU_WAIT (a hang guard, not a
 * timing assertion). */
static bool site_parked(void)
{
    for (G *g = atomic_load(&rt_allg); g; g = g->allnext)
        if (g->file == sigquit_site && atomic_load(&g->state) == G_WAITING)
            return true;
    return false;
}

static int s_sigquit(int argc, char **argv, char **envp)
{
    gocc_go(blocked_forever, mkint(0), sigquit_site, 77);
    TU_WAIT(site_parked());
    say("before\n");
    raise_sig(SIGQUIT);
    for (;;)
        time_sleep(MILLISECOND);        /* the dump ends the process */
    return 0;
}

/* listening for SIGQUIT replaces the dump; signal_stop brings it back */
static int s_sigquit_listened(int argc, char **argv, char **envp)
{
    gocc_chan *c = mkint(1);
    signal_notify(c, SIGQUIT);
    raise_sig(SIGQUIT);
    if (recv_int(c) == SIGQUIT)
        say("got SIGQUIT\n");
    signal_stop(c);
    raise_sig(SIGQUIT);
    for (;;)
        time_sleep(MILLISECOND);
    return 0;
}

static const struct tu_scenario scenarios[] = {
    { "stop_restores_default", s_stop_restores_default },
    { "deadlock_after_stop", s_deadlock_after_stop },
    { "reserved_ignored", s_reserved_ignored },
    { "nil_channel", s_nil_channel },
    { "sigquit", s_sigquit },
    { "sigquit_listened", s_sigquit_listened },
    { NULL, NULL },
};

TU_MAIN(scenarios)

#define DEADLOCK "fatal error: all goroutines are asleep - deadlock!"

TU_TEST(signal, stop_restores_default_action)
{
    static struct tu_child r;
    tu_run_child("stop_restores_default", &r);
    cr_assert(!r.exited && r.code == SIGUSR1,
              "child %s %d, want killed by SIGUSR1 (%d); stderr:\n%s",
              r.exited ? "exited with" : "killed by signal", r.code, SIGUSR1, r.err);
    cr_assert_str_eq(r.out, "delivered\n");
}

TU_TEST(signal, no_relay_after_stop_means_deadlock)
{
    static struct tu_child r;
    tu_run_child("deadlock_after_stop", &r);
    TU_ASSERT_CHILD(&r, 2, DEADLOCK);
}

TU_TEST(signal, reserved_signals_are_ignored)
{
    static struct tu_child r;
    tu_run_child("reserved_ignored", &r);
    TU_ASSERT_CHILD(&r, 2, DEADLOCK);
}

TU_TEST(signal, nil_channel_panics)
{
    static struct tu_child r;
    tu_run_child("nil_channel", &r);
    TU_ASSERT_CHILD(&r, 2, "panic: signal_notify using nil channel");
}

TU_TEST(signal, sigquit_dump)
{
    static struct tu_child r;
    const char *first = "SIGQUIT: quit\n\n";
    tu_run_child("sigquit", &r);
    TU_ASSERT_CHILD(&r, 2, "SIGQUIT: quit");
    cr_assert(strncmp(r.err, first, strlen(first)) == 0,
              "stderr does not start with \"SIGQUIT: quit\":\n%s", r.err);
    cr_assert(strstr(r.err, "\ngoroutine 1 [") != NULL, "no main goroutine:\n%s", r.err);
    cr_assert(strstr(r.err, " [chan receive]:\ncreated at sigquit_site.gc:77\n") != NULL,
              "no blocked goroutine with its wait reason and creation site:\n%s", r.err);
    cr_assert_str_eq(r.out, "before\n");
}

TU_TEST(signal, sigquit_listened_then_stopped)
{
    static struct tu_child r;
    tu_run_child("sigquit_listened", &r);
    TU_ASSERT_CHILD(&r, 2, "SIGQUIT: quit");
    cr_assert_str_eq(r.out, "got SIGQUIT\n");
}
