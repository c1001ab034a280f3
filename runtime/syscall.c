/*
 * syscall.c — the goroutine-aware blocking calls, gocc_sys_* (gocc.h).
 *
 * On a goroutine every libc call runs on the system stack (a goroutine's
 * stack is a small split-stack segment; libc is not split-stack code),
 * bracketed by rt_entersyscall/rt_exitsyscall when it may block, so that
 * the P can go to another thread.  What a call does depends on the
 * descriptor's kind (netpoll.c):
 *   POLL    loop { token; call; EAGAIN -> park in the netpoller }: the
 *           caller sees blocking semantics (writes complete, accept and
 *           connect wait) while its thread serves other goroutines.  The
 *           attempts cannot block and are not bracketed: a bracket keeps
 *           sysmon in its 20 us mode, which cost 3-4x on a pipe ping-pong;
 *   USERNB  the call as is: EAGAIN is the caller's (it set O_NONBLOCK);
 *   SYS     the call as is, blocking the thread (P handed off by sysmon).
 * Off a goroutine (no M, on g0, or inside gocc_systemstack) nothing may
 * park: calls are made as is, and EAGAIN on a POLL descriptor waits in
 * poll() on the thread, so the caller still sees blocking semantics.
 *
 * Invariants
 *   - errno is the goroutine's: each call starts from the goroutine's errno
 *     and leaves what libc left (unchanged on success), written back after
 *     the last switch; the EAGAINs the runtime absorbs never show.
 *   - Descriptors that a call creates or re-points (accept, dup2, dup3,
 *     F_DUPFD) and those it closes update the netpoller's table, which
 *     otherwise learns about a descriptor on first use.
 *   - Only descriptors are classified; FILE streams are left alone, but a
 *     stdio call on a stream whose descriptor is POLL first gives that
 *     descriptor back its blocking mode (stdio does not retry EAGAIN).
 * Lock order: none of its own; netpoll.c's locks only through its API,
 * never across rt_entersyscall .. rt_exitsyscall.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netdb.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "runtime.h"

#define SYS_POLLMAX 256         /* poll/select sets the netpoller waits for */
#define SYS_WANTSMALL 8         /* want[] on the stack up to this many */

/* One libc call, described so that it can run on the system stack. */
struct sysreq {
    long (*fn)(struct sysreq *);
    long a[6];
    long r;
    int err;                    /* in: errno to start from; out: errno after */
};

#define A(q, i, T) ((T)(q)->a[i])

static void sys_ss(void *arg)
{
    struct sysreq *q = arg;
    errno = q->err;
    q->r = q->fn(q);
    q->err = errno;
}

/* Can the caller park?  A goroutine, not on the system stack. */
static bool ongo(void)
{
    M *m = getm();
    return m && m->curg != &m->g0 && m->sys_depth == 0;
}

static void sys_begin(struct sysreq *q) { q->err = *gocc_errno(); }

static long sys_end(struct sysreq *q)
{
    *gocc_errno() = q->err;
    return q->r;
}

/* A call that cannot block (a POLL descriptor's): on the system stack. */
static void sys_nb(struct sysreq *q, bool go)
{
    if (go)
        gocc_systemstack(sys_ss, q);
    else
        sys_ss(q);
}

/* Make the call; on a goroutine on the system stack, the P up for grabs. */
static void sys_call(struct sysreq *q, bool go)
{
    if (!go) {
        sys_ss(q);
        return;
    }
    rt_entersyscall();
    gocc_systemstack(sys_ss, q);
    rt_exitsyscall();
}

/* A whole blocking call that the netpoller cannot help with. */
static long sys_blocking(struct sysreq *q)
{
    sys_begin(q);
    sys_call(q, ongo());
    return sys_end(q);
}

/* ---- the libc calls, on the system stack -------------------------------- */

