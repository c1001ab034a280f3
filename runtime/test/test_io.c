/*
 * test_io.c — the goroutine-aware blocking calls (gocc.h, gocc_sys_*) and
 * the netpoller behind them: a goroutine blocked in a read, write, accept,
 * connect, poll, select or sleep parks while the others run (checked at
 * GOMAXPROCS=1, where a blocked thread would stop everything); EAGAIN
 * reaches only code that set O_NONBLOCK itself; close wakes waiters with
 * EBADF; descriptors closed, reused or duplicated behind the runtime's back
 * keep their blocking semantics.  Libc setup calls (pipe, socket, fork, raw
 * close) go through gocc_systemstack, as goroutine code must.
 */
#include "test_util.h"
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>

/* ---- raw libc from goroutine code ------------------------------------------- */

struct raw { long (*fn)(struct raw *); long a[4]; long r; int err; };

static void raw_ss(void *p)
{
    struct raw *c = p;
    errno = 0;
    c->r = c->fn(c);
    c->err = errno;
}

static long raw_call(long (*fn)(struct raw *), long a0, long a1, long a2, long a3)
{
    struct raw c = { fn, { a0, a1, a2, a3 }, 0, 0 };
    gocc_systemstack(raw_ss, &c);
    return c.r;
}
/* RAW(fn, args...): fn on the system stack with up to four arguments. */
#define RAW_(fn, a0, a1, a2, a3, ...) raw_call(fn, (long)(a0), (long)(a1), (long)(a2), (long)(a3))
#define RAW(...) RAW_(__VA_ARGS__, 0, 0, 0, 0)

static long r_pipe(struct raw *c) { return pipe((int *)c->a[0]); }
static long r_pipe2(struct raw *c) { return pipe2((int *)c->a[0], (int)c->a[1]); }
static long r_socketpair(struct raw *c) { return socketpair(AF_UNIX, SOCK_STREAM, 0, (int *)c->a[0]); }
static long r_close(struct raw *c) { return close((int)c->a[0]); }
static long r_getfl(struct raw *c) { return fcntl((int)c->a[0], F_GETFL); }
static long r_dup(struct raw *c) { return dup((int)c->a[0]); }
static long r_write(struct raw *c) { return write((int)c->a[0], (void *)c->a[1], (size_t)c->a[2]); }
static long r_shutdown(struct raw *c) { return shutdown((int)c->a[0], (int)c->a[1]); }
static long r_tcpsocket(struct raw *c) { return socket(AF_INET, SOCK_STREAM, 0); }
static long r_fdopen(struct raw *c) { return (long)fdopen((int)c->a[0], (const char *)c->a[1]); }
static long r_fclose(struct raw *c) { return fclose((FILE *)c->a[0]); }
static long r_freeaddrinfo(struct raw *c) { freeaddrinfo((struct addrinfo *)c->a[0]); return 0; }
static long r_free(struct raw *c) { free((void *)c->a[0]); return 0; }
static long r_tmpfd(struct raw *c) { FILE *f = tmpfile(); return f ? dup(fileno(f)) : -1; }

/* Network byte order without libc (goroutine code). */
#define BE16(x) __builtin_bswap16((uint16_t)(x))
#define BE32(x) __builtin_bswap32((uint32_t)(x))

static struct sockaddr_in loopback(int port)
{
    struct sockaddr_in a;
    tu_fill(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = BE16(port);
    a.sin_addr.s_addr = BE32(INADDR_LOOPBACK);
    return a;
}

/* A TCP socket on 127.0.0.1, ephemeral port (*port), listening or not. */
static long r_tcpbound(struct raw *c)
{
    int s = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    struct sockaddr_in a = loopback(0);
    socklen_t len = sizeof a;
    if (s < 0 || setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) < 0 ||
        bind(s, (struct sockaddr *)&a, sizeof a) < 0 ||
        (c->a[1] && listen(s, 128) < 0) ||
        getsockname(s, (struct sockaddr *)&a, &len) < 0)
        return -1;
    *(int *)c->a[0] = ntohs(a.sin_port);
    return s;
}

/* A child that sleeps ms, writes one byte 'z' to fd and exits. */
static long r_fork_writer(struct raw *c)
{
    pid_t pid = fork();
    if (pid == 0) {
        struct timespec d = { 0, c->a[1] * 1000000 };
        close((int)c->a[2]);
        nanosleep(&d, NULL);
        ssize_t w = write((int)c->a[0], "z", 1);
        _exit(w == 1 ? 0 : 1);
    }
    return pid;
}

static long r_fork_exit(struct raw *c)
{
    pid_t pid = fork();
    if (pid == 0)
        _exit((int)c->a[0]);
    return pid;
}

static void mkpipe(int p[2]) { GCHECK_EQ(RAW(r_pipe, p), 0); }

/* Makes the runtime take both ends of a pipe over (POLL): one byte through. */
static void adopt_pipe(int p[2])
{
    char b = 0;
    GCHECK_EQ(gocc_sys_write(p[1], "a", 1), 1);
    GCHECK_EQ(gocc_sys_read(p[0], &b, 1), 1);
    GCHECK_EQ(b, 'a');
}

static bool streq(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
}

/* Goroutines that count while others block: proof that a blocked call
 * parked only its goroutine (at GOMAXPROCS=1 a blocked thread stops them). */
static atomic_long spin_ticks;
static atomic_int spin_stop;
static WaitGroup spin_wg;

static void spinner(void *arg)
{
    while (!atomic_load(&spin_stop)) {
        atomic_fetch_add(&spin_ticks, 1);
        gosched();
    }
    wg_done(&spin_wg);
}

static void spin_start(int n)
{
    atomic_store(&spin_stop, 0);
    wg_add(&spin_wg, n);
    for (int i = 0; i < n; i++)
        gocc_go(spinner, NULL, __FILE__, __LINE__);
}

static void spin_end(void)
{
    atomic_store(&spin_stop, 1);
    wg_wait(&spin_wg);
}

/* ---- a read parks only its goroutine -------------------------------------- */

static int pr_pipe[2];
static atomic_int pr_started, pr_done;
static char pr_buf[16];
static long pr_n;
static WaitGroup pr_wg;

static void pr_reader(void *arg)
{
    atomic_store(&pr_started, 1);
    pr_n = gocc_sys_read(pr_pipe[0], pr_buf, sizeof pr_buf);
    atomic_store(&pr_done, 1);
    wg_done(&pr_wg);
}

static int m_read_parks(int argc, char **argv, char **envp)
{
    mkpipe(pr_pipe);
    wg_add(&pr_wg, 1);
    gocc_go(pr_reader, NULL, __FILE__, __LINE__);
    TU_WAIT(atomic_load(&pr_started));
    spin_start(3);
    TU_WAIT(atomic_load(&spin_ticks) >= 20000);   /* the reader is parked meanwhile */
    GCHECK(!atomic_load(&pr_done));
    GCHECK_EQ(gocc_sys_write(pr_pipe[1], "hello", 5), 5);
    spin_end();
    wg_wait(&pr_wg);
    GCHECK_EQ(pr_n, 5);
    GCHECK(streq(pr_buf, "hello"));
    GCHECK_EQ(gocc_sys_close(pr_pipe[0]), 0);
    GCHECK_EQ(gocc_sys_close(pr_pipe[1]), 0);
    return 0;
}

TU_TEST(io, read_parks_only_the_goroutine)
{
    gomaxprocs(1);
    TU_RUN(m_read_parks);
}

