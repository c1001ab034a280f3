/* rt_sync.c — sync primitives and timers (white-box runtime tests). */
#include "rt_util.h"
#include <stdatomic.h>

static int start(int (*fn)(int, char **, char **))
{
    char *argv[] = { "t", NULL };
    return gocc_start(fn, 1, argv, NULL);
}

/* ---- Mutex: counter under contention, trylock -------------------------- */
static Mutex mu;
static long counter;
static WaitGroup wg;

static void incr(void *arg)
{
    long n = (long)(intptr_t)arg;
    for (long i = 0; i < n; i++) {
        mutex_lock(&mu);
        long v = counter;
        if (i % 64 == 0)
            gosched();          /* hold the lock across a switch */
        counter = v + 1;
        mutex_unlock(&mu);
    }
    wg_done(&wg);
}

static int mutex_main(int argc, char **argv, char **envp)
{
    if (!mutex_trylock(&mu) || mutex_trylock(&mu))
        return 1;
    mutex_unlock(&mu);
    wg_add(&wg, 8);
    for (int i = 0; i < 8; i++)
        gocc_go(incr, (void *)(intptr_t)20000, __FILE__, __LINE__);
    wg_wait(&wg);
    return 0;
}

Test(rt_sync, mutex_counter_and_trylock)
{
    cr_assert_eq(start(mutex_main), 0);
    cr_assert_eq(counter, 8 * 20000);
}

/* ---- RWMutex: readers share, writers exclude --------------------------- */
static RWMutex rw;
static atomic_int readers_in, writers_in, rw_bad, max_readers;
static long rw_value;

static void reader(void *arg)
{
    (void)arg;
    for (int i = 0; i < 2000; i++) {
        rwmutex_rlock(&rw);
        int r = atomic_fetch_add(&readers_in, 1) + 1;
        int m = atomic_load(&max_readers);
        while (r > m && !atomic_compare_exchange_weak(&max_readers, &m, r))
            ;
        if (atomic_load(&writers_in))
            atomic_fetch_add(&rw_bad, 1);
        if (i % 16 == 0)
            gosched();
        atomic_fetch_sub(&readers_in, 1);
        rwmutex_runlock(&rw);
    }
    wg_done(&wg);
}

static void writer(void *arg)
{
    (void)arg;
    for (int i = 0; i < 1000; i++) {
        rwmutex_lock(&rw);
        if (atomic_fetch_add(&writers_in, 1) != 0 || atomic_load(&readers_in))
            atomic_fetch_add(&rw_bad, 1);
        rw_value++;
        if (i % 16 == 0)
            gosched();
        atomic_fetch_sub(&writers_in, 1);
        rwmutex_unlock(&rw);
    }
    wg_done(&wg);
}

static int rw_main(int argc, char **argv, char **envp)
{
    wg_add(&wg, 6);
    for (int i = 0; i < 4; i++)
        gocc_go(reader, NULL, __FILE__, __LINE__);
    for (int i = 0; i < 2; i++)
        gocc_go(writer, NULL, __FILE__, __LINE__);
    wg_wait(&wg);
    return 0;
}

Test(rt_sync, rwmutex_exclusion)
{
    cr_assert_eq(start(rw_main), 0);
    cr_assert_eq(atomic_load(&rw_bad), 0);
    cr_assert_eq(rw_value, 2000);
}

/* ---- Once -------------------------------------------------------------- */
static Once once;
static atomic_int once_calls, once_seen;
static void init_once(void) { atomic_fetch_add(&once_calls, 1); gosched(); }
static void once_g(void *arg)
{
    (void)arg;
    once_do(&once, init_once);
    atomic_fetch_add(&once_seen, atomic_load(&once_calls));
    wg_done(&wg);
}

static int once_main(int argc, char **argv, char **envp)
{
    wg_add(&wg, 50);
    for (int i = 0; i < 50; i++)
        gocc_go(once_g, NULL, __FILE__, __LINE__);
    wg_wait(&wg);
    return 0;
}

Test(rt_sync, once_runs_once)
{
    cr_assert_eq(start(once_main), 0);
    cr_assert_eq(atomic_load(&once_calls), 1);
    cr_assert_eq(atomic_load(&once_seen), 50);   /* everyone saw it done */
}

/* ---- Cond: producer/consumer queue, signal and broadcast --------------- */
static Cond cv;
static int queue_n, consumed, released;
static bool go_flag;

static void consumer(void *arg)
{
    (void)arg;
    mutex_lock(&mu);
    while (!go_flag)
        cond_wait(&cv, &mu);
    released++;
    for (;;) {
        while (queue_n == 0 && consumed < 1000)
            cond_wait(&cv, &mu);
        if (consumed >= 1000)
            break;
        queue_n--;
        consumed++;
        if (consumed == 1000)
            cond_broadcast(&cv);
    }
    mutex_unlock(&mu);
    wg_done(&wg);
}