static long op_read(struct sysreq *q) { return read(A(q, 0, int), A(q, 1, void *), A(q, 2, size_t)); }
static long op_write(struct sysreq *q) { return write(A(q, 0, int), A(q, 1, const void *), A(q, 2, size_t)); }
static long op_pread(struct sysreq *q) { return pread(A(q, 0, int), A(q, 1, void *), A(q, 2, size_t), A(q, 3, off_t)); }
static long op_pwrite(struct sysreq *q) { return pwrite(A(q, 0, int), A(q, 1, const void *), A(q, 2, size_t), A(q, 3, off_t)); }
static long op_readv(struct sysreq *q) { return readv(A(q, 0, int), A(q, 1, const struct iovec *), A(q, 2, int)); }
static long op_writev(struct sysreq *q) { return writev(A(q, 0, int), A(q, 1, const struct iovec *), A(q, 2, int)); }
static long op_recv(struct sysreq *q) { return recv(A(q, 0, int), A(q, 1, void *), A(q, 2, size_t), A(q, 3, int)); }
static long op_send(struct sysreq *q) { return send(A(q, 0, int), A(q, 1, const void *), A(q, 2, size_t), A(q, 3, int)); }
static long op_recvfrom(struct sysreq *q)
{
    return recvfrom(A(q, 0, int), A(q, 1, void *), A(q, 2, size_t), A(q, 3, int),
                    A(q, 4, struct sockaddr *), A(q, 5, socklen_t *));
}
static long op_sendto(struct sysreq *q)
{
    return sendto(A(q, 0, int), A(q, 1, const void *), A(q, 2, size_t), A(q, 3, int),
                  A(q, 4, const struct sockaddr *), A(q, 5, socklen_t));
}
static long op_recvmsg(struct sysreq *q) { return recvmsg(A(q, 0, int), A(q, 1, struct msghdr *), A(q, 2, int)); }
static long op_sendmsg(struct sysreq *q) { return sendmsg(A(q, 0, int), A(q, 1, const struct msghdr *), A(q, 2, int)); }
static long op_accept4(struct sysreq *q)
{
    return accept4(A(q, 0, int), A(q, 1, struct sockaddr *), A(q, 2, socklen_t *), A(q, 3, int));
}
static long op_connect(struct sysreq *q) { return connect(A(q, 0, int), A(q, 1, const struct sockaddr *), A(q, 2, socklen_t)); }
static long op_close(struct sysreq *q) { return close(A(q, 0, int)); }
static long op_dup3(struct sysreq *q)
{
    return A(q, 2, int) == -1 ? dup2(A(q, 0, int), A(q, 1, int))
                              : dup3(A(q, 0, int), A(q, 1, int), A(q, 2, int));
}
static long op_fcntl(struct sysreq *q) { return fcntl(A(q, 0, int), A(q, 1, int), A(q, 2, void *)); }
static long op_poll(struct sysreq *q) { return poll(A(q, 0, struct pollfd *), A(q, 1, nfds_t), A(q, 2, int)); }
static long op_select(struct sysreq *q)
{
    return select(A(q, 0, int), A(q, 1, fd_set *), A(q, 2, fd_set *), A(q, 3, fd_set *),
                  A(q, 4, struct timeval *));
}
static long op_sleep(struct sysreq *q) { return (long)sleep(A(q, 0, unsigned)); }
static long op_usleep(struct sysreq *q) { return usleep(A(q, 0, useconds_t)); }
static long op_nanosleep(struct sysreq *q)
{
    return nanosleep(A(q, 0, const struct timespec *), A(q, 1, struct timespec *));
}
static long op_clock_nanosleep(struct sysreq *q)
{
    return clock_nanosleep(A(q, 0, clockid_t), A(q, 1, int), A(q, 2, const struct timespec *),
                           A(q, 3, struct timespec *));
}
static long op_clock_gettime(struct sysreq *q) { return clock_gettime(A(q, 0, clockid_t), A(q, 1, struct timespec *)); }
static long op_fsync(struct sysreq *q) { return fsync(A(q, 0, int)); }
static long op_fdatasync(struct sysreq *q) { return fdatasync(A(q, 0, int)); }
static long op_waitpid(struct sysreq *q) { return waitpid(A(q, 0, pid_t), A(q, 1, int *), A(q, 2, int)); }
static long op_system(struct sysreq *q) { return system(A(q, 0, const char *)); }
static long op_getaddrinfo(struct sysreq *q)
{
    return getaddrinfo(A(q, 0, const char *), A(q, 1, const char *),
                       A(q, 2, const struct addrinfo *), A(q, 3, struct addrinfo **));
}
static long op_fgets(struct sysreq *q) { return (long)fgets(A(q, 0, char *), A(q, 1, int), A(q, 2, FILE *)); }
static long op_fread(struct sysreq *q) { return (long)fread(A(q, 0, void *), A(q, 1, size_t), A(q, 2, size_t), A(q, 3, FILE *)); }
static long op_fwrite(struct sysreq *q)
{
    return (long)fwrite(A(q, 0, const void *), A(q, 1, size_t), A(q, 2, size_t), A(q, 3, FILE *));
}
static long op_getline(struct sysreq *q) { return getline(A(q, 0, char **), A(q, 1, size_t *), A(q, 2, FILE *)); }
static long op_fgetc(struct sysreq *q) { return fgetc(A(q, 0, FILE *)); }
static long op_fflush(struct sysreq *q) { return fflush(A(q, 0, FILE *)); }

/* Connection state after a non-blocking connect: 0 connected, an errno,
 * or -1 still in progress. */
static long op_connstatus(struct sysreq *q)
{
    int fd = A(q, 0, int), e = 0;
    socklen_t len = sizeof e;
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &e, &len) < 0)
        return errno;
    if (e && e != EINPROGRESS && e != EALREADY && e != EINTR)
        return e;
    struct sockaddr_storage ss;
    len = sizeof ss;
    if (getpeername(fd, (struct sockaddr *)&ss, &len) == 0)
        return 0;
    return errno == ENOTCONN ? -1 : errno;
}

/* Off a goroutine, EAGAIN on a POLL descriptor: wait in poll(). */
static long op_threadwait(struct sysreq *q)
{
    struct pollfd p = { A(q, 0, int), A(q, 1, int) == RT_POLL_READ ? POLLIN : POLLOUT, 0 };
    int n = poll(&p, 1, -1);
    return n > 0 && (p.revents & POLLNVAL) ? -1 : 0;
}

/* Is fd closed (not merely the wrong mode for the call)? */
static long op_isclosed(struct sysreq *q) { return fcntl(A(q, 0, int), F_GETFD) < 0 && errno == EBADF; }

/* ---- descriptor I/O with blocking semantics ---------------------------- */

/* EBADF: if fd is really closed (behind the runtime's back), forget it. */
static void forget_if_closed(int fd)
{
    if (rt_netpoll_kind(fd, false) == RT_FD_UNKNOWN)
        return;
    struct sysreq q = { .fn = op_isclosed, .a = { fd } };
    gocc_systemstack(sys_ss, &q);
    if (q.r == 1)
        rt_netpoll_reset(fd);
}

/* EAGAIN on POLL fd: wait until worth retrying.  0 retry, else an errno. */
static int wait_ready(int fd, int dir, uint64_t tok, bool go)
{
    if (go)
        return rt_netpoll_block(fd, dir, tok, 0);
    struct sysreq q = { .fn = op_threadwait, .a = { fd, dir } };
    sys_ss(&q);
    return q.r < 0 ? EBADF : 0;
}

