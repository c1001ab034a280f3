/*
 * test_chan.c — channels through the public C API (gocc.h): make, len/cap,
 * unbuffered hand-off, buffered FIFO order, close, nil channels, two-value
 * receive, every element size and alignment.  Semantics: dialect.md §2, §3.
 * Panics and deadlocks on channels are in test_panic.c.
 */
#include "test_util.h"

#define SEND(c, v) do { __typeof__(v) tmp_ = (v); gocc_chansend((c), &tmp_); } while (0)

static long recv_long(gocc_chan *c)
{
    long v = -12345;
    gocc_chanrecv(c, &v);
    return v;
}

/* ---- len / cap ----------------------------------------------------------- */

static int m_len_cap(int argc, char **argv, char **envp)
{
    gocc_chan *u = gocc_makechan(sizeof(int), _Alignof(int), 0);
    GCHECK(u != NULL);
    GCHECK_EQ(gocc_chanlen(u), 0);
    GCHECK_EQ(gocc_chancap(u), 0);

    gocc_chan *b = gocc_makechan(sizeof(long), _Alignof(long), 5);
    GCHECK_EQ(gocc_chanlen(b), 0);
    GCHECK_EQ(gocc_chancap(b), 5);
    for (long i = 1; i <= 3; i++)
        gocc_chansend(b, &i);
    GCHECK_EQ(gocc_chanlen(b), 3);
    GCHECK_EQ(gocc_chancap(b), 5);
    GCHECK_EQ(recv_long(b), 1);
    GCHECK_EQ(gocc_chanlen(b), 2);
    SEND(b, 4L);
    SEND(b, 5L);
    SEND(b, 6L);
    GCHECK_EQ(gocc_chanlen(b), 5);             /* full */
    gocc_chanclose(b);
    GCHECK_EQ(gocc_chanlen(b), 5);             /* close keeps the buffer */
    GCHECK_EQ(gocc_chancap(b), 5);
    for (long want = 2; want <= 6; want++) {
        long v = 0;
        GCHECK(gocc_chanrecv2(b, &v));
        GCHECK_EQ(v, want);
    }
    GCHECK_EQ(gocc_chanlen(b), 0);
    long v = 99;
    GCHECK(!gocc_chanrecv2(b, &v));
    GCHECK_EQ(v, 0);
    GCHECK_EQ(gocc_chancap(b), 5);

    /* nil channel */
    GCHECK_EQ(gocc_chanlen(NULL), 0);
    GCHECK_EQ(gocc_chancap(NULL), 0);
    return 0;
}

TU_TEST(chan, len_cap) { TU_RUN(m_len_cap); }

/* ---- buffered FIFO order --------------------------------------------------- */

#define FIFO_N 100000

static void fifo_producer(void *arg)
{
    gocc_chan *c = arg;
    for (long i = 0; i < FIFO_N; i++)
        gocc_chansend(c, &i);
    gocc_chanclose(c);
}

static int m_fifo(int argc, char **argv, char **envp)
{
    static const long caps[] = { 1, 2, 16, 1000 };
    for (unsigned k = 0; k < sizeof caps / sizeof caps[0]; k++) {
        gocc_chan *c = gocc_makechan(sizeof(long), _Alignof(long), caps[k]);
        gocc_go(fifo_producer, c, __FILE__, __LINE__);
        long want = 0, v;
        while (gocc_chanrecv2(c, &v)) {
            if (v != want) {
                GCHECK_EQ(v, want);
                break;
            }
            want++;
        }
        GCHECK_EQ(want, FIFO_N);
    }
    return 0;
}

TU_TEST(chan, buffered_fifo_order) { TU_RUN(m_fifo); }

/* Several producers: each producer's values arrive in the order sent. */
#define MP_PRODUCERS 4
#define MP_N 20000
static WaitGroup mp_wg;

static void mp_producer(void *arg)
{
    gocc_chan *c = *(gocc_chan **)arg;
    long id = ((long *)arg)[1];
    for (long i = 0; i < MP_N; i++) {
        long v = id << 32 | i;
        gocc_chansend(c, &v);
        if (i % 1000 == 0)
            gosched();
    }
    wg_done(&mp_wg);
}