static int cond_main(int argc, char **argv, char **envp)
{
    wg_add(&wg, 4);
    for (int i = 0; i < 4; i++)
        gocc_go(consumer, NULL, __FILE__, __LINE__);
    time_sleep(MILLISECOND);
    mutex_lock(&mu);
    go_flag = true;
    cond_broadcast(&cv);
    mutex_unlock(&mu);
    for (int i = 0; i < 1000; i++) {
        mutex_lock(&mu);
        queue_n++;
        cond_signal(&cv);
        mutex_unlock(&mu);
        if (i % 10 == 0)
            gosched();
    }
    wg_wait(&wg);
    return 0;
}

Test(rt_sync, cond_signal_broadcast)
{
    cr_assert_eq(start(cond_main), 0);
    cr_assert_eq(consumed, 1000);
    cr_assert_eq(released, 4);
}

/* ---- WaitGroup reuse, several waiters ---------------------------------- */
static WaitGroup wg2;
static atomic_int waiters_done;
static void wg_waiter(void *arg) { (void)arg; wg_wait(&wg2); atomic_fetch_add(&waiters_done, 1); wg_done(&wg); }
static void wg_worker(void *arg) { (void)arg; gosched(); wg_done(&wg2); }

static int wg_main(int argc, char **argv, char **envp)
{
    for (int round = 0; round < 3; round++) {
        wg_add(&wg2, 10);
        wg_add(&wg, 5);
        for (int i = 0; i < 5; i++)
            gocc_go(wg_waiter, NULL, __FILE__, __LINE__);
        for (int i = 0; i < 10; i++)
            gocc_go(wg_worker, NULL, __FILE__, __LINE__);
        wg_wait(&wg);
        wg_wait(&wg2);
    }
    return 0;
}

Test(rt_sync, waitgroup_multiple_waiters_reuse)
{
    cr_assert_eq(start(wg_main), 0);
    cr_assert_eq(atomic_load(&waiters_done), 15);
}

/* ---- timers ------------------------------------------------------------ */
static int sleep_order[3], sleep_n;
static Mutex smu;
static gocc_chan *startgate;
static void sleepy(void *arg)
{
    int k = (int)(intptr_t)arg;
    gocc_chanrecv(startgate, NULL);     /* all start sleeping together */
    time_sleep((Duration)k * 30 * MILLISECOND);
    mutex_lock(&smu);
    sleep_order[sleep_n++] = k;
    mutex_unlock(&smu);
    wg_done(&wg);
}

static int time_main(int argc, char **argv, char **envp)
{
    /* sleep lasts at least d */
    Time t0 = time_now();
    time_sleep(3 * MILLISECOND);
    if (time_since(t0) < 3 * MILLISECOND)
        return 1;
    /* well-separated sleepers wake in order */
    wg_add(&wg, 3);
    startgate = gocc_makechan(0, 1, 0);
    gocc_go(sleepy, (void *)3, __FILE__, __LINE__);
    gocc_go(sleepy, (void *)1, __FILE__, __LINE__);
    gocc_go(sleepy, (void *)2, __FILE__, __LINE__);
    gocc_chanclose(startgate);
    wg_wait(&wg);
    /* time_after delivers one value */
    Time v;
    gocc_chanrecv(time_after(MILLISECOND), &v);
    if (v.ns <= t0.ns)
        return 2;
    /* ticker ticks repeatedly, stops */
    Ticker *tk = time_new_ticker(MILLISECOND);
    for (int i = 0; i < 5; i++)
        gocc_chanrecv(tk->C, &v);
    ticker_stop(tk);
    ticker_reset(tk, 2 * MILLISECOND);
    gocc_chanrecv(tk->C, &v);
    ticker_stop(tk);
    /* timer: stop before firing returns true and nothing arrives */
    Timer *tm = time_new_timer(HOUR);
    if (!timer_stop(tm) || timer_stop(tm))
        return 3;
    timer_reset(tm, MILLISECOND);
    gocc_chanrecv(tm->C, &v);
    if (timer_stop(tm))         /* already fired */
        return 4;
    if (gocc_chanlen(tm->C) != 0)
        return 5;
    gocc_chan *tick = time_tick(MILLISECOND);
    gocc_chanrecv(tick, &v);
    if (time_tick(0) != NULL)
        return 6;
    return 0;
}

Test(rt_sync, timers_sleep_after_ticker_timer)
{
    cr_assert_eq(start(time_main), 0);
    cr_assert_eq(sleep_order[0], 1);
    cr_assert_eq(sleep_order[1], 2);
    cr_assert_eq(sleep_order[2], 3);
}

/* Many concurrent sleepers (per-P heaps, idle Ms waking for timers). */
static atomic_int slept;
static void short_sleep(void *arg)
{
    (void)arg;
    time_sleep(MILLISECOND);
    atomic_fetch_add(&slept, 1);
    wg_done(&wg);
}

static int sleepers_main(int argc, char **argv, char **envp)
{
    wg_add(&wg, 10000);
    for (int i = 0; i < 10000; i++)
        gocc_go(short_sleep, NULL, __FILE__, __LINE__);
    wg_wait(&wg);
    return 0;
}

Test(rt_sync, ten_thousand_sleepers)
{
    cr_assert_eq(start(sleepers_main), 0);
    cr_assert_eq(atomic_load(&slept), 10000);
}