/* One call of q on fd in direction dir, retried after each EAGAIN that the
 * runtime caused; *kindp gets the kind it was made under.  q->err holds
 * the errno to start from on entry and the result's on return. */
static void fd_io(int fd, int dir, struct sysreq *q, bool dontwait, int *kindp)
{
    bool go = ongo();
    int err0 = q->err, kind;
    for (;;) {
        kind = rt_netpoll_kind(fd, go);
        uint64_t tok = kind == RT_FD_POLL ? rt_netpoll_token(fd, dir) : 0;
        q->err = err0;
        if (kind == RT_FD_POLL)
            sys_nb(q, go);
        else
            sys_call(q, go);
        if (q->r >= 0 || kind != RT_FD_POLL || q->err != EAGAIN || dontwait)
            break;
        int e = wait_ready(fd, dir, tok, go);
        if (e) {                /* EAGAIN: fd turned out not to be ours */
            q->err = e;
            break;
        }
    }
    if (q->r < 0 && q->err == EBADF)
        forget_if_closed(fd);
    if (kindp)
        *kindp = kind;
}

static long fd_read(int fd, struct sysreq *q, bool dontwait)
{
    sys_begin(q);
    fd_io(fd, RT_POLL_READ, q, dontwait, NULL);
    return sys_end(q);
}

/* A write on a POLL descriptor continues after a short count, as the
 * blocking call it stands for would (buffer in a[1], length in a[2]); an
 * error after some progress returns the progress, as a signal would. */
static long fd_write_all(int fd, struct sysreq *q, bool dontwait)
{
    sys_begin(q);
    int err0 = q->err, kind;
    long done = 0;
    for (;;) {
        q->err = err0;
        fd_io(fd, RT_POLL_WRITE, q, dontwait, &kind);
        if (q->r < 0) {
            if (done > 0) {
                q->r = done;
                q->err = err0;
            }
            break;
        }
        done += q->r;
        if (kind != RT_FD_POLL || dontwait || q->r == 0 || (size_t)q->r >= A(q, 2, size_t)) {
            q->r = done;
            break;
        }
        q->a[1] += q->r;
        q->a[2] -= q->r;
    }
    return sys_end(q);
}

/* recv with MSG_WAITALL on a POLL socket: until full, EOF or an error. */
static long fd_read_all(int fd, struct sysreq *q)
{
    sys_begin(q);
    int err0 = q->err, kind;
    long done = 0;
    for (;;) {
        q->err = err0;
        fd_io(fd, RT_POLL_READ, q, false, &kind);
        if (q->r < 0) {
            if (done > 0) {
                q->r = done;
                q->err = err0;
            }
            break;
        }
        done += q->r;
        if (kind != RT_FD_POLL || q->r == 0 || (size_t)q->r >= A(q, 2, size_t)) {
            q->r = done;
            break;
        }
        q->a[1] += q->r;
        q->a[2] -= q->r;
    }
    return sys_end(q);
}

static size_t iov_total(const struct iovec *iov, int n)
{
    size_t t = 0;
    for (int i = 0; i < n; i++)
        t += iov[i].iov_len;
    return t;
}

/* iov[0..*n) without its first skip bytes, in a new array (GC heap). */
static struct iovec *iov_skip(const struct iovec *iov, int *n, size_t skip)
{
    int i = 0;
    while (i < *n && skip >= iov[i].iov_len)
        skip -= iov[i++].iov_len;
    int k = *n - i;
    struct iovec *out = gocc_alloc(sizeof(struct iovec) * (size_t)(k ? k : 1));
    for (int j = 0; j < k; j++) {
        out[j].iov_base = (char *)iov[i + j].iov_base + (j == 0 ? skip : 0);
        out[j].iov_len = iov[i + j].iov_len - (j == 0 ? skip : 0);
    }
    *n = k;
    return out;
}

/* writev/sendmsg on a POLL descriptor: continue after short counts.  The
 * iovec array is in a[1] (writev) or in the msghdr at a[1] (sendmsg);
 * ancillary data goes with the first part only. */
static long fd_writev_all(int fd, struct sysreq *q, bool ismsg, bool dontwait)
{
    const struct msghdr *um = A(q, 1, const struct msghdr *);
    const struct iovec *iov = ismsg ? um->msg_iov : A(q, 1, const struct iovec *);
    int n = ismsg ? (int)um->msg_iovlen : A(q, 2, int);
    size_t total = iov_total(iov, n);
    struct msghdr m;
    sys_begin(q);
    int err0 = q->err, kind;
    long done = 0;
    for (;;) {
        q->err = err0;
        fd_io(fd, RT_POLL_WRITE, q, dontwait, &kind);
        if (q->r < 0) {
            if (done > 0) {
                q->r = done;
                q->err = err0;
            }
            break;
        }
        done += q->r;
        if (kind != RT_FD_POLL || dontwait || q->r == 0 || (size_t)done >= total) {
            q->r = done;
            break;
        }
        int k = n;
        struct iovec *rest = iov_skip(iov, &k, (size_t)done);
        if (ismsg) {
            m.msg_name = um->msg_name;
            m.msg_namelen = um->msg_namelen;
            m.msg_iov = rest;
            m.msg_iovlen = (size_t)k;
            m.msg_control = NULL;
            m.msg_controllen = 0;
            m.msg_flags = 0;
            q->a[1] = (long)&m;
        } else {
            q->a[1] = (long)rest;
            q->a[2] = k;
        }
    }
    return sys_end(q);
}

/* ---- reads and writes --------------------------------------------------- */

long gocc_sys_read(int fd, void *buf, gocc_size_t n)
{
    struct sysreq q = { .fn = op_read, .a = { fd, (long)buf, (long)n } };
    return fd_read(fd, &q, false);
}