static void closer(void *arg)
{
    wg_wait(&mp_wg);
    gocc_chanclose((gocc_chan *)arg);
}

static int m_fifo_multi(int argc, char **argv, char **envp)
{
    gocc_chan *c = gocc_makechan(sizeof(long), _Alignof(long), 7);
    long next[MP_PRODUCERS] = { 0, 0, 0, 0 };
    wg_add(&mp_wg, MP_PRODUCERS);
    for (long p = 0; p < MP_PRODUCERS; p++) {
        void **a = gocc_alloc(2 * sizeof(void *));
        a[0] = c;
        ((long *)a)[1] = p;
        gocc_go(mp_producer, a, __FILE__, __LINE__);
    }
    gocc_go(closer, c, __FILE__, __LINE__);
    long v, total = 0;
    while (gocc_chanrecv2(c, &v)) {
        long id = v >> 32, seq = v & 0xffffffff;
        GCHECK(id >= 0 && id < MP_PRODUCERS);
        if (id < 0 || id >= MP_PRODUCERS)
            continue;
        GCHECK_EQ(seq, next[id]);
        next[id] = seq + 1;
        total++;
    }
    GCHECK_EQ(total, MP_PRODUCERS * MP_N);
    return 0;
}

TU_TEST(chan, buffered_fifo_per_producer) { TU_RUN(m_fifo_multi); }

/* ---- unbuffered hand-off -------------------------------------------------- */

/* A send happens-before the corresponding receive completes, and (unbuffered)
 * a receive happens-before the corresponding send completes: plain,
 * non-atomic variables written before the operation are visible after it. */
static long hb_a, hb_b;
#define HB_ROUNDS 2000

static void hb_peer(void *arg)
{
    gocc_chan *c = arg;
    for (long i = 1; i <= HB_ROUNDS; i++) {
        hb_a = i;                      /* before the send */
        gocc_chansend(c, &i);
        hb_b = i;                      /* before the receive */
        gocc_chanrecv(c, NULL);
    }
}

static int m_handoff_hb(int argc, char **argv, char **envp)
{
    gocc_chan *c = gocc_makechan(sizeof(long), _Alignof(long), 0);
    gocc_go(hb_peer, c, __FILE__, __LINE__);
    for (long i = 1; i <= HB_ROUNDS; i++) {
        long v = recv_long(c);
        GCHECK_EQ(v, i);
        GCHECK_EQ(hb_a, i);
        gocc_chansend(c, &v);          /* completes after hb_peer's receive */
        GCHECK_EQ(hb_b, i);
    }
    return 0;
}

TU_TEST(chan, unbuffered_happens_before) { TU_RUN(m_handoff_hb); }

/* An unbuffered send does not complete until a receiver takes the value; a
 * buffered send blocks only when the buffer is full. */
static atomic_int sent;

static void blocking_sender(void *arg)
{
    gocc_chan *c = arg;
    for (long i = 0; i < 3; i++) {
        gocc_chansend(c, &i);
        atomic_fetch_add(&sent, 1);
    }
}

