/*
 * test_sync.c — sync primitives through the public C API (dialect.md §8):
 * WaitGroup, Mutex (+ trylock), RWMutex, Once, Cond, under contention, with
 * zero values ready to use, and blocking that parks the goroutine, never the
 * thread (the tests that depend on it would deadlock at GOMAXPROCS=1).
 */
#include "test_util.h"

/* ---- WaitGroup -------------------------------------------------------------- */

static atomic_long wg_count;

static void wg_worker(void *arg)
{
    atomic_fetch_add(&wg_count, 1);
    if (atomic_load(&wg_count) % 7 == 0)
        gosched();
    wg_done((WaitGroup *)arg);
}

static int m_wg_basic(int argc, char **argv, char **envp)
{
    WaitGroup wg = {0};
    wg_wait(&wg);                              /* zero counter: returns at once */
    wg_add(&wg, 1000);
    for (int i = 0; i < 1000; i++)
        gocc_go(wg_worker, &wg, __FILE__, __LINE__);
    wg_wait(&wg);
    GCHECK_EQ(atomic_load(&wg_count), 1000);
    wg_wait(&wg);                              /* again: still zero */

    /* reuse across rounds, adding one at a time */
    for (int round = 0; round < 100; round++) {
        for (int i = 0; i < 10; i++) {
            wg_add(&wg, 1);
            gocc_go(wg_worker, &wg, __FILE__, __LINE__);
        }
        wg_wait(&wg);
        GCHECK_EQ(atomic_load(&wg_count), 1000 + 10 * (round + 1));
    }
    return 0;
}

TU_TEST(sync, waitgroup_basic_and_reuse) { TU_RUN(m_wg_basic); }

/* Several goroutines waiting on one WaitGroup are all released. */
static WaitGroup gate, released;
static atomic_int n_released;

static void gate_waiter(void *arg)
{
    wg_wait(&gate);
    atomic_fetch_add(&n_released, 1);
    wg_done(&released);
}

static int m_wg_many_waiters(int argc, char **argv, char **envp)
{
    wg_add(&gate, 3);
    wg_add(&released, 20);
    for (int i = 0; i < 20; i++)
        gocc_go(gate_waiter, NULL, __FILE__, __LINE__);
    tu_let_others_run();
    GCHECK_EQ(atomic_load(&n_released), 0);
    wg_done(&gate);
    wg_add(&gate, -1);
    tu_let_others_run();
    GCHECK_EQ(atomic_load(&n_released), 0);    /* counter is 1 */
    wg_done(&gate);
    wg_wait(&released);
    GCHECK_EQ(atomic_load(&n_released), 20);
    return 0;
}

TU_TEST(sync, waitgroup_many_waiters) { TU_RUN(m_wg_many_waiters); }

/* ---- Mutex ------------------------------------------------------------------ */

#define MX_WORKERS 8
#define MX_ITERS 20000
static Mutex mx;                       /* static zero value */
static long mx_counter;                /* protected by mx, deliberately not atomic */
static long mx_inside;
static long mx_overlap;
static WaitGroup mx_wg;

static void mx_worker(void *arg)
{
    for (int i = 0; i < MX_ITERS; i++) {
        mutex_lock(&mx);
        if (++mx_inside != 1)
            mx_overlap++;
        long c = mx_counter;
        if (i % 500 == 0)
            gosched();                 /* yield while holding the lock */
        mx_counter = c + 1;
        mx_inside--;
        mutex_unlock(&mx);
    }
    wg_done(&mx_wg);
}

static int m_mutex_counter(int argc, char **argv, char **envp)
{
    wg_add(&mx_wg, MX_WORKERS);
    for (int i = 0; i < MX_WORKERS; i++)
        gocc_go(mx_worker, NULL, __FILE__, __LINE__);
    wg_wait(&mx_wg);
    mutex_lock(&mx);
    GCHECK_EQ(mx_counter, MX_WORKERS * MX_ITERS);
    GCHECK_EQ(mx_overlap, 0);
    mutex_unlock(&mx);
    return 0;
}

TU_TEST(sync, mutex_counter_under_contention) { TU_RUN(m_mutex_counter); }