long gocc_sys_write(int fd, const void *buf, gocc_size_t n)
{
    struct sysreq q = { .fn = op_write, .a = { fd, (long)buf, (long)n } };
    return fd_write_all(fd, &q, false);
}

long gocc_sys_readv(int fd, const struct iovec *iov, int n)
{
    struct sysreq q = { .fn = op_readv, .a = { fd, (long)iov, n } };
    return fd_read(fd, &q, false);
}

long gocc_sys_writev(int fd, const struct iovec *iov, int n)
{
    struct sysreq q = { .fn = op_writev, .a = { fd, (long)iov, n } };
    return fd_writev_all(fd, &q, false, false);
}

long gocc_sys_recv(int fd, void *buf, gocc_size_t n, int flags)
{
    struct sysreq q = { .fn = op_recv, .a = { fd, (long)buf, (long)n, flags } };
    if ((flags & MSG_WAITALL) && !(flags & MSG_DONTWAIT))
        return fd_read_all(fd, &q);
    return fd_read(fd, &q, flags & MSG_DONTWAIT);
}

long gocc_sys_send(int fd, const void *buf, gocc_size_t n, int flags)
{
    struct sysreq q = { .fn = op_send, .a = { fd, (long)buf, (long)n, flags } };
    return fd_write_all(fd, &q, flags & MSG_DONTWAIT);
}

long gocc_sys_recvfrom(int fd, void *buf, gocc_size_t n, int flags,
                       struct sockaddr *from, unsigned int *fromlen)
{
    struct sysreq q = { .fn = op_recvfrom,
                        .a = { fd, (long)buf, (long)n, flags, (long)from, (long)fromlen } };
    if ((flags & MSG_WAITALL) && !(flags & MSG_DONTWAIT))
        return fd_read_all(fd, &q);
    return fd_read(fd, &q, flags & MSG_DONTWAIT);
}

long gocc_sys_sendto(int fd, const void *buf, gocc_size_t n, int flags,
                     const struct sockaddr *to, unsigned int tolen)
{
    struct sysreq q = { .fn = op_sendto,
                        .a = { fd, (long)buf, (long)n, flags, (long)to, (long)tolen } };
    return fd_write_all(fd, &q, flags & MSG_DONTWAIT);
}

long gocc_sys_recvmsg(int fd, struct msghdr *msg, int flags)
{
    struct sysreq q = { .fn = op_recvmsg, .a = { fd, (long)msg, flags } };
    return fd_read(fd, &q, flags & MSG_DONTWAIT);
}

long gocc_sys_sendmsg(int fd, const struct msghdr *msg, int flags)
{
    struct sysreq q = { .fn = op_sendmsg, .a = { fd, (long)msg, flags } };
    return fd_writev_all(fd, &q, true, flags & MSG_DONTWAIT);
}

long gocc_sys_pread(int fd, void *buf, gocc_size_t n, long off)
{
    struct sysreq q = { .fn = op_pread, .a = { fd, (long)buf, (long)n, off } };
    return sys_blocking(&q);
}

long gocc_sys_pwrite(int fd, const void *buf, gocc_size_t n, long off)
{
    struct sysreq q = { .fn = op_pwrite, .a = { fd, (long)buf, (long)n, off } };
    return sys_blocking(&q);
}

/* ---- sockets ------------------------------------------------------------ */

int gocc_sys_accept4(int fd, struct sockaddr *addr, unsigned int *len, int flags)
{
    bool go = ongo();
    /* on a goroutine the new socket is non-blocking from the start: POLL
     * without further system calls (USERNB when the caller asked for it) */
    struct sysreq q = { .fn = op_accept4,
                        .a = { fd, (long)addr, (long)len, go ? flags | SOCK_NONBLOCK : flags } };
    sys_begin(&q);
    fd_io(fd, RT_POLL_READ, &q, false, NULL);
    if (q.r >= 0) {
        if (go)
            rt_netpoll_accepted((int)q.r, flags & SOCK_NONBLOCK);
        else
            rt_netpoll_reset((int)q.r);
    }
    return (int)sys_end(&q);
}

int gocc_sys_accept(int fd, struct sockaddr *addr, unsigned int *len)
{
    return gocc_sys_accept4(fd, addr, len, 0);
}

/* A non-blocking connect under way on POLL fd: wait for its outcome. */
static void connect_wait(int fd, struct sysreq *q, uint64_t tok, bool go)
{
    int err0 = q->err;
    for (;;) {
        int e = wait_ready(fd, RT_POLL_WRITE, tok, go);
        if (e == EBADF) {
            q->r = -1;
            q->err = EBADF;
            return;
        }
        tok = rt_netpoll_token(fd, RT_POLL_WRITE);
        struct sysreq s = { .fn = op_connstatus, .a = { fd } };
        sys_nb(&s, go);
        if (s.r >= 0) {
            q->r = s.r ? -1 : 0;
            q->err = s.r ? (int)s.r : err0;
            return;
        }
    }
}

/* A POLL entry whose descriptor is blocking is stale: the runtime's was
 * closed behind its back and the number reused.  Checked before a
 * connect, typically the first call on a new socket (fclose() of an
 * fdopen'ed socket, then socket()), so that it cannot block the thread. */
static long op_isblocking(struct sysreq *q)
{
    int fl = fcntl(A(q, 0, int), F_GETFL);
    return fl >= 0 && !(fl & O_NONBLOCK);
}

static int connect_kind(int fd, bool go)
{
    int kind = rt_netpoll_kind(fd, go);
    if (kind != RT_FD_POLL)
        return kind;
    struct sysreq q = { .fn = op_isblocking, .a = { fd } };
    sys_nb(&q, go);
    if (q.r != 1)
        return kind;
    rt_netpoll_reset(fd);
    return rt_netpoll_kind(fd, go);
}