static int m_send_blocks(int argc, char **argv, char **envp)
{
    /* unbuffered */
    gocc_chan *u = gocc_makechan(sizeof(long), _Alignof(long), 0);
    gocc_go(blocking_sender, u, __FILE__, __LINE__);
    tu_let_others_run();
    GCHECK_EQ(atomic_load(&sent), 0);          /* nobody received yet */
    GCHECK_EQ(gocc_chanlen(u), 0);             /* a waiting sender is not "in" the channel */
    GCHECK_EQ(recv_long(u), 0);
    TU_WAIT(atomic_load(&sent) == 1);
    tu_let_others_run();
    GCHECK_EQ(atomic_load(&sent), 1);
    GCHECK_EQ(recv_long(u), 1);
    GCHECK_EQ(recv_long(u), 2);
    TU_WAIT(atomic_load(&sent) == 3);

    /* buffered, capacity 2: the third send blocks */
    atomic_store(&sent, 0);
    gocc_chan *b = gocc_makechan(sizeof(long), _Alignof(long), 2);
    gocc_go(blocking_sender, b, __FILE__, __LINE__);
    TU_WAIT(gocc_chanlen(b) == 2);
    tu_let_others_run();
    GCHECK(atomic_load(&sent) <= 2);
    GCHECK_EQ(gocc_chanlen(b), 2);
    GCHECK_EQ(recv_long(b), 0);
    GCHECK_EQ(recv_long(b), 1);
    GCHECK_EQ(recv_long(b), 2);
    TU_WAIT(atomic_load(&sent) == 3);
    GCHECK_EQ(gocc_chanlen(b), 0);
    return 0;
}

TU_TEST(chan, send_blocks_until_received_or_buffered) { TU_RUN(m_send_blocks); }

/* Many senders and receivers on one unbuffered channel: every value is
 * received exactly once. */
#define MM_SENDERS 8
#define MM_RECEIVERS 8
#define MM_PER 5000
static atomic_int mm_seen[MM_SENDERS * MM_PER];
static WaitGroup mm_send_wg, mm_recv_wg;

static void mm_sender(void *arg)
{
    gocc_chan *c = *(gocc_chan **)arg;
    long id = ((long *)arg)[1];
    for (long i = 0; i < MM_PER; i++) {
        long v = id * MM_PER + i;
        gocc_chansend(c, &v);
    }
    wg_done(&mm_send_wg);
}

static void mm_receiver(void *arg)
{
    gocc_chan *c = arg;
    long v;
    while (gocc_chanrecv2(c, &v)) {
        GCHECK(v >= 0 && v < MM_SENDERS * MM_PER);
        if (v >= 0 && v < MM_SENDERS * MM_PER)
            atomic_fetch_add(&mm_seen[v], 1);
    }
    wg_done(&mm_recv_wg);
}

static int m_many_to_many(int argc, char **argv, char **envp)
{
    gocc_chan *c = gocc_makechan(sizeof(long), _Alignof(long), 0);
    wg_add(&mm_send_wg, MM_SENDERS);
    wg_add(&mm_recv_wg, MM_RECEIVERS);
    for (int r = 0; r < MM_RECEIVERS; r++)
        gocc_go(mm_receiver, c, __FILE__, __LINE__);
    for (long s = 0; s < MM_SENDERS; s++) {
        void **a = gocc_alloc(2 * sizeof(void *));
        a[0] = c;
        ((long *)a)[1] = s;
        gocc_go(mm_sender, a, __FILE__, __LINE__);
    }
    wg_wait(&mm_send_wg);
    gocc_chanclose(c);
    wg_wait(&mm_recv_wg);
    long bad = 0;
    for (long i = 0; i < MM_SENDERS * MM_PER; i++)
        bad += atomic_load(&mm_seen[i]) != 1;
    GCHECK_EQ(bad, 0);
    return 0;
}

TU_TEST(chan, unbuffered_many_to_many_exactly_once) { TU_RUN(m_many_to_many); }

/* ---- close ---------------------------------------------------------------- */

/* close wakes every blocked receiver; each gets ok == false and the zero
 * value. */
#define CW_N 100
static atomic_int cw_closed_seen;
static WaitGroup cw_started, cw_done;

static void cw_receiver(void *arg)
{
    gocc_chan *c = arg;
    long v = 77;
    wg_done(&cw_started);
    bool ok = gocc_chanrecv2(c, &v);
    GCHECK(!ok);
    GCHECK_EQ(v, 0);
    if (!ok)
        atomic_fetch_add(&cw_closed_seen, 1);
    wg_done(&cw_done);
}