/* The P never runs out of work: the descriptor's readiness is still seen
 * (sysmon polls the network when nobody has for a while). */
static int m_busy(int argc, char **argv, char **envp)
{
    pr_n = 0;
    atomic_store(&pr_started, 0);
    atomic_store(&pr_done, 0);
    mkpipe(pr_pipe);
    spin_start(2);
    wg_add(&pr_wg, 1);
    gocc_go(pr_reader, NULL, __FILE__, __LINE__);
    TU_WAIT(atomic_load(&pr_started));
    GCHECK_EQ(gocc_sys_write(pr_pipe[1], "busy", 4), 4);
    wg_wait(&pr_wg);                          /* the spinners keep the P busy */
    spin_end();
    GCHECK_EQ(pr_n, 4);
    GCHECK_EQ(gocc_sys_close(pr_pipe[0]), 0);
    GCHECK_EQ(gocc_sys_close(pr_pipe[1]), 0);
    return 0;
}

TU_TEST(io, ready_while_the_p_stays_busy)
{
    gomaxprocs(1);
    TU_RUN(m_busy);
}

/* ---- many goroutines, each on its own pipe -------------------------------- */

#define MP_N 300
static int mp_fds[MP_N][2];
static atomic_int mp_ok, mp_parked;
static WaitGroup mp_wg;

static void mp_reader(void *arg)
{
    int i = (int)(intptr_t)arg;
    unsigned char b[4] = { 0 };
    atomic_fetch_add(&mp_parked, 1);
    long n = gocc_sys_read(mp_fds[i][0], b, sizeof b);
    if (n == 2 && b[0] == (unsigned char)i && b[1] == (unsigned char)(i >> 8))
        atomic_fetch_add(&mp_ok, 1);
    wg_done(&mp_wg);
}