int gocc_sys_connect(int fd, const struct sockaddr *addr, unsigned int len)
{
    bool go = ongo();
    struct sysreq q = { .fn = op_connect, .a = { fd, (long)addr, (long)len } };
    sys_begin(&q);
    int err0 = q.err;
    for (;;) {
        int kind = connect_kind(fd, go);
        uint64_t tok = kind == RT_FD_POLL ? rt_netpoll_token(fd, RT_POLL_WRITE) : 0;
        q.err = err0;
        if (kind == RT_FD_POLL)
            sys_nb(&q, go);
        else
            sys_call(&q, go);
        if (q.r == 0 || kind != RT_FD_POLL)
            break;
        if (q.err == EINPROGRESS) {
            q.err = err0;
            connect_wait(fd, &q, tok, go);
            break;
        }
        if (q.err != EAGAIN || !go)
            break;
        /* a Unix socket whose listener's backlog is full: no event tells
         * when it has room, so retry after a short sleep */
        time_sleep(MILLISECOND);
    }
    if (q.r < 0 && q.err == EBADF)
        forget_if_closed(fd);
    return (int)sys_end(&q);
}

/* ---- descriptors -------------------------------------------------------- */

int gocc_sys_close(int fd)
{
    /* deregister first: after close the number may name something else */
    rt_netpoll_close(fd);
    struct sysreq q = { .fn = op_close, .a = { fd } };
    return (int)sys_blocking(&q);
}

static int dup_common(int oldfd, int newfd, int flags)
{
    struct sysreq q = { .fn = op_dup3, .a = { oldfd, newfd, flags } };
    sys_blocking(&q);
    if (q.r >= 0)
        rt_netpoll_dup(oldfd, newfd);
    return (int)q.r;
}

int gocc_sys_dup2(int oldfd, int newfd) { return dup_common(oldfd, newfd, -1); }
int gocc_sys_dup3(int oldfd, int newfd, int flags) { return dup_common(oldfd, newfd, flags); }

int gocc_sys_fcntl(int fd, int cmd, ...)
{
    va_list ap;
    va_start(ap, cmd);
    void *arg = va_arg(ap, void *);   /* int or pointer, as glibc reads it */
    va_end(ap);
    struct sysreq q = { .fn = op_fcntl, .a = { fd, cmd, (long)arg } };
    if (cmd == F_SETFL) {
        int r = rt_netpoll_setfl(fd, (int)(long)arg);
        if (r < 0)
            *gocc_errno() = -r;
        return r < 0 ? -1 : 0;
    }
    sys_blocking(&q);           /* F_SETLKW and F_OFD_SETLKW do block */
    if (q.r < 0)
        return -1;
    /* the runtime's O_NONBLOCK is not the caller's (a dup made behind the
     * runtime's back is recognised here, on first sight) */
    if (cmd == F_GETFL && (q.r & O_NONBLOCK) && rt_netpoll_kind(fd, true) == RT_FD_POLL)
        return (int)q.r & ~O_NONBLOCK;
    if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC)
        rt_netpoll_dup(fd, (int)q.r);
    return (int)q.r;
}

/* ---- poll and select ---------------------------------------------------- */

/* Room for k wants: small, or the GC heap (goroutine stacks are small). */
static rt_pollwant *want_array(rt_pollwant *small, int k)
{
    return k <= SYS_WANTSMALL ? small : gocc_alloc(sizeof(rt_pollwant) * (size_t)k);
}

static int64_t ms_deadline(int ms) { return ms < 0 ? 0 : rt_nanotime() + (int64_t)ms * 1000000; }

/* The directions poll events ask for (0: only what the netpoller cannot
 * wait for). */
static int poll_dirs(short ev)
{
    if (ev & ~(POLLIN | POLLRDNORM | POLLOUT | POLLWRNORM | POLLRDHUP))
        return 0;
    int d = 0;
    if (ev & (POLLIN | POLLRDNORM | POLLRDHUP))
        d |= RT_POLL_READ;
    if (ev & (POLLOUT | POLLWRNORM))
        d |= RT_POLL_WRITE;
    return d ? d : RT_POLL_READ;    /* errors and hang-ups wake readers */
}

/* want[] for fds, tokens taken now; 0 when the netpoller cannot wait for
 * all of them (some descriptor is not POLL, too many, other events). */
static int poll_wants(struct pollfd *fds, unsigned long n, rt_pollwant *want)
{
    int k = 0;
    if (n > SYS_POLLMAX)
        return 0;
    for (unsigned long i = 0; i < n; i++) {
        if (fds[i].fd < 0)
            continue;
        int d = poll_dirs(fds[i].events);
        if (!d || rt_netpoll_kind(fds[i].fd, true) != RT_FD_POLL)
            return 0;
        for (int m = RT_POLL_READ; m <= RT_POLL_WRITE; m++)
            if (d & m)
                want[k++] = (rt_pollwant){ fds[i].fd, m, rt_netpoll_token(fds[i].fd, m) };
    }
    return k;
}

/* Checks the wanted descriptors are still the runtime's before parking. */
static bool wants_valid(rt_pollwant *want, int k)
{
    for (int i = 0; i < k; i++)
        if (rt_netpoll_probe(want[i].fd, want[i].tok) != 0)
            return false;
    return true;
}

/* poll(2) semantics; with a timeout and only POLL descriptors, the wait
 * parks in the netpoller: { tokens; poll(0); park } until something is
 * ready or the deadline passes. */
