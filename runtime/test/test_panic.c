/*
 * test_panic.c — runtime errors (dialect.md §7), process-isolated: panics on
 * channel misuse, panic() with a printf-style message, deadlock detection;
 * each must print Go's wording on stderr (stdio flushed first) and exit 2.
 *
 * Each scenario runs as a child process (this binary with
 * `--gocc-child NAME`, see TU_MAIN in test_util.h) so the test can check the
 * exit status, stdout and stderr.  A few scenarios also run directly under
 * Criterion's `.exit_code = 2`.
 */
#include "test_util.h"

static gocc_chan *mkchan(long cap) { return gocc_makechan(sizeof(long), _Alignof(long), cap); }

/* ---- scenarios (each is a main goroutine) ------------------------------------ */

static int s_send_closed(int argc, char **argv, char **envp)
{
    gocc_chan *c = mkchan(1);
    gocc_chanclose(c);
    long v = 1;
    gocc_chansend(c, &v);
    return 0;
}

static int s_send_closed_unbuffered(int argc, char **argv, char **envp)
{
    gocc_chan *c = mkchan(0);
    gocc_chanclose(c);
    long v = 1;
    gocc_chansend(c, &v);
    return 0;
}

static void closer_later(void *arg)
{
    tu_let_others_run();
    gocc_chanclose((gocc_chan *)arg);
}

/* a sender blocked on an unbuffered channel panics when it is closed */
static int s_send_blocked_then_closed(int argc, char **argv, char **envp)
{
    gocc_chan *c = mkchan(0);
    gocc_go(closer_later, c, __FILE__, __LINE__);
    long v = 1;
    gocc_chansend(c, &v);
    return 0;
}

static int s_close_closed(int argc, char **argv, char **envp)
{
    gocc_chan *c = mkchan(0);
    gocc_chanclose(c);
    gocc_chanclose(c);
    return 0;
}

static int s_close_nil(int argc, char **argv, char **envp)
{
    gocc_chanclose(NULL);
    return 0;
}

static int s_makechan_negative(int argc, char **argv, char **envp)
{
    gocc_makechan(sizeof(long), _Alignof(long), -1);
    return 0;
}

static int s_makechan_huge(int argc, char **argv, char **envp)
{
    /* 8 << 60 bytes: Go panics with the same message */
    gocc_makechan(sizeof(long), _Alignof(long), 1L << 60);
    return 0;
}

static int s_panic_fmt(int argc, char **argv, char **envp)
{
    panic("custom %d %s", 42, "boom");
}

static void panicking_goroutine(void *arg)
{
    gocc_chanclose(NULL);
}

static int s_panic_in_goroutine(int argc, char **argv, char **envp)
{
    gocc_go(panicking_goroutine, NULL, __FILE__, __LINE__);
    gocc_chanrecv(mkchan(0), NULL);            /* blocks; the panic ends the process */
    return 0;
}

static int s_panic_flushes_stdout(int argc, char **argv, char **envp)
{
    tu_puts("output before the panic\n");
    tu_puts("no newline at the end");
    gocc_chanclose(NULL);
    return 0;
}

static int s_deadlock_recv(int argc, char **argv, char **envp)
{
    gocc_chanrecv(mkchan(0), NULL);
    return 0;
}

static int s_deadlock_send(int argc, char **argv, char **envp)
{
    long v = 1;
    gocc_chan *c = mkchan(1);
    gocc_chansend(c, &v);
    gocc_chansend(c, &v);                      /* full */
    return 0;
}

static int s_deadlock_nil_recv(int argc, char **argv, char **envp)
{
    gocc_chanrecv(NULL, NULL);
    return 0;
}

static int s_deadlock_nil_send(int argc, char **argv, char **envp)
{
    long v = 1;
    gocc_chansend(NULL, &v);
    return 0;
}

static int s_deadlock_select_empty(int argc, char **argv, char **envp)
{
    gocc_select(NULL, 0, false);               /* select {} */
    return 0;
}

static int s_deadlock_select_nil(int argc, char **argv, char **envp)
{
    long v;
    gocc_selcase cs[2] = {
        { .c = NULL, .elem = &v, .dir = GOCC_SELECT_RECV },
        { .c = NULL, .elem = &v, .dir = GOCC_SELECT_SEND },
    };
    gocc_select(cs, 2, false);
    return 0;
}

static int s_deadlock_select(int argc, char **argv, char **envp)
{
    long v;
    gocc_selcase cs[2] = {
        { .c = mkchan(0), .elem = &v, .dir = GOCC_SELECT_RECV },
        { .c = mkchan(0), .elem = &v, .dir = GOCC_SELECT_SEND },
    };
    gocc_select(cs, 2, false);
    return 0;
}

static int s_deadlock_wg(int argc, char **argv, char **envp)
{
    WaitGroup wg = {0};
    wg_add(&wg, 1);
    wg_wait(&wg);
    return 0;
}