static int m_close_wakes(int argc, char **argv, char **envp)
{
    gocc_chan *c = gocc_makechan(sizeof(long), _Alignof(long), 0);
    wg_add(&cw_started, CW_N);
    wg_add(&cw_done, CW_N);
    for (int i = 0; i < CW_N; i++)
        gocc_go(cw_receiver, c, __FILE__, __LINE__);
    wg_wait(&cw_started);
    tu_let_others_run();
    gocc_chanclose(c);
    wg_wait(&cw_done);
    GCHECK_EQ(atomic_load(&cw_closed_seen), CW_N);
    return 0;
}

TU_TEST(chan, close_wakes_all_receivers) { TU_RUN(m_close_wakes); }

/* Receive from a closed channel: buffered values first, then the zero value
 * at once, forever; plain receive also yields the zero value; elem may be
 * NULL. */
struct rgb { unsigned char r, g, b; };

static int m_recv_closed(int argc, char **argv, char **envp)
{
    gocc_chan *c = gocc_makechan(sizeof(struct rgb), _Alignof(struct rgb), 3);
    struct rgb x = { 1, 2, 3 }, y = { 4, 5, 6 };
    gocc_chansend(c, &x);
    gocc_chansend(c, &y);
    gocc_chanclose(c);
    struct rgb v = { 0xAA, 0xAA, 0xAA };
    GCHECK(gocc_chanrecv2(c, &v));
    GCHECK(v.r == 1 && v.g == 2 && v.b == 3);
    GCHECK(gocc_chanrecv2(c, &v));
    GCHECK(v.r == 4 && v.g == 5 && v.b == 6);
    for (int i = 0; i < 1000; i++) {
        v.r = v.g = v.b = 0xAA;
        GCHECK(!gocc_chanrecv2(c, &v));
        GCHECK(v.r == 0 && v.g == 0 && v.b == 0);
    }
    v.r = v.g = v.b = 0xAA;
    gocc_chanrecv(c, &v);
    GCHECK(v.r == 0 && v.g == 0 && v.b == 0);
    gocc_chanrecv(c, NULL);
    GCHECK(!gocc_chanrecv2(c, NULL));

    /* unbuffered, closed with nobody waiting */
    gocc_chan *u = gocc_makechan(sizeof(long), _Alignof(long), 0);
    gocc_chanclose(u);
    long l = 5;
    GCHECK(!gocc_chanrecv2(u, &l));
    GCHECK_EQ(l, 0);
    return 0;
}

TU_TEST(chan, recv_from_closed) { TU_RUN(m_recv_closed); }

/* elem == NULL discards the value but still consumes it. */
static void one_sender(void *arg)
{
    long v = 42;
    gocc_chansend((gocc_chan *)arg, &v);
}

static int m_recv_null(int argc, char **argv, char **envp)
{
    gocc_chan *b = gocc_makechan(sizeof(long), _Alignof(long), 4);
    SEND(b, 1L);
    SEND(b, 2L);
    gocc_chanrecv(b, NULL);
    GCHECK_EQ(gocc_chanlen(b), 1);
    GCHECK(gocc_chanrecv2(b, NULL));
    GCHECK_EQ(gocc_chanlen(b), 0);

    gocc_chan *u = gocc_makechan(sizeof(long), _Alignof(long), 0);
    gocc_go(one_sender, u, __FILE__, __LINE__);
    gocc_chanrecv(u, NULL);
    gocc_go(one_sender, u, __FILE__, __LINE__);
    GCHECK(gocc_chanrecv2(u, NULL));
    return 0;
}

TU_TEST(chan, recv_null_elem) { TU_RUN(m_recv_null); }

/* for (v : ch): a consumer loop ends after close, having seen every value. */
static void range_producer(void *arg)
{
    gocc_chan *c = arg;
    for (long i = 1; i <= 1000; i++)
        gocc_chansend(c, &i);
    gocc_chanclose(c);
}

static int m_range(int argc, char **argv, char **envp)
{
    for (long cap = 0; cap <= 10; cap += 10) {
        gocc_chan *c = gocc_makechan(sizeof(long), _Alignof(long), cap);
        gocc_go(range_producer, c, __FILE__, __LINE__);
        long v, sum = 0, n = 0;
        while (gocc_chanrecv2(c, &v)) {
            sum += v;
            n++;
        }
        GCHECK_EQ(n, 1000);
        GCHECK_EQ(sum, 500500);
    }
    return 0;
}

