/* rt_panic.c — deadlock detection, runtime panics, exit status 2
 * (each case runs in a forked child). */
#include "rt_util.h"

static char out[1 << 16];

static void say(void *s) { printf("%s", (char *)s); }

/* ---- deadlock ---------------------------------------------------------- */
static void stuck_recv(void *arg)
{
    gocc_chanrecv(arg, NULL);
}

static int deadlock_main(int argc, char **argv, char **envp)
{
    gocc_chan *c = gocc_makechan(sizeof(int), _Alignof(int), 0);
    gocc_go(stuck_recv, c, "worker.gc", 7);
    gocc_systemstack(say, "before the deadlock\n");   /* must not be lost */
    gocc_chansend(gocc_makechan(sizeof(int), _Alignof(int), 0), &argc);
    return 0;
}

Test(rt_panic, deadlock_report_and_exit_2)
{
    int st = rt_run_child(deadlock_main, out, sizeof out);
    cr_assert_eq(st, 2, "status %d, output:\n%s", st, out);
    cr_assert(strstr(out, "before the deadlock\n") != NULL, "%s", out);
    cr_assert(strstr(out, "fatal error: all goroutines are asleep - deadlock!") != NULL, "%s", out);
    cr_assert(strstr(out, "goroutine 1 [chan send]:") != NULL, "%s", out);
    cr_assert(strstr(out, "[chan receive]:\ncreated at worker.gc:7") != NULL, "%s", out);
    /* the buffered output comes before the report */
    cr_assert(strstr(out, "before the deadlock") < strstr(out, "fatal error"));
}

static int deadlock_select_main(int argc, char **argv, char **envp)
{
    gocc_selcase none[1] = { { .c = NULL, .dir = GOCC_SELECT_RECV } };
    gocc_select(none, 1, false);
    return 0;
}

Test(rt_panic, deadlock_on_nil_select)
{
    int st = rt_run_child(deadlock_select_main, out, sizeof out);
    cr_assert_eq(st, 2);
    cr_assert(strstr(out, "all goroutines are asleep - deadlock!") != NULL, "%s", out);
    cr_assert(strstr(out, "[select (no cases)]") != NULL, "%s", out);
}

static WaitGroup wg;
static int deadlock_wg_main(int argc, char **argv, char **envp)
{
    wg_add(&wg, 1);
    wg_wait(&wg);
    return 0;
}

Test(rt_panic, deadlock_on_waitgroup)
{
    cr_assert_eq(rt_run_child(deadlock_wg_main, out, sizeof out), 2);
    cr_assert(strstr(out, "[sync.WaitGroup.Wait]") != NULL, "%s", out);
}

/* A sleeping goroutine is not a deadlock. */
static void sleeper(void *arg)
{
    time_sleep(20 * MILLISECOND);
    gocc_chansend(arg, NULL);
}

static int not_deadlock_main(int argc, char **argv, char **envp)
{
    gocc_chan *c = gocc_makechan(0, 1, 0);
    gocc_go(sleeper, c, __FILE__, __LINE__);
    gocc_chanrecv(c, NULL);
    return 5;
}

Test(rt_panic, sleeping_goroutine_is_not_deadlock)
{
    cr_assert_eq(rt_run_child(not_deadlock_main, out, sizeof out), 5, "%s", out);
}

/* ---- panics ------------------------------------------------------------ */
static int send_closed_main(int argc, char **argv, char **envp)
{
    gocc_chan *c = gocc_makechan(sizeof(int), _Alignof(int), 1);
    gocc_chanclose(c);
    gocc_chansend(c, &argc);
    return 0;
}

static int close_closed_main(int argc, char **argv, char **envp)
{
    gocc_chan *c = gocc_makechan(sizeof(int), _Alignof(int), 1);
    gocc_chanclose(c);
    gocc_chanclose(c);
    return 0;
}

static int close_nil_main(int argc, char **argv, char **envp)
{
    gocc_chanclose(NULL);
    return 0;
}

static int makechan_neg_main(int argc, char **argv, char **envp)
{
    gocc_makechan(sizeof(int), _Alignof(int), -1 - argc);
    return 0;
}

static int user_panic_main(int argc, char **argv, char **envp)
{
    gocc_systemstack(say, "partial line without newline");
    panic("bad value %d", 42);
}

static void blocked_sender(void *arg)
{
    gocc_chansend(arg, NULL);
}

static int send_closed_wakeup_main(int argc, char **argv, char **envp)
{
    gocc_chan *c = gocc_makechan(0, 1, 0);
    gocc_go(blocked_sender, c, "s.gc", 3);
    time_sleep(5 * MILLISECOND);
    gocc_chanclose(c);          /* the parked sender panics */
    time_sleep(SECOND);
    return 0;
}

static void expect_panic(int (*fn)(int, char **, char **), const char *msg)
{
    int st = rt_run_child(fn, out, sizeof out);
    cr_assert_eq(st, 2, "status %d:\n%s", st, out);
    char line[256];
    snprintf(line, sizeof line, "panic: %s\n", msg);
    cr_assert(strstr(out, line) != NULL, "want %s got:\n%s", line, out);
    cr_assert(strstr(out, "goroutine ") != NULL, "%s", out);
}

Test(rt_panic, send_on_closed_channel) { expect_panic(send_closed_main, "send on closed channel"); }
Test(rt_panic, close_of_closed_channel) { expect_panic(close_closed_main, "close of closed channel"); }
Test(rt_panic, close_of_nil_channel) { expect_panic(close_nil_main, "close of nil channel"); }
Test(rt_panic, makechan_size_out_of_range) { expect_panic(makechan_neg_main, "makechan: size out of range"); }
Test(rt_panic, parked_sender_woken_by_close) { expect_panic(send_closed_wakeup_main, "send on closed channel"); }

Test(rt_panic, user_panic_flushes_stdio)
{
    expect_panic(user_panic_main, "bad value 42");
    cr_assert(strstr(out, "partial line without newline") != NULL, "%s", out);
}

#ifdef RT_FIXED_STACK
/* Fixed-stack builds: running into the guard page names the goroutine. */
static int __attribute__((noinline)) forever(int n)
{
    volatile char pad[1024];
    pad[0] = (char)n;
    return forever(n + 1) + pad[0];
}

static void overflower(void *arg)
{
    (void)arg;
    forever(0);
}

static int overflow_main(int argc, char **argv, char **envp)
{
    gocc_go(overflower, NULL, "deep.gc", 9);
    time_sleep(10 * SECOND);
    return 0;
}

Test(rt_panic, fixed_stack_overflow_names_goroutine)
{
    int st = rt_run_child(overflow_main, out, sizeof out);
    cr_assert_eq(st, 2, "status %d:\n%s", st, out);
    cr_assert(strstr(out, "fatal error: stack overflow in goroutine 2 (created at deep.gc:9)") != NULL,
              "%s", out);
}
#endif