int gocc_sys_poll(struct pollfd *fds, unsigned long n, int timeout_ms)
{
    bool go = ongo();
    struct sysreq q = { .fn = op_poll, .a = { (long)fds, (long)n, 0 } };
    if (go && n == 0 && timeout_ms > 0) {      /* poll(NULL, 0, ms): a sleep */
        time_sleep((Duration)timeout_ms * MILLISECOND);
        return 0;
    }
    sys_begin(&q);
    int err0 = q.err;
    rt_pollwant small[SYS_WANTSMALL];
    rt_pollwant *want = go && timeout_ms != 0 && n <= SYS_POLLMAX ? want_array(small, 2 * (int)n) : small;
    int64_t deadline = ms_deadline(timeout_ms);
    for (;;) {
        int k = go && timeout_ms != 0 ? poll_wants(fds, n, want) : 0;
        if (k == 0 || !wants_valid(want, k)) {
            q.a[2] = timeout_ms;
            if (timeout_ms > 0)     /* what is left after earlier rounds */
                q.a[2] = (long)((deadline - rt_nanotime() + 999999) / 1000000);
            if (q.a[2] < 0)
                q.a[2] = 0;
            q.err = err0;
            sys_call(&q, go);
            break;
        }
        q.a[2] = 0;
        q.err = err0;
        sys_nb(&q, go);
        if (q.r != 0)
            break;
        if (rt_netpoll_waitmany(want, k, deadline) == ETIMEDOUT)
            break;              /* q.r == 0, revents cleared by the poll */
    }
    return (int)sys_end(&q);
}

#define FDBITS (8 * (int)sizeof(long))
static bool fdisset(void *set, int fd) { return set && (((long *)set)[fd / FDBITS] >> (fd % FDBITS)) & 1; }

/* select() with a zero timeout that leaves the sets alone when nothing
 * is ready (the caller waits on and asks again). */
static long op_select0(struct sysreq *q)
{
    fd_set s[3];
    fd_set *u[3] = { A(q, 1, fd_set *), A(q, 2, fd_set *), A(q, 3, fd_set *) };
    struct timeval zero = { 0, 0 };
    for (int i = 0; i < 3; i++)
        if (u[i])
            s[i] = *u[i];
    int r = select(A(q, 0, int), u[0] ? &s[0] : NULL, u[1] ? &s[1] : NULL,
                   u[2] ? &s[2] : NULL, &zero);
    if (r > 0)
        for (int i = 0; i < 3; i++)
            if (u[i])
                *u[i] = s[i];
    return r;
}

static long op_fdzero(struct sysreq *q)
{
    for (int i = 1; i <= 3; i++)
        if (A(q, i, fd_set *))
            FD_ZERO(A(q, i, fd_set *));
    return 0;
}

/* want[] for the read and write sets; 0 when the netpoller cannot wait. */
static int select_wants(int n, void *rd, void *wr, void *ex, rt_pollwant *want)
{
    int k = 0;
    for (int fd = 0; fd < n && fd < FD_SETSIZE; fd++) {
        if (fdisset(ex, fd))
            return 0;
        for (int m = RT_POLL_READ; m <= RT_POLL_WRITE; m++) {
            if (!fdisset(m == RT_POLL_READ ? rd : wr, fd))
                continue;
            if (k == 2 * SYS_POLLMAX || rt_netpoll_kind(fd, true) != RT_FD_POLL)
                return 0;
            want[k++] = (rt_pollwant){ fd, m, rt_netpoll_token(fd, m) };
        }
    }
    return k;
}

/* No descriptor in any set. */
static bool select_none(int n, void *rd, void *wr, void *ex)
{
    for (int fd = 0; fd < n; fd++)
        if (fdisset(rd, fd) || fdisset(wr, fd) || fdisset(ex, fd))
            return false;
    return true;
}

static void tv_left(struct timeval *tv, int64_t deadline)
{
    int64_t d = deadline - rt_nanotime();
    if (d < 0)
        d = 0;
    tv->tv_sec = d / 1000000000;
    tv->tv_usec = (d % 1000000000) / 1000;
}

int gocc_sys_select(int n, void *rd, void *wr, void *ex, struct timeval *tv)
{
    bool go = ongo();
    struct sysreq q = { .fn = op_select, .a = { n, (long)rd, (long)wr, (long)ex, (long)tv } };
    if (!go || (tv && tv->tv_sec == 0 && tv->tv_usec == 0) || n > FD_SETSIZE)
        return (int)sys_blocking(&q);
    if (tv && tv->tv_sec >= 0 && tv->tv_usec >= 0 && select_none(n, rd, wr, ex)) {
        /* select(0, NULL, NULL, NULL, &tv): a sleep */
        time_sleep((Duration)tv->tv_sec * SECOND + (Duration)tv->tv_usec * MICROSECOND);
        tv->tv_sec = tv->tv_usec = 0;
        return 0;
    }
    sys_begin(&q);
    int err0 = q.err;
    int64_t deadline = tv ? rt_nanotime() + (int64_t)tv->tv_sec * 1000000000 +
                                (int64_t)tv->tv_usec * 1000 : 0;
    rt_pollwant small[SYS_WANTSMALL];
    rt_pollwant *want = want_array(small, 2 * (n < SYS_POLLMAX ? n : SYS_POLLMAX));
    for (;;) {
        int k = select_wants(n, rd, wr, ex, want);
        if (k == 0 || !wants_valid(want, k)) {
            struct timeval left;
            if (tv)
                tv_left(&left, deadline);
            q.fn = op_select;
            q.a[4] = tv ? (long)&left : 0;
            q.err = err0;
            sys_call(&q, go);
            if (tv)
                *tv = left;
            break;
        }
        q.fn = op_select0;
        q.err = err0;
        sys_nb(&q, go);
        if (q.r != 0)
            break;
        if (rt_netpoll_waitmany(want, k, deadline) == ETIMEDOUT) {
            struct sysreq z = { .fn = op_fdzero, .a = { 0, (long)rd, (long)wr, (long)ex } };
            gocc_systemstack(sys_ss, &z);
            break;
        }
    }
    if (tv && q.r >= 0)
        tv_left(tv, deadline);
    return (int)sys_end(&q);
}