/* trylock: succeeds exactly when the mutex is free, from any goroutine. */
static gocc_chan *tl_step, *tl_ack;
static Mutex tl;

static void tl_peer(void *arg)
{
    bool r;
    gocc_chanrecv(tl_step, NULL);
    r = mutex_trylock(&tl);                    /* main holds it */
    gocc_chansend(tl_ack, &r);
    gocc_chanrecv(tl_step, NULL);
    r = mutex_trylock(&tl);                    /* main released it */
    gocc_chansend(tl_ack, &r);
    gocc_chanrecv(tl_step, NULL);
    mutex_unlock(&tl);
    gocc_chansend(tl_ack, &r);
}

static int m_trylock(int argc, char **argv, char **envp)
{
    Mutex m = {0};
    GCHECK(mutex_trylock(&m));
    GCHECK(!mutex_trylock(&m));
    mutex_unlock(&m);
    GCHECK(mutex_trylock(&m));
    mutex_unlock(&m);
    mutex_lock(&m);
    GCHECK(!mutex_trylock(&m));
    mutex_unlock(&m);

    tl_step = gocc_makechan(1, 1, 0);
    tl_ack = gocc_makechan(sizeof(bool), _Alignof(bool), 0);
    gocc_go(tl_peer, NULL, __FILE__, __LINE__);
    bool r;
    char x = 0;
    mutex_lock(&tl);
    gocc_chansend(tl_step, &x);
    gocc_chanrecv(tl_ack, &r);
    GCHECK(!r);
    mutex_unlock(&tl);
    gocc_chansend(tl_step, &x);
    gocc_chanrecv(tl_ack, &r);
    GCHECK(r);
    GCHECK(!mutex_trylock(&tl));               /* the peer holds it now */
    gocc_chansend(tl_step, &x);
    gocc_chanrecv(tl_ack, &r);
    GCHECK(mutex_trylock(&tl));
    mutex_unlock(&tl);
    return 0;
}

TU_TEST(sync, mutex_trylock) { TU_RUN(m_trylock); }

/* mutex_lock parks the goroutine: A holds the mutex and blocks on a channel,
 * B blocks in mutex_lock, main (on the same P at GOMAXPROCS=1) still runs and
 * unblocks A.  Also: a mutex may be unlocked by another goroutine. */
static Mutex pk;
static gocc_chan *pk_a_go;
static atomic_int pk_b_locked;
static WaitGroup pk_wg;

static void pk_holder(void *arg)
{
    mutex_lock(&pk);
    wg_done(&pk_wg);
    gocc_chanrecv(pk_a_go, NULL);              /* blocks holding the mutex */
    mutex_unlock(&pk);
}

static void pk_waiter(void *arg)
{
    mutex_lock(&pk);
    atomic_store(&pk_b_locked, 1);
    gocc_chanrecv(pk_a_go, NULL);
    mutex_unlock(&pk);
}

static void pk_unlocker(void *arg) { mutex_unlock(&pk); }

static int m_mutex_parks(int argc, char **argv, char **envp)
{
    pk_a_go = gocc_makechan(1, 1, 0);
    wg_add(&pk_wg, 1);
    gocc_go(pk_holder, NULL, __FILE__, __LINE__);
    wg_wait(&pk_wg);                           /* A holds pk */
    gocc_go(pk_waiter, NULL, __FILE__, __LINE__);
    tu_let_others_run();                       /* B is (or will be) blocked in mutex_lock */
    GCHECK_EQ(atomic_load(&pk_b_locked), 0);
    char x = 0;
    gocc_chansend(pk_a_go, &x);                /* A unlocks */
    TU_WAIT(atomic_load(&pk_b_locked) == 1);
    GCHECK(!mutex_trylock(&pk));
    gocc_chansend(pk_a_go, &x);                /* B unlocks */
    mutex_lock(&pk);

    /* unlocked by another goroutine */
    gocc_go(pk_unlocker, NULL, __FILE__, __LINE__);
    mutex_lock(&pk);                           /* waits for that unlock */
    mutex_unlock(&pk);
    return 0;
}