TU_TEST(chan, receive_until_closed) { TU_RUN(m_range); }

/* ---- nil channels ---------------------------------------------------------- */

/* Goroutines blocked forever on a nil channel do not keep the program alive:
 * it ends when main returns, with main's result. */
static void nil_sender(void *arg) { long v = 1; gocc_chansend(NULL, &v); GCHECK(0); }
static void nil_receiver(void *arg) { gocc_chanrecv(NULL, NULL); GCHECK(0); }

static int m_nil_block(int argc, char **argv, char **envp)
{
    gocc_go(nil_sender, NULL, __FILE__, __LINE__);
    gocc_go(nil_receiver, NULL, __FILE__, __LINE__);
    TU_WAIT(numgoroutine() == 3);
    tu_let_others_run();
    GCHECK_EQ(numgoroutine(), 3);
    return 7;
}

TU_TEST(chan, nil_channel_blocks_forever)
{
    static char *argv[] = { "gocc-test", NULL };
    int r = gocc_start(m_nil_block, 1, argv, environ);
    TU_ASSERT_NO_FAIL();
    cr_assert_eq(r, 7, "gocc_start returned %d, want main's 7", r);
}

/* ---- element sizes and alignments ------------------------------------------ */

struct etest {
    gocc_chan *c;
    gocc_size_t size, align;
    long n;
    bool via_select;
};

static unsigned char pattern(long seq, gocc_size_t i)
{
    return (unsigned char)(seq * 31 + (long)i * 7 + 1);
}

static void elem_sender(void *arg)
{
    struct etest *t = arg;
    unsigned char *buf = tu_alloc_aligned(t->size + 1, t->align);
    for (long seq = 0; seq < t->n; seq++) {
        for (gocc_size_t i = 0; i < t->size; i++)
            buf[i] = pattern(seq, i);
        buf[t->size] = 0xEE;       /* must not be copied */
        if (t->via_select) {
            gocc_selcase cs[2] = {
                { .c = NULL, .elem = buf, .dir = GOCC_SELECT_SEND },
                { .c = t->c, .elem = buf, .dir = GOCC_SELECT_SEND },
            };
            GCHECK_EQ(gocc_select(cs, 2, false), 1);
        } else {
            gocc_chansend(t->c, buf);
        }
    }
    gocc_chanclose(t->c);
}

static void elem_roundtrip(gocc_size_t size, gocc_size_t align, long cap, bool via_select)
{
    struct etest *t = gocc_alloc(sizeof *t);
    t->size = size;
    t->align = align;
    t->n = 300;
    t->via_select = via_select;
    t->c = gocc_makechan(size, align, cap);
    GCHECK(t->c != NULL);
    GCHECK_EQ(gocc_chancap(t->c), cap);
    gocc_go(elem_sender, t, __FILE__, __LINE__);

    unsigned char *buf = tu_alloc_aligned(size + 16, align);
    long seq = 0;
    for (;;) {
        tu_fill(buf, 0x5A, size + 16);
        bool ok;
        if (via_select) {
            gocc_selcase cs[2] = {
                { .c = t->c, .elem = buf, .dir = GOCC_SELECT_RECV },
                { .c = NULL, .elem = buf, .dir = GOCC_SELECT_RECV },
            };
            GCHECK_EQ(gocc_select(cs, 2, false), 0);
            ok = cs[0].recv_ok;
        } else {
            ok = gocc_chanrecv2(t->c, buf);
        }
        if (!ok)
            break;
        long bad = 0;
        for (gocc_size_t i = 0; i < size; i++)
            bad += buf[i] != pattern(seq, i);
        for (gocc_size_t i = size; i < size + 16; i++)
            bad += buf[i] != 0x5A;     /* nothing written past the element */
        if (bad) {
            tu_record_fail(__FILE__, __LINE__, "element bytes intact (size, seq in got/want)",
                           (long)size, seq);
            break;
        }
        seq++;
    }
    GCHECK_EQ(seq, t->n);
    /* the zero value of a closed channel covers the whole element */
    tu_fill(buf, 0x5A, size);
    GCHECK(!gocc_chanrecv2(t->c, buf));
    long nonzero = 0;
    for (gocc_size_t i = 0; i < size; i++)
        nonzero += buf[i] != 0;
    GCHECK_EQ(nonzero, 0);
}