/* ---- sleeping ----------------------------------------------------------- */

static Duration ts_ns(const struct timespec *ts)
{
    if (ts->tv_sec >= INT64_MAX / 1000000000 - 1)
        return INT64_MAX / 2;
    return (Duration)ts->tv_sec * 1000000000 + ts->tv_nsec;
}

unsigned int gocc_sys_sleep(unsigned int s)
{
    if (!ongo()) {
        struct sysreq q = { .fn = op_sleep, .a = { s } };
        return (unsigned)sys_blocking(&q);
    }
    time_sleep((Duration)s * SECOND);
    return 0;
}

int gocc_sys_usleep(unsigned int us)
{
    if (!ongo()) {
        struct sysreq q = { .fn = op_usleep, .a = { us } };
        return (int)sys_blocking(&q);
    }
    time_sleep((Duration)us * MICROSECOND);
    return 0;
}

int gocc_sys_nanosleep(const struct timespec *req, struct timespec *rem)
{
    if (!ongo() || !req) {
        struct sysreq q = { .fn = op_nanosleep, .a = { (long)req, (long)rem } };
        return (int)sys_blocking(&q);
    }
    if (req->tv_nsec < 0 || req->tv_nsec >= 1000000000 || req->tv_sec < 0) {
        *gocc_errno() = EINVAL;
        return -1;
    }
    time_sleep(ts_ns(req));
    if (rem) {
        rem->tv_sec = 0;
        rem->tv_nsec = 0;
    }
    return 0;
}

/* Returns an error number, not -1 (POSIX). */
int gocc_sys_clock_nanosleep(int clock, int flags, const struct timespec *req,
                             struct timespec *rem)
{
    bool known = clock == CLOCK_REALTIME || clock == CLOCK_MONOTONIC ||
                 clock == CLOCK_BOOTTIME || clock == CLOCK_TAI;
    if (!ongo() || !known || !req) {
        struct sysreq q = { .fn = op_clock_nanosleep, .a = { clock, flags, (long)req, (long)rem } };
        return (int)sys_blocking(&q);
    }
    if (req->tv_nsec < 0 || req->tv_nsec >= 1000000000)
        return EINVAL;
    Duration d = ts_ns(req);
    if (flags & TIMER_ABSTIME) {
        struct timespec now;
        struct sysreq q = { .fn = op_clock_gettime, .a = { clock, (long)&now } };
        gocc_systemstack(sys_ss, &q);
        d -= ts_ns(&now);
    } else if (rem) {
        rem->tv_sec = 0;
        rem->tv_nsec = 0;
    }
    if (d > 0)
        time_sleep(d);
    return 0;
}

/* ---- processes, files and names ------------------------------------------ */

int gocc_sys_fsync(int fd)
{
    struct sysreq q = { .fn = op_fsync, .a = { fd } };
    return (int)sys_blocking(&q);
}

int gocc_sys_fdatasync(int fd)
{
    struct sysreq q = { .fn = op_fdatasync, .a = { fd } };
    return (int)sys_blocking(&q);
}

int gocc_sys_waitpid(int pid, int *status, int options)
{
    struct sysreq q = { .fn = op_waitpid, .a = { pid, (long)status, options } };
    return (int)sys_blocking(&q);
}

int gocc_sys_wait(int *status) { return gocc_sys_waitpid(-1, status, 0); }

int gocc_sys_system(const char *cmd)
{
    struct sysreq q = { .fn = op_system, .a = { (long)cmd } };
    return (int)sys_blocking(&q);
}

int gocc_sys_getaddrinfo(const char *node, const char *service,
                         const struct addrinfo *hints, struct addrinfo **res)
{
    struct sysreq q = { .fn = op_getaddrinfo,
                        .a = { (long)node, (long)service, (long)hints, (long)res } };
    return (int)sys_blocking(&q);
}

/* ---- stdio -------------------------------------------------------------- */

/* stdio treats EAGAIN as an error (and fgets returns a partial line): a
 * stream on a POLL descriptor gets its blocking mode back first. */
static void stdio_prepare(FILE *f)
{
    if (f && ongo()) {
        int fd = f->_fileno;    /* glibc's FILE; fileno() would need the system stack */
        if (fd > 2 && rt_netpoll_kind(fd, false) == RT_FD_POLL)
            rt_netpoll_unmanage(fd);
    }
}

static long stdio_call(FILE *f, struct sysreq *q)
{
    stdio_prepare(f);
    return sys_blocking(q);
}

char *gocc_sys_fgets(char *s, int n, FILE *f)
{
    struct sysreq q = { .fn = op_fgets, .a = { (long)s, n, (long)f } };
    return (char *)stdio_call(f, &q);
}

gocc_size_t gocc_sys_fread(void *p, gocc_size_t size, gocc_size_t n, FILE *f)
{
    struct sysreq q = { .fn = op_fread, .a = { (long)p, (long)size, (long)n, (long)f } };
    return (gocc_size_t)stdio_call(f, &q);
}

gocc_size_t gocc_sys_fwrite(const void *p, gocc_size_t size, gocc_size_t n, FILE *f)
{
    struct sysreq q = { .fn = op_fwrite, .a = { (long)p, (long)size, (long)n, (long)f } };
    return (gocc_size_t)stdio_call(f, &q);
}

long gocc_sys_getline(char **line, gocc_size_t *cap, FILE *f)
{
    struct sysreq q = { .fn = op_getline, .a = { (long)line, (long)cap, (long)f } };
    return stdio_call(f, &q);
}