TU_TEST(sync, mutex_blocking_parks_goroutine) { TU_RUN(m_mutex_parks); }

/* ---- RWMutex ---------------------------------------------------------------- */

/* Readers share the lock: ten readers all hold it at once (each waits, while
 * holding it, until all ten are inside; exclusive readers would deadlock). */
#define RD_N 10
static RWMutex rw;
static WaitGroup rd_inside, rd_done;

static void rd_sharer(void *arg)
{
    rwmutex_rlock(&rw);
    wg_done(&rd_inside);
    wg_wait(&rd_inside);
    rwmutex_runlock(&rw);
    wg_done(&rd_done);
}

static int m_rw_shared(int argc, char **argv, char **envp)
{
    wg_add(&rd_inside, RD_N);
    wg_add(&rd_done, RD_N);
    for (int i = 0; i < RD_N; i++)
        gocc_go(rd_sharer, NULL, __FILE__, __LINE__);
    wg_wait(&rd_done);
    rwmutex_lock(&rw);                         /* free again */
    rwmutex_unlock(&rw);
    return 0;
}

TU_TEST(sync, rwmutex_readers_share) { TU_RUN(m_rw_shared); }

/* Writers exclude readers and each other: writers keep a == b across a
 * yield; readers never see a != b. */
#define RW_WRITERS 4
#define RW_READERS 8
#define RW_ITERS 3000
static RWMutex rw2;
static long rw_a, rw_b;
static atomic_long rw_bad, rw_reads;
static atomic_int rw_writers_inside;
static WaitGroup rw_wg;

static void rw_writer(void *arg)
{
    for (int i = 0; i < RW_ITERS; i++) {
        rwmutex_lock(&rw2);
        if (atomic_fetch_add(&rw_writers_inside, 1) != 0)
            atomic_fetch_add(&rw_bad, 1);
        rw_a++;
        if (i % 50 == 0)
            gosched();
        rw_b++;
        atomic_fetch_sub(&rw_writers_inside, 1);
        rwmutex_unlock(&rw2);
    }
    wg_done(&rw_wg);
}

static void rw_reader(void *arg)
{
    for (int i = 0; i < RW_ITERS; i++) {
        rwmutex_rlock(&rw2);
        long a = rw_a;
        if (atomic_load(&rw_writers_inside) != 0)
            atomic_fetch_add(&rw_bad, 1);
        if (i % 50 == 0)
            gosched();
        if (a != rw_b || a != rw_a)
            atomic_fetch_add(&rw_bad, 1);
        atomic_fetch_add(&rw_reads, 1);
        rwmutex_runlock(&rw2);
    }
    wg_done(&rw_wg);
}

static int m_rw_exclusive(int argc, char **argv, char **envp)
{
    wg_add(&rw_wg, RW_WRITERS + RW_READERS);
    for (int i = 0; i < RW_READERS; i++) {
        gocc_go(rw_reader, NULL, __FILE__, __LINE__);
        if (i < RW_WRITERS)
            gocc_go(rw_writer, NULL, __FILE__, __LINE__);
    }
    wg_wait(&rw_wg);
    GCHECK_EQ(atomic_load(&rw_bad), 0);
    GCHECK_EQ(rw_a, RW_WRITERS * RW_ITERS);
    GCHECK_EQ(rw_b, RW_WRITERS * RW_ITERS);
    GCHECK_EQ(atomic_load(&rw_reads), RW_READERS * RW_ITERS);
    return 0;
}

TU_TEST(sync, rwmutex_writers_exclusive) { TU_RUN(m_rw_exclusive); }

/* A held write lock keeps readers out until it is released. */
static RWMutex rw3;
static atomic_int rw3_readers_in;
static WaitGroup rw3_wg;

static void rw3_reader(void *arg)
{
    rwmutex_rlock(&rw3);
    atomic_fetch_add(&rw3_readers_in, 1);
    rwmutex_runlock(&rw3);
    wg_done(&rw3_wg);
}

static atomic_int rw3_writer_in;

static void rw3_writer(void *arg)
{
    rwmutex_lock(&rw3);
    atomic_store(&rw3_writer_in, 1);
    rwmutex_unlock(&rw3);
    wg_done(&rw3_wg);
}