static int s_deadlock_mutex(int argc, char **argv, char **envp)
{
    Mutex m = {0};
    mutex_lock(&m);
    mutex_lock(&m);
    return 0;
}

static int s_deadlock_cond(int argc, char **argv, char **envp)
{
    Mutex m = {0};
    Cond c = {0};
    mutex_lock(&m);
    cond_wait(&c, &m);
    return 0;
}

static void blocked_forever(void *arg)
{
    gocc_chanrecv((gocc_chan *)arg, NULL);
}

/* Many goroutines blocked, created at a known site: the report names it. */
static int s_deadlock_many(int argc, char **argv, char **envp)
{
    gocc_chan *c = mkchan(0);
    for (int i = 0; i < 10; i++)
        gocc_go(blocked_forever, c, "deadlock_site.gc", 4242);
    gocc_go(blocked_forever, c, NULL, 0);      /* creation site unknown */
    tu_puts("partial line, unflushed");
    tu_let_others_run();
    WaitGroup wg = {0};
    wg_add(&wg, 1);
    wg_wait(&wg);
    return 0;
}

/* Not deadlocks: a goroutine sleeping on a timer can still run. */
static void wake_main_later(void *arg)
{
    time_sleep(30 * MILLISECOND);
    long v = 1;
    gocc_chansend((gocc_chan *)arg, &v);
}

static int s_no_deadlock_sleeper(int argc, char **argv, char **envp)
{
    gocc_chan *c = mkchan(0);
    gocc_go(wake_main_later, c, __FILE__, __LINE__);
    gocc_chanrecv(c, NULL);
    tu_puts("woken\n");
    return 0;
}

static int s_no_deadlock_timer(int argc, char **argv, char **envp)
{
    gocc_chanrecv(time_after(30 * MILLISECOND), NULL);
    Timer *t = time_new_timer(20 * MILLISECOND);
    gocc_chanrecv(t->C, NULL);
    time_sleep(10 * MILLISECOND);
    tu_puts("woken\n");
    return 3;
}

/* main returning ends the program even while others are blocked */
static int s_exit_with_blocked_goroutines(int argc, char **argv, char **envp)
{
    gocc_chan *c = mkchan(0);
    for (int i = 0; i < 10; i++)
        gocc_go(blocked_forever, c, __FILE__, __LINE__);
    tu_let_others_run();
    tu_puts("main returns\n");
    return 5;
}

static const struct tu_scenario scenarios[] = {
    { "send_closed", s_send_closed },
    { "send_closed_unbuffered", s_send_closed_unbuffered },
    { "send_blocked_then_closed", s_send_blocked_then_closed },
    { "close_closed", s_close_closed },
    { "close_nil", s_close_nil },
    { "makechan_negative", s_makechan_negative },
    { "makechan_huge", s_makechan_huge },
    { "panic_fmt", s_panic_fmt },
    { "panic_in_goroutine", s_panic_in_goroutine },
    { "panic_flushes_stdout", s_panic_flushes_stdout },
    { "deadlock_recv", s_deadlock_recv },
    { "deadlock_send", s_deadlock_send },
    { "deadlock_nil_recv", s_deadlock_nil_recv },
    { "deadlock_nil_send", s_deadlock_nil_send },
    { "deadlock_select_empty", s_deadlock_select_empty },
    { "deadlock_select_nil", s_deadlock_select_nil },
    { "deadlock_select", s_deadlock_select },
    { "deadlock_wg", s_deadlock_wg },
    { "deadlock_mutex", s_deadlock_mutex },
    { "deadlock_cond", s_deadlock_cond },
    { "deadlock_many", s_deadlock_many },
    { "no_deadlock_sleeper", s_no_deadlock_sleeper },
    { "no_deadlock_timer", s_no_deadlock_timer },
    { "exit_with_blocked_goroutines", s_exit_with_blocked_goroutines },
    { NULL, NULL },
};

TU_MAIN(scenarios)

/* ---- tests ------------------------------------------------------------------ */

#define DEADLOCK "fatal error: all goroutines are asleep - deadlock!"