struct c3 { char b[3]; };
struct a64 { _Alignas(64) unsigned char b[64]; };
struct k1 { unsigned char b[1024]; };
struct a16 { _Alignas(16) long double x; };

static void all_sizes(bool via_select)
{
    static const long caps[] = { 0, 1, 4 };
    for (unsigned k = 0; k < 3; k++) {
        long cap = caps[k];
        elem_roundtrip(1, 1, cap, via_select);
        elem_roundtrip(sizeof(struct c3), _Alignof(struct c3), cap, via_select);
        elem_roundtrip(2, 2, cap, via_select);
        elem_roundtrip(4, 4, cap, via_select);
        elem_roundtrip(8, 8, cap, via_select);
        elem_roundtrip(12, 4, cap, via_select);
        elem_roundtrip(sizeof(struct a16), _Alignof(struct a16), cap, via_select);
        elem_roundtrip(sizeof(struct a64), _Alignof(struct a64), cap, via_select);
        elem_roundtrip(100, 4, cap, via_select);
        elem_roundtrip(sizeof(struct k1), _Alignof(struct k1), cap, via_select);
        elem_roundtrip(4096 + 8, 8, cap, via_select);
    }
}

static int m_elem_sizes(int argc, char **argv, char **envp)
{
    all_sizes(false);
    return 0;
}

static int m_elem_sizes_select(int argc, char **argv, char **envp)
{
    all_sizes(true);
    return 0;
}

TU_TEST(chan, element_sizes_and_alignments) { TU_RUN(m_elem_sizes); }
TU_TEST(chan, element_sizes_and_alignments_select) { TU_RUN(m_elem_sizes_select); }

/* chan struct{}: zero-size elements (the dialect's `chan (struct {})`). */
static int m_elem_zero(int argc, char **argv, char **envp)
{
    elem_roundtrip(0, 1, 0, false);
    elem_roundtrip(0, 1, 3, false);
    elem_roundtrip(0, 1, 0, true);
    gocc_chan *c = gocc_makechan(0, 1, 2);
    char dummy = 0;
    gocc_chansend(c, &dummy);
    gocc_chansend(c, &dummy);
    GCHECK_EQ(gocc_chanlen(c), 2);
    gocc_chanrecv(c, NULL);
    GCHECK_EQ(gocc_chanlen(c), 1);
    return 0;
}

TU_TEST(chan, element_size_zero) { TU_RUN(m_elem_zero); }

/* Channels of channels (chan chan int), and a pointer element. */
static void replier(void *arg)
{
    gocc_chan *req = arg;
    gocc_chan *reply;
    while (gocc_chanrecv2(req, &reply)) {
        long v = 1000;
        gocc_chansend(reply, &v);
    }
}

static int m_chan_of_chan(int argc, char **argv, char **envp)
{
    gocc_chan *req = gocc_makechan(sizeof(gocc_chan *), _Alignof(gocc_chan *), 0);
    gocc_go(replier, req, __FILE__, __LINE__);
    long sum = 0;
    for (int i = 0; i < 100; i++) {
        gocc_chan *reply = gocc_makechan(sizeof(long), _Alignof(long), 1);
        gocc_chansend(req, &reply);
        sum += recv_long(reply);
    }
    gocc_chanclose(req);
    GCHECK_EQ(sum, 100000);
    return 0;
}

TU_TEST(chan, channel_of_channels) { TU_RUN(m_chan_of_chan); }

TU_MAIN(NULL)