static int m_rw_write_blocks_readers(int argc, char **argv, char **envp)
{
    rwmutex_lock(&rw3);
    wg_add(&rw3_wg, 5);
    for (int i = 0; i < 5; i++)
        gocc_go(rw3_reader, NULL, __FILE__, __LINE__);
    tu_let_others_run();
    GCHECK_EQ(atomic_load(&rw3_readers_in), 0);
    rwmutex_unlock(&rw3);
    wg_wait(&rw3_wg);
    GCHECK_EQ(atomic_load(&rw3_readers_in), 5);

    /* a held read lock keeps a writer out */
    rwmutex_rlock(&rw3);
    wg_add(&rw3_wg, 1);
    gocc_go(rw3_writer, NULL, __FILE__, __LINE__);
    tu_let_others_run();
    GCHECK_EQ(atomic_load(&rw3_writer_in), 0);
    rwmutex_runlock(&rw3);
    wg_wait(&rw3_wg);
    GCHECK_EQ(atomic_load(&rw3_writer_in), 1);
    return 0;
}

TU_TEST(sync, rwmutex_writer_and_readers_exclude) { TU_RUN(m_rw_write_blocks_readers); }

/* ---- Once ------------------------------------------------------------------- */

#define ONCE_N 100
static Once once;
static atomic_int once_calls, once_finished, once_early;
static WaitGroup once_wg;

static void once_fn(void)
{
    atomic_fetch_add(&once_calls, 1);
    for (int i = 0; i < 20; i++)
        gosched();                             /* others arrive meanwhile */
    atomic_store(&once_finished, 1);
}

static void once_caller(void *arg)
{
    once_do(&once, once_fn);
    if (!atomic_load(&once_finished))          /* once_do returned before fn ended */
        atomic_fetch_add(&once_early, 1);
    wg_done(&once_wg);
}

static int m_once(int argc, char **argv, char **envp)
{
    wg_add(&once_wg, ONCE_N);
    for (int i = 0; i < ONCE_N; i++)
        gocc_go(once_caller, NULL, __FILE__, __LINE__);
    wg_wait(&once_wg);
    once_do(&once, once_fn);
    GCHECK_EQ(atomic_load(&once_calls), 1);
    GCHECK_EQ(atomic_load(&once_early), 0);
    return 0;
}

TU_TEST(sync, once_runs_fn_exactly_once) { TU_RUN(m_once); }

/* ---- Cond ------------------------------------------------------------------- */

/* broadcast wakes every waiter: main waits (under the mutex) until all 50
 * are inside cond_wait, then broadcasts once. */
#define CB_N 50
static Mutex cb_mu;
static Cond cb_cond;
static int cb_waiting, cb_ready, cb_woken;
static WaitGroup cb_wg;

static void cb_waiter(void *arg)
{
    mutex_lock(&cb_mu);
    cb_waiting++;
    while (!cb_ready)
        cond_wait(&cb_cond, &cb_mu);
    cb_woken++;
    mutex_unlock(&cb_mu);
    wg_done(&cb_wg);
}

static bool cb_all_waiting(void)
{
    mutex_lock(&cb_mu);
    bool r = cb_waiting == CB_N;
    if (r) {
        cb_ready = 1;
        cond_broadcast(&cb_cond);
    }
    mutex_unlock(&cb_mu);
    return r;
}

static int m_cond_broadcast(int argc, char **argv, char **envp)
{
    wg_add(&cb_wg, CB_N);
    for (int i = 0; i < CB_N; i++)
        gocc_go(cb_waiter, NULL, __FILE__, __LINE__);
    TU_WAIT(cb_all_waiting());
    wg_wait(&cb_wg);
    GCHECK_EQ(cb_woken, CB_N);
    cond_signal(&cb_cond);                     /* no waiters: no effect */
    cond_broadcast(&cb_cond);
    return 0;
}

TU_TEST(sync, cond_broadcast_wakes_all) { TU_RUN(m_cond_broadcast); }