#define CHILD_TEST(name, code, line)                                           \
    TU_TEST(panic, name)                                                       \
    {                                                                          \
        static struct tu_child r;                                              \
        tu_run_child(#name, &r);                                               \
        TU_ASSERT_CHILD(&r, code, line);                                       \
    }

CHILD_TEST(send_closed, 2, "panic: send on closed channel")
CHILD_TEST(send_closed_unbuffered, 2, "panic: send on closed channel")
CHILD_TEST(send_blocked_then_closed, 2, "panic: send on closed channel")
CHILD_TEST(close_closed, 2, "panic: close of closed channel")
CHILD_TEST(close_nil, 2, "panic: close of nil channel")
CHILD_TEST(makechan_negative, 2, "panic: makechan: size out of range")
CHILD_TEST(makechan_huge, 2, "panic: makechan: size out of range")
CHILD_TEST(panic_fmt, 2, "panic: custom 42 boom")
CHILD_TEST(panic_in_goroutine, 2, "panic: close of nil channel")

TU_TEST(panic, panic_flushes_stdout_first)
{
    static struct tu_child r;
    tu_run_child("panic_flushes_stdout", &r);
    TU_ASSERT_CHILD(&r, 2, "panic: close of nil channel");
    cr_assert_str_eq(r.out, "output before the panic\nno newline at the end",
                     "stdout was not flushed before the panic: \"%s\"", r.out);
}

/* The panic message comes first on stderr (before the goroutine report). */
TU_TEST(panic, message_is_first_line)
{
    static struct tu_child r;
    const char *want = "panic: close of closed channel\n";
    tu_run_child("close_closed", &r);
    cr_assert(strncmp(r.err, want, strlen(want)) == 0,
              "stderr does not start with \"%s\":\n%s", want, r.err);
}

CHILD_TEST(deadlock_recv, 2, DEADLOCK)
CHILD_TEST(deadlock_send, 2, DEADLOCK)
CHILD_TEST(deadlock_nil_recv, 2, DEADLOCK)
CHILD_TEST(deadlock_nil_send, 2, DEADLOCK)
CHILD_TEST(deadlock_select_empty, 2, DEADLOCK)
CHILD_TEST(deadlock_select_nil, 2, DEADLOCK)
CHILD_TEST(deadlock_select, 2, DEADLOCK)
CHILD_TEST(deadlock_wg, 2, DEADLOCK)
CHILD_TEST(deadlock_mutex, 2, DEADLOCK)
CHILD_TEST(deadlock_cond, 2, DEADLOCK)

TU_TEST(panic, deadlock_report)
{
    static struct tu_child r;
    tu_run_child("deadlock_many", &r);
    TU_ASSERT_CHILD(&r, 2, DEADLOCK);
    cr_assert(strncmp(r.err, DEADLOCK "\n", strlen(DEADLOCK) + 1) == 0,
              "stderr does not start with the deadlock line:\n%s", r.err);
    /* the report names each goroutine's creation site and wait reason */
    cr_assert(strstr(r.err, "deadlock_site.gc:4242") != NULL,
              "the report does not name the creation site deadlock_site.gc:4242:\n%s", r.err);
    cr_assert(strstr(r.err, "receive") != NULL,
              "the report does not give the wait reason (chan receive):\n%s", r.err);
    cr_assert_str_eq(r.out, "partial line, unflushed",
                     "stdout was not flushed before the deadlock report: \"%s\"", r.out);
}

TU_TEST(panic, sleeping_goroutine_is_not_a_deadlock)
{
    static struct tu_child r;
    tu_run_child("no_deadlock_sleeper", &r);
    cr_assert(r.exited && r.code == 0, "exit %d (exited %d); stderr:\n%s", r.code, r.exited, r.err);
    cr_assert_str_eq(r.out, "woken\n");
    cr_assert(strstr(r.err, "fatal error") == NULL, "stderr:\n%s", r.err);
}

TU_TEST(panic, pending_timer_is_not_a_deadlock)
{
    static struct tu_child r;
    tu_run_child("no_deadlock_timer", &r);
    cr_assert(r.exited && r.code == 3, "exit %d (exited %d), want 3; stderr:\n%s",
              r.code, r.exited, r.err);
    cr_assert_str_eq(r.out, "woken\n");
    cr_assert(strstr(r.err, "fatal error") == NULL, "stderr:\n%s", r.err);
}

TU_TEST(panic, main_return_ends_program)
{
    static struct tu_child r;
    tu_run_child("exit_with_blocked_goroutines", &r);
    cr_assert(r.exited && r.code == 5, "exit %d (exited %d), want 5; stderr:\n%s",
              r.code, r.exited, r.err);
    cr_assert_str_eq(r.out, "main returns\n");
    cr_assert_str_eq(r.err, "");
}

/* The same, run directly by Criterion with .exit_code = 2. */
TU_TEST(panic, exit_code_close_nil, .exit_code = 2)
{
    static char *argv[] = { "gocc-test", NULL };
    freopen("/dev/null", "w", stderr);         /* the text is checked above */
    gocc_start(s_close_nil, 1, argv, environ);
    cr_assert_fail("gocc_start returned after a panic");
}

TU_TEST(panic, exit_code_deadlock, .exit_code = 2)
{
    static char *argv[] = { "gocc-test", NULL };
    freopen("/dev/null", "w", stderr);
    gocc_start(s_deadlock_recv, 1, argv, environ);
    cr_assert_fail("gocc_start returned after a deadlock");
}

/* recover() outside a panic returns NULL. */
static const char *recovered = "unset";

static int s_recover_null(int argc, char **argv, char **envp)
{
    recovered = recover();
    return 0;
}

TU_TEST(panic, recover_without_panic_is_null)
{
    TU_RUN(s_recover_null);
    cr_assert_null(recovered);
}