static int m_many_pipes(int argc, char **argv, char **envp)
{
    for (int i = 0; i < MP_N; i++)
        mkpipe(mp_fds[i]);
    wg_add(&mp_wg, MP_N);
    for (int i = 0; i < MP_N; i++)
        gocc_go(mp_reader, (void *)(intptr_t)i, __FILE__, __LINE__);
    TU_WAIT(atomic_load(&mp_parked) == MP_N);
    uint32_t seed = 7;
    int order[MP_N];
    for (int i = 0; i < MP_N; i++)
        order[i] = i;
    for (int i = MP_N - 1; i > 0; i--) {
        int j = (int)(tu_rand(&seed) % (uint32_t)(i + 1)), t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
    for (int k = 0; k < MP_N; k++) {
        int i = order[k];
        unsigned char b[2] = { (unsigned char)i, (unsigned char)(i >> 8) };
        GCHECK_EQ(gocc_sys_write(mp_fds[i][1], b, 2), 2);
        if (k % 16 == 0)
            gosched();
    }
    wg_wait(&mp_wg);
    GCHECK_EQ(atomic_load(&mp_ok), MP_N);
    for (int i = 0; i < MP_N; i++) {
        GCHECK_EQ(gocc_sys_close(mp_fds[i][0]), 0);
        GCHECK_EQ(gocc_sys_close(mp_fds[i][1]), 0);
    }
    return 0;
}

TU_TEST(io, many_goroutines_each_on_its_pipe) { TU_RUN(m_many_pipes); }

/* ---- several goroutines reading one descriptor ------------------------------ */

#define SR_READERS 4
#define SR_BYTES 3000
static int sr_pipe[2];
static atomic_long sr_total;
static atomic_int sr_eof;
static WaitGroup sr_wg;

static void sr_reader(void *arg)
{
    char b[8];
    for (;;) {
        long n = gocc_sys_read(sr_pipe[0], b, (size_t)1 + (size_t)(intptr_t)arg % 3);
        if (n <= 0) {
            GCHECK_EQ(n, 0);
            atomic_fetch_add(&sr_eof, 1);
            break;
        }
        atomic_fetch_add(&sr_total, n);
    }
    wg_done(&sr_wg);
}

static int m_shared_fd(int argc, char **argv, char **envp)
{
    mkpipe(sr_pipe);
    wg_add(&sr_wg, SR_READERS);
    for (int i = 0; i < SR_READERS; i++)
        gocc_go(sr_reader, (void *)(intptr_t)i, __FILE__, __LINE__);
    for (int i = 0; i < SR_BYTES; i++) {
        GCHECK_EQ(gocc_sys_write(sr_pipe[1], "x", 1), 1);
        if (i % 7 == 0)
            gosched();
    }
    TU_WAIT(atomic_load(&sr_total) == SR_BYTES);
    GCHECK_EQ(gocc_sys_close(sr_pipe[1]), 0);        /* EOF for every reader */
    wg_wait(&sr_wg);
    GCHECK_EQ(atomic_load(&sr_total), SR_BYTES);
    GCHECK_EQ(atomic_load(&sr_eof), SR_READERS);
    GCHECK_EQ(gocc_sys_close(sr_pipe[0]), 0);
    return 0;
}

TU_TEST(io, several_readers_share_a_descriptor) { TU_RUN(m_shared_fd); }

/* ---- socketpair echo, transfers far above the socket buffers ---------------- */

#define EC_BYTES (4 << 20)
static int ec_sv[2];
static unsigned char *ec_out, *ec_in;
static long ec_wrote;
static WaitGroup ec_wg;

static void ec_echo(void *arg)
{
    unsigned char *buf = gocc_alloc_atomic(65536);
    for (;;) {
        long n = gocc_sys_read(ec_sv[1], buf, 65536);
        if (n <= 0) {
            GCHECK_EQ(n, 0);
            break;
        }
        GCHECK_EQ(gocc_sys_write(ec_sv[1], buf, (size_t)n), n);   /* all of it */
    }
    GCHECK_EQ(gocc_sys_close(ec_sv[1]), 0);
    wg_done(&ec_wg);
}

static void ec_writer(void *arg)
{
    ec_wrote = gocc_sys_write(ec_sv[0], ec_out, EC_BYTES);     /* one call */
    GCHECK_EQ(RAW(r_shutdown, ec_sv[0], SHUT_WR), 0);
    wg_done(&ec_wg);
}

static int m_echo(int argc, char **argv, char **envp)
{
    GCHECK_EQ(RAW(r_socketpair, ec_sv), 0);
    ec_out = gocc_alloc_atomic(EC_BYTES);
    ec_in = gocc_alloc_atomic(EC_BYTES);
    for (long i = 0; i < EC_BYTES; i++)
        ec_out[i] = (unsigned char)(i * 7 + (i >> 12));
    wg_add(&ec_wg, 2);
    gocc_go(ec_echo, NULL, __FILE__, __LINE__);
    gocc_go(ec_writer, NULL, __FILE__, __LINE__);
    long got = 0;
    for (;;) {
        long n = gocc_sys_read(ec_sv[0], ec_in + got, (size_t)(EC_BYTES - got > 100000 ? 100000 : EC_BYTES - got + 1));
        if (n <= 0) {
            GCHECK_EQ(n, 0);
            break;
        }
        got += n;
    }
    wg_wait(&ec_wg);
    GCHECK_EQ(ec_wrote, EC_BYTES);
    GCHECK_EQ(got, EC_BYTES);
    long bad = 0;
    for (long i = 0; i < EC_BYTES; i++)
        bad += ec_in[i] != ec_out[i];
    GCHECK_EQ(bad, 0);
    GCHECK_EQ(gocc_sys_close(ec_sv[0]), 0);
    return 0;
}

TU_TEST(io, socketpair_echo_large_transfers) { TU_RUN(m_echo); }

/* writev on a full socket continues where a short write stopped. */
static int wv_sv[2];
static long wv_wrote;
static WaitGroup wv_wg;
#define WV_PART (1 << 20)

static void wv_writer(void *arg)
{
    struct iovec iov[3];
    unsigned char *a = gocc_alloc_atomic(WV_PART), *b = gocc_alloc_atomic(WV_PART);
    for (long i = 0; i < WV_PART; i++) {
        a[i] = (unsigned char)i;
        b[i] = (unsigned char)(i + 1);
    }
    iov[0].iov_base = a;
    iov[0].iov_len = WV_PART;
    iov[1].iov_base = "middle";
    iov[1].iov_len = 6;
    iov[2].iov_base = b;
    iov[2].iov_len = WV_PART;
    wv_wrote = gocc_sys_writev(wv_sv[0], iov, 3);
    GCHECK_EQ(gocc_sys_close(wv_sv[0]), 0);
    wg_done(&wv_wg);
}

static int m_writev(int argc, char **argv, char **envp)
{
    GCHECK_EQ(RAW(r_socketpair, wv_sv), 0);
    wg_add(&wv_wg, 1);
    gocc_go(wv_writer, NULL, __FILE__, __LINE__);
    unsigned char *in = gocc_alloc_atomic(2 * WV_PART + 6);
    long got = 0, bad = 0;
    for (;;) {
        long n = gocc_sys_recv(wv_sv[1], in + got, 2 * WV_PART + 6 - (size_t)got, 0);
        if (n <= 0)
            break;
        got += n;
    }
    wg_wait(&wv_wg);
    GCHECK_EQ(wv_wrote, 2 * WV_PART + 6);
    GCHECK_EQ(got, 2 * WV_PART + 6);
    for (long i = 0; i < WV_PART; i++)
        bad += in[i] != (unsigned char)i || in[WV_PART + 6 + i] != (unsigned char)(i + 1);
    GCHECK_EQ(bad, 0);
    GCHECK(in[WV_PART] == 'm' && in[WV_PART + 5] == 'e');
    GCHECK_EQ(gocc_sys_close(wv_sv[1]), 0);
    return 0;
}

TU_TEST(io, writev_completes_after_short_writes) { TU_RUN(m_writev); }

/* ---- TCP on the loopback: accept, connect, refused connect --------------- */

#define TC_CLIENTS 20
static int tc_lfd, tc_port;
static atomic_int tc_ok;
static WaitGroup tc_wg;

static void tc_handler(void *arg)
{
    int c = (int)(intptr_t)arg;
    char b[8];
    GCHECK_EQ(gocc_sys_recv(c, b, 8, MSG_WAITALL), 8);
    for (int i = 0; i < 8; i++)
        b[i] = (char)(b[i] + 1);
    GCHECK_EQ(gocc_sys_send(c, b, 8, 0), 8);
    GCHECK_EQ(gocc_sys_close(c), 0);
    wg_done(&tc_wg);
}

static void tc_server(void *arg)
{
    for (int i = 0; i < TC_CLIENTS; i++) {
        struct sockaddr_in peer;
        unsigned int len = sizeof peer;
        int c = gocc_sys_accept(tc_lfd, (struct sockaddr *)&peer, &len);
        GCHECK(c >= 0);
        GCHECK_EQ(peer.sin_addr.s_addr, BE32(INADDR_LOOPBACK));
        wg_add(&tc_wg, 1);
        gocc_go(tc_handler, (void *)(intptr_t)c, __FILE__, __LINE__);
    }
    wg_done(&tc_wg);
}

static void tc_client(void *arg)
{
    int id = (int)(intptr_t)arg;
    int s = (int)RAW(r_tcpsocket, 0);
    struct sockaddr_in a = loopback(tc_port);
    GCHECK_EQ(gocc_sys_connect(s, (struct sockaddr *)&a, sizeof a), 0);
    char msg[8], back[8];
    for (int i = 0; i < 8; i++)
        msg[i] = (char)(id * 8 + i);
    /* the request in two pieces: the server waits for all 8 bytes */
    GCHECK_EQ(gocc_sys_send(s, msg, 3, 0), 3);
    gosched();
    GCHECK_EQ(gocc_sys_write(s, msg + 3, 5), 5);
    GCHECK_EQ(gocc_sys_recv(s, back, 8, MSG_WAITALL), 8);
    int good = 1;
    for (int i = 0; i < 8; i++)
        good &= back[i] == (char)(msg[i] + 1);
    char eof;
    GCHECK_EQ(gocc_sys_read(s, &eof, 1), 0);
    if (good)
        atomic_fetch_add(&tc_ok, 1);
    GCHECK_EQ(gocc_sys_close(s), 0);
    wg_done(&tc_wg);
}

static int m_tcp(int argc, char **argv, char **envp)
{
    tc_lfd = (int)RAW(r_tcpbound, &tc_port, 1);
    GCHECK(tc_lfd >= 0);
    wg_add(&tc_wg, 1 + TC_CLIENTS);
    gocc_go(tc_server, NULL, __FILE__, __LINE__);
    for (int i = 0; i < TC_CLIENTS; i++)
        gocc_go(tc_client, (void *)(intptr_t)i, __FILE__, __LINE__);
    wg_wait(&tc_wg);
    GCHECK_EQ(atomic_load(&tc_ok), TC_CLIENTS);
    GCHECK_EQ(gocc_sys_close(tc_lfd), 0);

    /* a bound socket that does not listen: the connect is refused */
    int port = 0, b = (int)RAW(r_tcpbound, &port, 0);
    int s = (int)RAW(r_tcpsocket, 0);
    struct sockaddr_in a = loopback(port);
    GCHECK_EQ(gocc_sys_connect(s, (struct sockaddr *)&a, sizeof a), -1);
    GCHECK_EQ(*gocc_errno(), ECONNREFUSED);
    GCHECK_EQ(gocc_sys_close(s), 0);
    GCHECK_EQ(gocc_sys_close(b), 0);
    return 0;
}

TU_TEST(io, tcp_loopback_accept_and_connect) { TU_RUN(m_tcp); }

/* accept4(SOCK_NONBLOCK): the caller asked for EAGAIN on the new socket. */
static int an_lfd, an_port;

static void an_client(void *arg)
{
    int s = (int)RAW(r_tcpsocket, 0);
    struct sockaddr_in a = loopback(an_port);
    GCHECK_EQ(gocc_sys_connect(s, (struct sockaddr *)&a, sizeof a), 0);
    char b;
    GCHECK_EQ(gocc_sys_read(s, &b, 1), 0);    /* parks until the server closes */
    GCHECK_EQ(gocc_sys_close(s), 0);
}

static int m_accept_nonblock(int argc, char **argv, char **envp)
{
    an_lfd = (int)RAW(r_tcpbound, &an_port, 1);
    gocc_go(an_client, NULL, __FILE__, __LINE__);
    int c = gocc_sys_accept4(an_lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
    GCHECK(c >= 0);
    char b;
    GCHECK_EQ(gocc_sys_read(c, &b, 1), -1);
    GCHECK_EQ(*gocc_errno(), EAGAIN);
    GCHECK(gocc_sys_fcntl(c, F_GETFL) & O_NONBLOCK);
    GCHECK_EQ(gocc_sys_close(c), 0);
    GCHECK_EQ(gocc_sys_close(an_lfd), 0);
    return 0;
}

TU_TEST(io, accept4_nonblock_is_the_callers) { TU_RUN(m_accept_nonblock); }

/* ---- O_NONBLOCK: the user's and the runtime's --------------------------------- */

static int un_pipe[2];
static long un_n;
static WaitGroup un_wg;

static void un_reader(void *arg)
{
    char b[4];
    un_n = gocc_sys_read(un_pipe[0], b, sizeof b);
    wg_done(&un_wg);
}

static int m_user_nonblock(int argc, char **argv, char **envp)
{
    mkpipe(un_pipe);
    adopt_pipe(un_pipe);
    /* the runtime switched the description; F_GETFL does not show it */
    GCHECK(RAW(r_getfl, un_pipe[0]) & O_NONBLOCK);
    int fl = gocc_sys_fcntl(un_pipe[0], F_GETFL);
    GCHECK(fl >= 0 && !(fl & O_NONBLOCK));
    /* the caller asks for O_NONBLOCK: EAGAIN is its own */
    GCHECK_EQ(gocc_sys_fcntl(un_pipe[0], F_SETFL, fl | O_NONBLOCK), 0);
    GCHECK(gocc_sys_fcntl(un_pipe[0], F_GETFL) & O_NONBLOCK);
    char b[4];
    *gocc_errno() = 0;
    GCHECK_EQ(gocc_sys_read(un_pipe[0], b, sizeof b), -1);
    GCHECK_EQ(*gocc_errno(), EAGAIN);
    /* and back: the read parks again */
    GCHECK_EQ(gocc_sys_fcntl(un_pipe[0], F_SETFL, fl), 0);
    GCHECK(!(gocc_sys_fcntl(un_pipe[0], F_GETFL) & O_NONBLOCK));
    wg_add(&un_wg, 1);
    gocc_go(un_reader, NULL, __FILE__, __LINE__);
    tu_let_others_run();
    GCHECK_EQ(un_n, 0);
    *gocc_errno() = 1234;                     /* errno survives the absorbed EAGAINs */
    GCHECK_EQ(gocc_sys_write(un_pipe[1], "ok", 2), 2);
    wg_wait(&un_wg);
    GCHECK_EQ(un_n, 2);
    GCHECK_EQ(*gocc_errno(), 1234);
    GCHECK(RAW(r_getfl, un_pipe[0]) & O_NONBLOCK);   /* still the runtime's */
    GCHECK_EQ(gocc_sys_close(un_pipe[0]), 0);
    GCHECK_EQ(gocc_sys_close(un_pipe[1]), 0);

    /* created non-blocking by the user */
    int p[2];
    GCHECK_EQ(RAW(r_pipe2, p, O_NONBLOCK), 0);
    GCHECK_EQ(gocc_sys_read(p[0], b, sizeof b), -1);
    GCHECK_EQ(*gocc_errno(), EAGAIN);
    GCHECK(gocc_sys_fcntl(p[0], F_GETFL) & O_NONBLOCK);
    GCHECK_EQ(gocc_sys_close(p[0]), 0);
    GCHECK_EQ(gocc_sys_close(p[1]), 0);

    /* MSG_DONTWAIT asks for EAGAIN on one call */
    int sv[2];
    GCHECK_EQ(RAW(r_socketpair, sv), 0);
    GCHECK_EQ(gocc_sys_recv(sv[0], b, 1, MSG_DONTWAIT), -1);
    GCHECK_EQ(*gocc_errno(), EAGAIN);
    GCHECK_EQ(gocc_sys_send(sv[1], "q", 1, MSG_DONTWAIT), 1);
    GCHECK_EQ(gocc_sys_recv(sv[0], b, 1, 0), 1);
    GCHECK_EQ(gocc_sys_close(sv[0]), 0);
    GCHECK_EQ(gocc_sys_close(sv[1]), 0);
    return 0;
}

TU_TEST(io, eagain_only_for_callers_that_set_nonblock) { TU_RUN(m_user_nonblock); }

/* ---- close wakes the goroutines waiting on the descriptor ------------------- */

#define CW_N 3
static int cw_pipe[2], cw_full[2];
static atomic_int cw_started;
static long cw_res[CW_N + 1];
static int cw_err[CW_N + 1];
static WaitGroup cw_wg;

static void cw_reader(void *arg)
{
    int i = (int)(intptr_t)arg;
    char b[4];
    atomic_fetch_add(&cw_started, 1);
    cw_res[i] = gocc_sys_read(cw_pipe[0], b, sizeof b);
    cw_err[i] = *gocc_errno();
    wg_done(&cw_wg);
}

static void cw_writer(void *arg)
{
    atomic_fetch_add(&cw_started, 1);
    cw_res[CW_N] = gocc_sys_write(cw_full[1], "w", 1);
    cw_err[CW_N] = *gocc_errno();
    wg_done(&cw_wg);
}

static int m_close_wakes(int argc, char **argv, char **envp)
{
    mkpipe(cw_pipe);
    mkpipe(cw_full);
    /* fill cw_full: non-blocking (the user's) until EAGAIN, then blocking */
    int fl = gocc_sys_fcntl(cw_full[1], F_GETFL);
    GCHECK_EQ(gocc_sys_fcntl(cw_full[1], F_SETFL, fl | O_NONBLOCK), 0);
    char *junk = gocc_alloc_atomic(4096);
    while (gocc_sys_write(cw_full[1], junk, 4096) > 0)
        ;
    while (gocc_sys_write(cw_full[1], junk, 1) > 0)
        ;
    GCHECK_EQ(*gocc_errno(), EAGAIN);
    GCHECK_EQ(gocc_sys_fcntl(cw_full[1], F_SETFL, fl), 0);

    wg_add(&cw_wg, CW_N + 1);
    for (int i = 0; i < CW_N; i++)
        gocc_go(cw_reader, (void *)(intptr_t)i, __FILE__, __LINE__);
    gocc_go(cw_writer, NULL, __FILE__, __LINE__);
    TU_WAIT(atomic_load(&cw_started) == CW_N + 1);
    tu_let_others_run();                      /* all four are parked by now */
    GCHECK_EQ(gocc_sys_close(cw_pipe[0]), 0);
    GCHECK_EQ(gocc_sys_close(cw_full[1]), 0);
    wg_wait(&cw_wg);
    for (int i = 0; i <= CW_N; i++) {
        GCHECK_EQ(cw_res[i], -1);
        GCHECK_EQ(cw_err[i], EBADF);
    }
    GCHECK_EQ(gocc_sys_close(cw_pipe[1]), 0);
    GCHECK_EQ(gocc_sys_close(cw_full[0]), 0);
    return 0;
}

TU_TEST(io, close_wakes_waiters_with_ebadf) { TU_RUN(m_close_wakes); }

/* Closing the write end: a parked reader sees end of file. */
static int eo_pipe[2];
static long eo_n = -2;
static WaitGroup eo_wg;

static void eo_reader(void *arg)
{
    char b;
    eo_n = gocc_sys_read(eo_pipe[0], &b, 1);
    wg_done(&eo_wg);
}

static int m_eof(int argc, char **argv, char **envp)
{
    mkpipe(eo_pipe);
    wg_add(&eo_wg, 1);
    gocc_go(eo_reader, NULL, __FILE__, __LINE__);
    tu_let_others_run();
    GCHECK_EQ(gocc_sys_close(eo_pipe[1]), 0);
    wg_wait(&eo_wg);
    GCHECK_EQ(eo_n, 0);
    GCHECK_EQ(gocc_sys_close(eo_pipe[0]), 0);
    return 0;
}

TU_TEST(io, closing_the_writer_gives_eof) { TU_RUN(m_eof); }

/* ---- sleeping calls park only the goroutine --------------------------------- */

static int64_t ns_of(const struct timespec *t) { return (int64_t)t->tv_sec * 1000000000 + t->tv_nsec; }

static int m_sleeps(int argc, char **argv, char **envp)
{
    spin_start(1);
    long c0 = atomic_load(&spin_ticks);
    Time t0 = time_now();
    GCHECK_EQ(gocc_sys_usleep(20000), 0);
    GCHECK(time_since(t0) >= 20 * MILLISECOND);
    long c1 = atomic_load(&spin_ticks);
    GCHECK(c1 > c0);                          /* the spinner ran meanwhile */

    struct timespec req = { 0, 20000000 }, rem = { 7, 7 };
    t0 = time_now();
    GCHECK_EQ(gocc_sys_nanosleep(&req, &rem), 0);
    GCHECK(time_since(t0) >= 20 * MILLISECOND);
    GCHECK(rem.tv_sec == 0 && rem.tv_nsec == 0);
    long c2 = atomic_load(&spin_ticks);
    GCHECK(c2 > c1);

    t0 = time_now();
    GCHECK_EQ(gocc_sys_clock_nanosleep(CLOCK_MONOTONIC, 0, &req, NULL), 0);
    GCHECK(time_since(t0) >= 20 * MILLISECOND);
    long c3 = atomic_load(&spin_ticks);
    GCHECK(c3 > c2);

    /* absolute: time_now() reads CLOCK_MONOTONIC */
    int64_t until = time_now().ns + 20 * MILLISECOND;
    struct timespec abs = { until / 1000000000, until % 1000000000 };
    GCHECK_EQ(gocc_sys_clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &abs, NULL), 0);
    GCHECK(time_now().ns >= ns_of(&abs));
    long c4 = atomic_load(&spin_ticks);
    GCHECK(c4 > c3);

    t0 = time_now();
    GCHECK_EQ(gocc_sys_sleep(1), 0u);
    GCHECK(time_since(t0) >= SECOND);
    GCHECK(atomic_load(&spin_ticks) > c4);

    struct timespec bad = { 0, 2000000000 };
    GCHECK_EQ(gocc_sys_nanosleep(&bad, NULL), -1);
    GCHECK_EQ(*gocc_errno(), EINVAL);
    GCHECK_EQ(gocc_sys_clock_nanosleep(CLOCK_MONOTONIC, 0, &bad, NULL), EINVAL);
    spin_end();
    return 0;
}

TU_TEST(io, sleeping_calls_park_only_the_goroutine)
{
    gomaxprocs(1);
    TU_RUN(m_sleeps);
}

/* ---- descriptors closed, reused or duplicated behind the runtime's back -------- */

static int rb_fd;
static long rb_n;
static char rb_b;
static WaitGroup rb_wg;

static void rb_reader(void *arg)
{
    rb_n = gocc_sys_read(rb_fd, &rb_b, 1);
    wg_done(&rb_wg);
}

/* A reader goroutine on fd; the byte c written to wfd reaches it. */
static void read_through(int fd, int wfd, char c)
{
    rb_fd = fd;
    rb_n = -2;
    wg_add(&rb_wg, 1);
    gocc_go(rb_reader, NULL, __FILE__, __LINE__);
    tu_let_others_run();
    GCHECK_EQ(rb_n, -2);                      /* parked, not EAGAIN */
    GCHECK_EQ(gocc_sys_write(wfd, &c, 1), 1);
    wg_wait(&rb_wg);
    GCHECK_EQ(rb_n, 1);
    GCHECK_EQ(rb_b, c);
}

static int m_reuse(int argc, char **argv, char **envp)
{
    /* closed behind our back, the number reused by the user's non-blocking
     * pipe: EAGAIN is the user's, not a wait that never ends */
    int a[2], b[2];
    mkpipe(a);
    adopt_pipe(a);
    GCHECK_EQ(RAW(r_close, a[0]), 0);
    GCHECK_EQ(RAW(r_pipe2, b, O_NONBLOCK), 0);
    GCHECK_EQ(b[0], a[0]);
    char c;
    GCHECK_EQ(gocc_sys_read(b[0], &c, 1), -1);
    GCHECK_EQ(*gocc_errno(), EAGAIN);
    GCHECK(gocc_sys_fcntl(b[0], F_GETFL) & O_NONBLOCK);
    GCHECK_EQ(RAW(r_write, b[1], "y", 1), 1);
    GCHECK_EQ(gocc_sys_read(b[0], &c, 1), 1);
    GCHECK_EQ(c, 'y');

    /* closed behind our back and not reused: EBADF, and the entry is
     * forgotten, so the next pipe at that number is taken over afresh */
    int d[2], e[2];
    mkpipe(d);
    adopt_pipe(d);
    GCHECK_EQ(RAW(r_close, d[0]), 0);
    GCHECK_EQ(gocc_sys_read(d[0], &c, 1), -1);
    GCHECK_EQ(*gocc_errno(), EBADF);
    mkpipe(e);
    GCHECK_EQ(e[0], d[0]);
    read_through(e[0], e[1], 'e');
    GCHECK(RAW(r_getfl, e[0]) & O_NONBLOCK);  /* POLL again */

    /* closed behind our back, the number reused by a blocking pipe that
     * has data: the stale entry says POLL; the read returns the data */
    int f[2], g[2];
    mkpipe(f);
    adopt_pipe(f);
    GCHECK_EQ(RAW(r_close, f[0]), 0);
    mkpipe(g);
    GCHECK_EQ(g[0], f[0]);
    GCHECK_EQ(gocc_sys_write(g[1], "g", 1), 1);
    GCHECK_EQ(gocc_sys_read(g[0], &c, 1), 1);
    GCHECK_EQ(c, 'g');

    int all[] = { a[1], b[0], b[1], d[1], e[0], e[1], f[1], g[0], g[1] };
    for (unsigned i = 0; i < sizeof all / sizeof all[0]; i++)
        GCHECK_EQ(gocc_sys_close(all[i]), 0);
    return 0;
}

TU_TEST(io, descriptors_closed_behind_the_runtimes_back)
{
    gomaxprocs(1);
    TU_RUN(m_reuse);
}

/* Sockets closed behind the runtime's back, their numbers reused by
 * blocking sockets: connect notices (fclose of an fdopen'ed socket, then
 * socket(), is the usual way), and so does an EAGAIN from a receive
 * timeout. */
static int rs_lfd, rs_port;

static long r_rcvtimeo(struct raw *c)
{
    struct timeval tv = { 0, 10000 };
    return setsockopt((int)c->a[0], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
}

static void rs_server(void *arg)
{
    int c = gocc_sys_accept(rs_lfd, NULL, NULL);
    GCHECK(c >= 0);
    tu_let_others_run();                      /* the client is parked in recv */
    GCHECK_EQ(gocc_sys_write(c, "srv", 3), 3);
    GCHECK_EQ(gocc_sys_close(c), 0);
}

static int m_reuse_sockets(int argc, char **argv, char **envp)
{
    int sv[2], tv2[2];
    char b[4];
    rs_lfd = (int)RAW(r_tcpbound, &rs_port, 1);
    GCHECK_EQ(RAW(r_socketpair, sv), 0);
    GCHECK_EQ(gocc_sys_write(sv[1], "x", 1), 1);
    GCHECK_EQ(gocc_sys_read(sv[0], b, 1), 1);     /* both POLL */
    GCHECK_EQ(RAW(r_close, sv[0]), 0);
    int s = (int)RAW(r_tcpsocket, 0);             /* blocking, at sv[0]'s number? */
    int reused = s == sv[0];
    if (!reused)
        GCHECK_EQ(RAW(r_close, s), 0);
    GCHECK(reused);
    gocc_go(rs_server, NULL, __FILE__, __LINE__);
    struct sockaddr_in a = loopback(rs_port);
    GCHECK_EQ(gocc_sys_connect(s, (struct sockaddr *)&a, sizeof a), 0);
    GCHECK_EQ(gocc_sys_recv(s, b, 3, MSG_WAITALL), 3);  /* parks: POLL again */
    GCHECK(b[0] == 's' && b[2] == 'v');
    GCHECK_EQ(gocc_sys_close(s), 0);
    GCHECK_EQ(gocc_sys_close(rs_lfd), 0);

    /* a receive timeout on a reused number: its EAGAIN is not the
     * runtime's; the descriptor is taken over afresh and the read parks */
    GCHECK_EQ(RAW(r_close, sv[1]), 0);
    GCHECK_EQ(RAW(r_socketpair, tv2), 0);
    GCHECK_EQ(RAW(r_rcvtimeo, tv2[0]), 0);
    read_through(tv2[0], tv2[1], 't');
    GCHECK_EQ(gocc_sys_close(tv2[0]), 0);
    GCHECK_EQ(gocc_sys_close(tv2[1]), 0);
    return 0;
}

TU_TEST(io, sockets_closed_behind_the_runtimes_back)
{
    gomaxprocs(1);
    TU_RUN(m_reuse_sockets);
}

/* A dup() made behind the runtime's back shares the non-blocking
 * description: it is recognised as the runtime's, reads park. */
static int m_dup_behind(int argc, char **argv, char **envp)
{
    int p[2];
    mkpipe(p);
    adopt_pipe(p);
    int d = (int)RAW(r_dup, p[0]);
    GCHECK(d > p[1]);
    GCHECK(!(gocc_sys_fcntl(d, F_GETFL) & O_NONBLOCK));
    read_through(d, p[1], 'd');
    GCHECK_EQ(gocc_sys_close(d), 0);
    read_through(p[0], p[1], 'p');            /* the original is still fine */
    GCHECK_EQ(gocc_sys_close(p[0]), 0);
    GCHECK_EQ(gocc_sys_close(p[1]), 0);
    return 0;
}

TU_TEST(io, dup_behind_the_runtimes_back_still_blocks) { TU_RUN(m_dup_behind); }

/* dup2 onto stdio gives the description its blocking mode back (a child
 * exec'd with it must not see EAGAIN); F_DUPFD and dup3 copies park. */
static int m_dups(int argc, char **argv, char **envp)
{
    int p[2];
    mkpipe(p);
    adopt_pipe(p);
    GCHECK(RAW(r_getfl, p[1]) & O_NONBLOCK);
    int saved = (int)RAW(r_dup, 1);
    GCHECK_EQ(gocc_sys_dup2(p[1], 1), 1);
    GCHECK(!(RAW(r_getfl, 1) & O_NONBLOCK));
    GCHECK(!(RAW(r_getfl, p[1]) & O_NONBLOCK));
    GCHECK_EQ(gocc_sys_dup2(saved, 1), 1);
    GCHECK_EQ(gocc_sys_close(saved), 0);

    int q[2];
    mkpipe(q);
    adopt_pipe(q);
    int d = gocc_sys_fcntl(q[0], F_DUPFD_CLOEXEC, 40);
    GCHECK(d >= 40);
    read_through(d, q[1], '1');
    GCHECK_EQ(gocc_sys_dup3(q[0], 50, O_CLOEXEC), 50);
    read_through(50, q[1], '2');
    GCHECK_EQ(gocc_sys_dup2(q[0], d), d);     /* onto a POLL fd: replaced */
    read_through(d, q[1], '3');
    int all[] = { p[0], p[1], q[0], q[1], d, 50 };
    for (unsigned i = 0; i < sizeof all / sizeof all[0]; i++)
        GCHECK_EQ(gocc_sys_close(all[i]), 0);
    return 0;
}

TU_TEST(io, dup2_dup3_and_fcntl_dupfd) { TU_RUN(m_dups); }

/* ---- poll and select ------------------------------------------------------- */

static int pl_a[2], pl_b[2];
static atomic_int pl_started;
static int pl_r, pl_rev0, pl_rev1;
static WaitGroup pl_wg;

static void pl_waiter(void *arg)
{
    struct pollfd fds[3] = { { pl_a[0], POLLIN, 0 }, { -1, POLLIN, 0 }, { pl_b[0], POLLIN, 0 } };
    atomic_store(&pl_started, 1);
    pl_r = gocc_sys_poll(fds, 3, -1);
    pl_rev0 = fds[0].revents;
    pl_rev1 = fds[2].revents;
    wg_done(&pl_wg);
}

static long r_fdset(struct raw *c)
{
    fd_set *s = (fd_set *)c->a[0];
    if (c->a[2])
        FD_ZERO(s);
    if (c->a[1] >= 0)
        FD_SET((int)c->a[1], s);
    return 0;
}

static long r_fdisset(struct raw *c) { return FD_ISSET((int)c->a[1], (fd_set *)c->a[0]); }

static int m_poll(int argc, char **argv, char **envp)
{
    mkpipe(pl_a);
    mkpipe(pl_b);
    spin_start(1);
    wg_add(&pl_wg, 1);
    gocc_go(pl_waiter, NULL, __FILE__, __LINE__);
    TU_WAIT(atomic_load(&pl_started));
    long c0 = atomic_load(&spin_ticks);
    tu_let_others_run();
    GCHECK(atomic_load(&spin_ticks) > c0);
    GCHECK_EQ(gocc_sys_write(pl_b[1], "b", 1), 1);
    spin_end();
    wg_wait(&pl_wg);
    GCHECK_EQ(pl_r, 1);
    GCHECK_EQ(pl_rev0, 0);
    GCHECK(pl_rev1 & POLLIN);
    spin_start(1);

    /* a timeout: nothing ready, at least the time asked for */
    struct pollfd one = { pl_a[0], POLLIN, 0 };
    Time t0 = time_now();
    c0 = atomic_load(&spin_ticks);
    GCHECK_EQ(gocc_sys_poll(&one, 1, 30), 0);
    GCHECK(time_since(t0) >= 30 * MILLISECOND);
    GCHECK(atomic_load(&spin_ticks) > c0);
    GCHECK_EQ(one.revents, 0);
    /* ready at once: writable, and the readable one */
    struct pollfd two[2] = { { pl_a[1], POLLOUT, 0 }, { pl_b[0], POLLIN, 0 } };
    GCHECK_EQ(gocc_sys_poll(two, 2, 1000), 2);

    /* poll and select with no descriptor: sleeps that park */
    t0 = time_now();
    c0 = atomic_load(&spin_ticks);
    GCHECK_EQ(gocc_sys_poll(NULL, 0, 20), 0);
    GCHECK(time_since(t0) >= 20 * MILLISECOND);
    struct timeval nap = { 0, 20000 };
    GCHECK_EQ(gocc_sys_select(0, NULL, NULL, NULL, &nap), 0);
    GCHECK(time_since(t0) >= 40 * MILLISECOND);
    GCHECK(atomic_load(&spin_ticks) > c0);

    /* select: a timeout clears the sets and the time left */
    fd_set *rd = gocc_alloc(sizeof(fd_set)), *wr = gocc_alloc(sizeof(fd_set));
    RAW(r_fdset, rd, pl_a[0], 1);
    struct timeval tv = { 0, 30000 };
    t0 = time_now();
    c0 = atomic_load(&spin_ticks);
    GCHECK_EQ(gocc_sys_select(pl_a[0] + 1, rd, NULL, NULL, &tv), 0);
    GCHECK(time_since(t0) >= 30 * MILLISECOND);
    GCHECK(atomic_load(&spin_ticks) > c0);
    GCHECK(!RAW(r_fdisset, rd, pl_a[0]));
    GCHECK(tv.tv_sec == 0 && tv.tv_usec == 0);
    /* select: readable b and writable a */
    RAW(r_fdset, rd, pl_a[0], 1);
    RAW(r_fdset, rd, pl_b[0], 0);
    RAW(r_fdset, wr, pl_a[1], 1);
    int n = (pl_b[1] > pl_a[1] ? pl_b[1] : pl_a[1]) + 1;
    GCHECK_EQ(gocc_sys_select(n, rd, wr, NULL, NULL), 2);
    GCHECK(!RAW(r_fdisset, rd, pl_a[0]));
    GCHECK(RAW(r_fdisset, rd, pl_b[0]));
    GCHECK(RAW(r_fdisset, wr, pl_a[1]));
    spin_end();
    int all[] = { pl_a[0], pl_a[1], pl_b[0], pl_b[1] };
    for (unsigned i = 0; i < 4; i++)
        GCHECK_EQ(gocc_sys_close(all[i]), 0);
    return 0;
}

TU_TEST(io, poll_and_select_park)
{
    gomaxprocs(1);
    TU_RUN(m_poll);
}

/* Deadlines racing with data: poll(1 ms) either times out or sees the
 * byte; either way a blocking poll then finds it.  Exercises the timer
 * against the poller's wake-up. */
#define RC_ROUNDS 300
static int rc_pipe[2];
static WaitGroup rc_wg;

static void rc_writer(void *arg)
{
    uint32_t s = (uint32_t)(intptr_t)arg;
    int spins = (int)(tu_rand(&s) % 40);
    for (int i = 0; i < spins; i++)
        gosched();
    if (tu_rand(&s) % 4 == 0)
        time_sleep(MILLISECOND);
    GCHECK_EQ(gocc_sys_write(rc_pipe[1], "r", 1), 1);
    wg_done(&rc_wg);
}

static int m_race(int argc, char **argv, char **envp)
{
    mkpipe(rc_pipe);
    int timeouts = 0;
    for (int i = 0; i < RC_ROUNDS; i++) {
        wg_add(&rc_wg, 1);
        gocc_go(rc_writer, (void *)(intptr_t)(i + 1), __FILE__, __LINE__);
        struct pollfd p = { rc_pipe[0], POLLIN, 0 };
        int r = gocc_sys_poll(&p, 1, 1);
        if (r == 0) {
            timeouts++;
            r = gocc_sys_poll(&p, 1, -1);
        }
        GCHECK_EQ(r, 1);
        GCHECK(p.revents & POLLIN);
        char c;
        GCHECK_EQ(gocc_sys_read(rc_pipe[0], &c, 1), 1);
        wg_wait(&rc_wg);
    }
    (void)timeouts;
    GCHECK_EQ(gocc_sys_close(rc_pipe[0]), 0);
    GCHECK_EQ(gocc_sys_close(rc_pipe[1]), 0);
    return 0;
}

TU_TEST(io, poll_deadline_races_with_data) { TU_RUN(m_race); }

/* Ping-pong over pipe pairs: many parks and wake-ups across Ms. */
#define PP_PAIRS 40
#define PP_ROUNDS 500
static int pp_fds[PP_PAIRS][4];
static atomic_int pp_ok;
static WaitGroup pp_wg;

static void pp_ponger(void *arg)
{
    int *f = pp_fds[(intptr_t)arg];
    unsigned char b;
    for (int i = 0; i < PP_ROUNDS; i++) {
        if (gocc_sys_read(f[0], &b, 1) != 1)
            break;
        b++;
        GCHECK_EQ(gocc_sys_write(f[3], &b, 1), 1);
    }
    wg_done(&pp_wg);
}

static void pp_pinger(void *arg)
{
    int *f = pp_fds[(intptr_t)arg];
    unsigned char b = 0;
    int good = 1;
    for (int i = 0; i < PP_ROUNDS; i++) {
        unsigned char want = (unsigned char)(b + 1);
        GCHECK_EQ(gocc_sys_write(f[1], &b, 1), 1);
        GCHECK_EQ(gocc_sys_read(f[2], &b, 1), 1);
        good &= b == want;
    }
    if (good)
        atomic_fetch_add(&pp_ok, 1);
    wg_done(&pp_wg);
}

static int m_pingpong(int argc, char **argv, char **envp)
{
    for (int i = 0; i < PP_PAIRS; i++) {
        mkpipe(&pp_fds[i][0]);
        mkpipe(&pp_fds[i][2]);
    }
    wg_add(&pp_wg, 2 * PP_PAIRS);
    for (intptr_t i = 0; i < PP_PAIRS; i++) {
        gocc_go(pp_ponger, (void *)i, __FILE__, __LINE__);
        gocc_go(pp_pinger, (void *)i, __FILE__, __LINE__);
    }
    wg_wait(&pp_wg);
    GCHECK_EQ(atomic_load(&pp_ok), PP_PAIRS);
    for (int i = 0; i < PP_PAIRS; i++)
        for (int k = 0; k < 4; k++)
            GCHECK_EQ(gocc_sys_close(pp_fds[i][k]), 0);
    return 0;
}

TU_TEST(io, pipe_pingpong_pairs) { TU_RUN(m_pingpong); }

/* ---- stdio, processes, files -------------------------------------------------- */

static int m_stdio(int argc, char **argv, char **envp)
{
    int p[2];
    mkpipe(p);
    adopt_pipe(p);
    FILE *in = (FILE *)RAW(r_fdopen, p[0], "r"), *out = (FILE *)RAW(r_fdopen, p[1], "w");
    GCHECK(in && out);
    GCHECK_EQ(gocc_sys_write(p[1], "line1\nline2 more\n", 17), 17);
    char buf[64];
    GCHECK(gocc_sys_fgets(buf, sizeof buf, in) == buf);
    GCHECK(streq(buf, "line1\n"));
    GCHECK(!(RAW(r_getfl, p[0]) & O_NONBLOCK));   /* stdio's: blocking again */
    char *line = NULL;
    gocc_size_t cap = 0;
    GCHECK_EQ(gocc_sys_getline(&line, &cap, in), 11);
    GCHECK(line && streq(line, "line2 more\n"));
    RAW(r_free, line);
    GCHECK_EQ(gocc_sys_fwrite("hello", 1, 5, out), 5);
    GCHECK_EQ(gocc_sys_fflush(out), 0);
    GCHECK(!(RAW(r_getfl, p[1]) & O_NONBLOCK));
    GCHECK_EQ(gocc_sys_fread(buf, 1, 4, in), 4);
    GCHECK(buf[0] == 'h' && buf[3] == 'l');
    GCHECK_EQ(gocc_sys_fgetc(in), 'o');
    GCHECK_EQ(RAW(r_fclose, out), 0);
    GCHECK_EQ(gocc_sys_fgetc(in), EOF);
    GCHECK_EQ(RAW(r_fclose, in), 0);
    return 0;
}

TU_TEST(io, stdio_on_a_pipe_the_runtime_had) { TU_RUN(m_stdio); }

static int m_procs(int argc, char **argv, char **envp)
{
    int st = 0;
    st = gocc_sys_system("exit 3");
    GCHECK(WIFEXITED(st) && WEXITSTATUS(st) == 3);
    int pid = (int)RAW(r_fork_exit, 7);
    GCHECK(pid > 0);
    GCHECK_EQ(gocc_sys_waitpid(pid, &st, 0), pid);
    GCHECK(WIFEXITED(st) && WEXITSTATUS(st) == 7);
    pid = (int)RAW(r_fork_exit, 9);
    GCHECK_EQ(gocc_sys_wait(&st), pid);
    GCHECK(WIFEXITED(st) && WEXITSTATUS(st) == 9);

    struct addrinfo hints, *res = NULL;
    tu_fill(&hints, 0, sizeof hints);
    hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV;
    hints.ai_socktype = SOCK_STREAM;
    GCHECK_EQ(gocc_sys_getaddrinfo("127.0.0.1", "8080", &hints, &res), 0);
    GCHECK(res && res->ai_family == AF_INET);
    RAW(r_freeaddrinfo, res);

    int fd = (int)RAW(r_tmpfd, 0);
    GCHECK(fd > 2);
    GCHECK_EQ(gocc_sys_pwrite(fd, "abcdef", 6, 10), 6);
    char b[8];
    GCHECK_EQ(gocc_sys_pread(fd, b, 3, 12), 3);
    GCHECK(b[0] == 'c' && b[2] == 'e');
    GCHECK_EQ(gocc_sys_write(fd, "x", 1), 1);   /* a regular file: SYS */
    GCHECK_EQ(gocc_sys_fsync(fd), 0);
    GCHECK_EQ(gocc_sys_fdatasync(fd), 0);
    GCHECK(!(RAW(r_getfl, fd) & O_NONBLOCK));
    GCHECK_EQ(gocc_sys_close(fd), 0);
    GCHECK_EQ(gocc_sys_close(fd), -1);
    GCHECK_EQ(*gocc_errno(), EBADF);
    return 0;
}

TU_TEST(io, processes_names_and_files) { TU_RUN(m_procs); }

/* Every goroutine blocked on I/O from another process: not a deadlock. */
static int m_not_deadlock(int argc, char **argv, char **envp)
{
    int p[2];
    mkpipe(p);
    int pid = (int)RAW(r_fork_writer, p[1], 100, p[0]);
    GCHECK(pid > 0);
    GCHECK_EQ(RAW(r_close, p[1]), 0);
    char c = 0;
    GCHECK_EQ(gocc_sys_read(p[0], &c, 1), 1);  /* main alone, parked in IO wait */
    GCHECK_EQ(c, 'z');
    int st;
    GCHECK_EQ(gocc_sys_waitpid(pid, &st, 0), pid);
    GCHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    GCHECK_EQ(gocc_sys_close(p[0]), 0);
    return 0;
}

TU_TEST(io, io_wait_is_not_a_deadlock) { TU_RUN(m_not_deadlock); }

/* ---- the netpoller's own wait (white box: runtime.h's rt_netpoll_wait) ----- */

int rt_netpoll_wait(int fd, int mode, gocc_int64_t deadline);

static int nw_pipe[2];

static void nw_closer(void *arg)
{
    tu_let_others_run();
    GCHECK_EQ(gocc_sys_close(nw_pipe[0]), 0);
}

static int m_netpoll_wait(int argc, char **argv, char **envp)
{
    mkpipe(nw_pipe);
    Time t0 = time_now();
    GCHECK_EQ(rt_netpoll_wait(nw_pipe[0], 1, t0.ns + 20 * MILLISECOND), ETIMEDOUT);
    GCHECK(time_since(t0) >= 20 * MILLISECOND);
    GCHECK_EQ(rt_netpoll_wait(nw_pipe[1], 2, 0), 0);        /* writable */
    GCHECK_EQ(gocc_sys_write(nw_pipe[1], "w", 1), 1);
    GCHECK_EQ(rt_netpoll_wait(nw_pipe[0], 1, 0), 0);        /* readable */
    char c;
    GCHECK_EQ(gocc_sys_read(nw_pipe[0], &c, 1), 1);
    gocc_go(nw_closer, NULL, __FILE__, __LINE__);
    GCHECK_EQ(rt_netpoll_wait(nw_pipe[0], 1, 0), EBADF);    /* closed meanwhile */
    int fd = (int)RAW(r_tmpfd, 0);                           /* not polled: poll(2) */
    GCHECK_EQ(rt_netpoll_wait(fd, 1, 0), 0);
    GCHECK_EQ(gocc_sys_close(fd), 0);
    GCHECK_EQ(gocc_sys_close(nw_pipe[1]), 0);
    return 0;
}

TU_TEST(io, netpoll_wait_deadline_readiness_close) { TU_RUN(m_netpoll_wait); }

/* ---- off a goroutine: plain calls with blocking semantics -------------------- */

struct off_req { int fd; long n; char c; };

static void off_read_ss(void *arg)
{
    struct off_req *r = arg;
    r->n = gocc_sys_read(r->fd, &r->c, 1);     /* on the system stack: no parking */
}

static int of_pipe[2];
static atomic_int of_started;

static void of_writer(void *arg)
{
    atomic_store(&of_started, 1);
    time_sleep(20 * MILLISECOND);
    GCHECK_EQ(gocc_sys_write(of_pipe[1], "s", 1), 1);
}

static int m_off_goroutine(int argc, char **argv, char **envp)
{
    mkpipe(of_pipe);
    adopt_pipe(of_pipe);
    GCHECK_EQ(gocc_sys_write(of_pipe[1], "t", 1), 1);
    struct off_req r = { of_pipe[0], 0, 0 };
    gocc_systemstack(off_read_ss, &r);
    GCHECK_EQ(r.n, 1);
    GCHECK_EQ(r.c, 't');
    /* nothing there yet: the thread waits in poll() (another M writes) */
    gocc_go(of_writer, NULL, __FILE__, __LINE__);
    TU_WAIT(atomic_load(&of_started));
    gocc_systemstack(off_read_ss, &r);
    GCHECK_EQ(r.n, 1);
    GCHECK_EQ(r.c, 's');
    GCHECK_EQ(gocc_sys_close(of_pipe[0]), 0);
    GCHECK_EQ(gocc_sys_close(of_pipe[1]), 0);
    return 0;
}

TU_TEST(io, calls_off_a_goroutine_keep_blocking_semantics)
{
    int p[2];
    char c = 0;
    /* before the runtime starts: plain libc */
    cr_assert_eq(pipe(p), 0);
    cr_assert_eq(gocc_sys_write(p[1], "q", 1), 1);
    cr_assert_eq(gocc_sys_read(p[0], &c, 1), 1);
    cr_assert_eq(c, 'q');
    cr_assert_eq(gocc_sys_usleep(1000), 0);
    cr_assert_eq(gocc_sys_close(p[0]), 0);
    cr_assert_eq(gocc_sys_close(p[1]), 0);
    gomaxprocs(2);
    TU_RUN(m_off_goroutine);
}

TU_MAIN(NULL)