/* signal wakes one waiter per call: ten waiters each take one token; main
 * hands out tokens one signal at a time once all wait. */
#define CS_N 10
static Mutex cs_mu;
static Cond cs_cond;
static int cs_waiting, cs_tokens, cs_taken;
static WaitGroup cs_wg;

static void cs_waiter(void *arg)
{
    mutex_lock(&cs_mu);
    cs_waiting++;
    while (cs_tokens == 0)
        cond_wait(&cs_cond, &cs_mu);
    cs_tokens--;
    cs_taken++;
    cs_waiting--;
    mutex_unlock(&cs_mu);
    wg_done(&cs_wg);
}

static int cs_get(int *p)
{
    mutex_lock(&cs_mu);
    int v = *p;
    mutex_unlock(&cs_mu);
    return v;
}

static int m_cond_signal(int argc, char **argv, char **envp)
{
    wg_add(&cs_wg, CS_N);
    for (int i = 0; i < CS_N; i++)
        gocc_go(cs_waiter, NULL, __FILE__, __LINE__);
    TU_WAIT(cs_get(&cs_waiting) == CS_N);
    for (int i = 0; i < CS_N; i++) {
        mutex_lock(&cs_mu);
        cs_tokens++;
        cond_signal(&cs_cond);
        mutex_unlock(&cs_mu);
        TU_WAIT(cs_get(&cs_taken) == i + 1);   /* the signal woke somebody */
    }
    wg_wait(&cs_wg);
    GCHECK_EQ(cs_taken, CS_N);
    GCHECK_EQ(cs_tokens, 0);
    return 0;
}

TU_TEST(sync, cond_signal_wakes_one_per_call) { TU_RUN(m_cond_signal); }

/* A bounded queue built from a Mutex and two Conds, 4 producers and 4
 * consumers: every item is consumed exactly once. */
#define Q_CAP 4
#define Q_PROD 4
#define Q_CONS 4
#define Q_PER 5000
static Mutex q_mu;
static Cond q_notfull, q_notempty;
static long q_buf[Q_CAP];
static int q_head, q_len, q_producers_left = Q_PROD;
static long q_sum, q_count;
static WaitGroup q_wg;

static void q_producer(void *arg)
{
    long base = (long)(intptr_t)arg * Q_PER;
    for (long i = 0; i < Q_PER; i++) {
        mutex_lock(&q_mu);
        while (q_len == Q_CAP)
            cond_wait(&q_notfull, &q_mu);
        q_buf[(q_head + q_len) % Q_CAP] = base + i;
        q_len++;
        cond_signal(&q_notempty);
        mutex_unlock(&q_mu);
    }
    mutex_lock(&q_mu);
    if (--q_producers_left == 0)
        cond_broadcast(&q_notempty);
    mutex_unlock(&q_mu);
    wg_done(&q_wg);
}

static void q_consumer(void *arg)
{
    for (;;) {
        mutex_lock(&q_mu);
        while (q_len == 0 && q_producers_left > 0)
            cond_wait(&q_notempty, &q_mu);
        if (q_len == 0) {
            mutex_unlock(&q_mu);
            break;
        }
        long v = q_buf[q_head];
        q_head = (q_head + 1) % Q_CAP;
        q_len--;
        q_sum += v;
        q_count++;
        cond_signal(&q_notfull);
        mutex_unlock(&q_mu);
    }
    wg_done(&q_wg);
}

static int m_cond_queue(int argc, char **argv, char **envp)
{
    wg_add(&q_wg, Q_PROD + Q_CONS);
    for (long i = 0; i < Q_CONS; i++)
        gocc_go(q_consumer, NULL, __FILE__, __LINE__);
    for (long i = 0; i < Q_PROD; i++)
        gocc_go(q_producer, (void *)(intptr_t)i, __FILE__, __LINE__);
    wg_wait(&q_wg);
    long n = Q_PROD * Q_PER;
    GCHECK_EQ(q_count, n);
    GCHECK_EQ(q_sum, n * (n - 1) / 2);
    return 0;
}

TU_TEST(sync, cond_bounded_queue) { TU_RUN(m_cond_queue); }

TU_MAIN(NULL)