int gocc_sys_fgetc(FILE *f)
{
    struct sysreq q = { .fn = op_fgetc, .a = { (long)f } };
    return (int)stdio_call(f, &q);
}

int gocc_sys_getchar(void) { return gocc_sys_fgetc(stdin); }

int gocc_sys_fflush(FILE *f)
{
    struct sysreq q = { .fn = op_fflush, .a = { (long)f } };
    return (int)stdio_call(f, &q);
}

/* ---- formatted I/O ------------------------------------------------------
 * printf and its kin take any argument types, which a thunk of gocc's
 * cannot always name; these take them as a va_list instead, captured on
 * the goroutine's stack and read by the libc call on the system stack
 * (same address space).  The FILE ones may block like any stdio call. */

static long op_vfprintf(struct sysreq *q)
{
    return vfprintf(A(q, 0, FILE *), A(q, 1, const char *), *A(q, 2, va_list *));
}
static long op_vdprintf(struct sysreq *q)
{
    return vdprintf(A(q, 0, int), A(q, 1, const char *), *A(q, 2, va_list *));
}
static long op_vsnprintf(struct sysreq *q)
{
    return vsnprintf(A(q, 0, char *), A(q, 1, size_t), A(q, 2, const char *), *A(q, 3, va_list *));
}
static long op_vsprintf(struct sysreq *q)
{
    return vsprintf(A(q, 0, char *), A(q, 1, const char *), *A(q, 2, va_list *));
}
static long op_vasprintf(struct sysreq *q)
{
    return vasprintf(A(q, 0, char **), A(q, 1, const char *), *A(q, 2, va_list *));
}
static long op_vfscanf(struct sysreq *q)
{
    return vfscanf(A(q, 0, FILE *), A(q, 1, const char *), *A(q, 2, va_list *));
}
static long op_vsscanf(struct sysreq *q)
{
    return vsscanf(A(q, 0, const char *), A(q, 1, const char *), *A(q, 2, va_list *));
}

/* No descriptor involved: only the stack switch. */
static long sys_plain(struct sysreq *q)
{
    sys_begin(q);
    sys_nb(q, ongo());
    return sys_end(q);
}

/* q's argument slot gets a copy of ap that lives until call(q) returns. */
static int va_call(struct sysreq *q, int slot, va_list ap, long (*call)(struct sysreq *))
{
    va_list cp;
    va_copy(cp, ap);
    q->a[slot] = (long)&cp;
    int r = (int)call(q);
    va_end(cp);
    return r;
}

int gocc_sys_vfprintf(FILE *f, const char *fmt, va_list ap)
{
    stdio_prepare(f);
    struct sysreq q = { .fn = op_vfprintf, .a = { (long)f, (long)fmt } };
    return va_call(&q, 2, ap, sys_blocking);
}

int gocc_sys_vprintf(const char *fmt, va_list ap) { return gocc_sys_vfprintf(stdout, fmt, ap); }

int gocc_sys_fprintf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = gocc_sys_vfprintf(f, fmt, ap);
    va_end(ap);
    return r;
}

int gocc_sys_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = gocc_sys_vfprintf(stdout, fmt, ap);
    va_end(ap);
    return r;
}

int gocc_sys_vdprintf(int fd, const char *fmt, va_list ap)
{
    struct sysreq q = { .fn = op_vdprintf, .a = { fd, (long)fmt } };
    return va_call(&q, 2, ap, sys_blocking);
}

int gocc_sys_dprintf(int fd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = gocc_sys_vdprintf(fd, fmt, ap);
    va_end(ap);
    return r;
}

int gocc_sys_vsnprintf(char *s, gocc_size_t n, const char *fmt, va_list ap)
{
    struct sysreq q = { .fn = op_vsnprintf, .a = { (long)s, (long)n, (long)fmt } };
    return va_call(&q, 3, ap, sys_plain);
}

int gocc_sys_snprintf(char *s, gocc_size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = gocc_sys_vsnprintf(s, n, fmt, ap);
    va_end(ap);
    return r;
}

int gocc_sys_vsprintf(char *s, const char *fmt, va_list ap)
{
    struct sysreq q = { .fn = op_vsprintf, .a = { (long)s, (long)fmt } };
    return va_call(&q, 2, ap, sys_plain);
}

int gocc_sys_sprintf(char *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = gocc_sys_vsprintf(s, fmt, ap);
    va_end(ap);
    return r;
}

int gocc_sys_vasprintf(char **strp, const char *fmt, va_list ap)
{
    struct sysreq q = { .fn = op_vasprintf, .a = { (long)strp, (long)fmt } };
    return va_call(&q, 2, ap, sys_plain);
}

int gocc_sys_asprintf(char **strp, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = gocc_sys_vasprintf(strp, fmt, ap);
    va_end(ap);
    return r;
}

int gocc_sys_vfscanf(FILE *f, const char *fmt, va_list ap)
{
    stdio_prepare(f);
    struct sysreq q = { .fn = op_vfscanf, .a = { (long)f, (long)fmt } };
    return va_call(&q, 2, ap, sys_blocking);
}

int gocc_sys_fscanf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = gocc_sys_vfscanf(f, fmt, ap);
    va_end(ap);
    return r;
}

int gocc_sys_scanf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = gocc_sys_vfscanf(stdin, fmt, ap);
    va_end(ap);
    return r;
}

int gocc_sys_vsscanf(const char *s, const char *fmt, va_list ap)
{
    struct sysreq q = { .fn = op_vsscanf, .a = { (long)s, (long)fmt } };
    return va_call(&q, 2, ap, sys_plain);
}

int gocc_sys_sscanf(const char *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = gocc_sys_vsscanf(s, fmt, ap);
    va_end(ap);
    return r;
}
