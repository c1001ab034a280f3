/*
 * netpoll.c — the epoll netpoller: a table that records how the runtime
 * treats each descriptor, parking of goroutines until a descriptor is
 * ready, and the scheduler's side (rt_netpoll, rt_netpoll_break).
 *
 * Descriptor kinds (np_fd.kind)
 *   UNKNOWN  not looked at yet (or forgotten: closed, replaced by dup2).
 *   POLL     a socket or FIFO, fd > 2, not shared with fds 0-2, that was
 *            blocking until the runtime switched its open file description
 *            to O_NONBLOCK; registered once, edge-triggered.  Calls on it
 *            keep blocking semantics for the caller: EAGAIN parks.
 *   USERNB   the user made it non-blocking: EAGAIN goes to the caller.
 *   SYS      anything else (fds 0-2, regular files, ttys, devices, fds that
 *            share a description with 0-2): never touched; calls on it
 *            block the thread (syscall.c brackets them with
 *            rt_entersyscall/rt_exitsyscall).
 *
 * Invariants
 *   - A POLL entry's description is O_NONBLOCK because the runtime set it,
 *     and (fd, description) is in the epoll set with data gen<<32 | fd.
 *   - pd->seq[d] counts readiness events in direction d.  A goroutine takes
 *     a token (gen, seq) *before* the attempt that fails with EAGAIN, and
 *     parks only if neither changed since, checked under pd->lock, which
 *     every waker holds while it pops waiters: no lost wake-up, and no
 *     readiness flag to consume (several goroutines may wait on one fd).
 *   - An event wakes every waiter of its direction; each retries its call
 *     and parks again only after an EAGAIN of its own.  Edge-triggered
 *     epoll reports new data even when old data is still queued, so a
 *     waiter that saw EAGAIN never misses data that arrives later.
 *   - A waker claims the goroutine with the CAS on g->selectdone
 *     (rt_waitq_pop), so a goroutine waiting on several descriptors (poll,
 *     select) or with a deadline is woken exactly once; the winner's
 *     np_waiter is left in g->param.
 *   - Waiter records and the deadline timer live on the parked goroutine's
 *     stack (or the GC heap, referenced from it).  The timer callback's last
 *     access to them is the store to `tdone`; a woken goroutine whose
 *     rt_timer_del fails waits for it before returning.
 *   - pd->gen changes whenever the fd number stops naming the description
 *     the entry describes (close, dup2 onto it, a description found behind
 *     the runtime's back).  Events whose data carries an older gen, and
 *     tokens of an older gen, are ignored (the caller retries).
 *   - Table chunks are allocated once and never freed: entries never move.
 *
 * Lock order: pd->lock (several only in waitmany, by increasing address) >
 * P timer lock > sched.lock.  No pd lock is held with a channel lock.  A
 * pd lock is held across a switch only as the after-switch release, and
 * across a few system calls only while a descriptor is classified or
 * changes kind (rare: once per descriptor).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include "runtime.h"

#define NP_CHUNK 1024
#define NP_MAXFD (1 << 20)      /* fds beyond: SYS (the default nr_open) */
#define NP_EVENTS 128
#define NP_SMALL 2              /* waiters on the stack up to this many: a
                                   blocked read must fit in a 2 KiB segment */
#define NP_BREAK (~(uint64_t)0) /* epoll data of the eventfd */
#define NP_EVMASK (EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET)

typedef struct np_fd {
    atomic_int lock;
    _Atomic int kind;
    _Atomic uint32_t gen;
    _Atomic uint32_t seq[2];    /* readiness events: read, write */
    bool registered;            /* (fd, current description) is in the set */
    rt_waitq q[2];              /* waiters: read, write */
    /* POLL: identity of the description, to recognise a dup() of it made
     * behind the runtime's back (read racily by other classifiers) */
    unsigned long dev, ino;
    int accmode;
} np_fd;

/* A parked goroutine's record on one descriptor's queue. */
typedef struct np_waiter {
    rt_waiter w;                /* first: wait queues hold &w */
    np_fd *pd;
    int dir;
    int err;                    /* set by the waker: 0 ready, EBADF gone */
} np_waiter;

/* Everything one parked goroutine shares with its wakers. */
struct np_wait {
    G *g;
    np_fd **locks;              /* distinct entries, increasing address */
    int nlocks;
    rt_timer t;
    atomic_int tdone;           /* the timer callback is done with us */
    bool timedout;
};

static np_fd *_Atomic np_tab[NP_MAXFD / NP_CHUNK];
static int np_epfd = -1, np_evfd = -1;
static _Atomic int np_hiwater;      /* 1 + the highest fd ever POLL */
static atomic_int np_blocked;       /* Ms in (or entering) a blocking epoll_wait */
static atomic_int np_wakesig;       /* a break is pending */
static atomic_int np_nwait;         /* goroutines parked here */

/* ---- start-up ---------------------------------------------------------- */

void rt_netpoll_init(void)
{
    struct rlimit rl;
    /* Servers need many descriptors; the soft limit is a leftover of
     * select()'s FD_SETSIZE (Go raises it too). */
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
    int ep = epoll_create1(EPOLL_CLOEXEC);
    if (ep < 0)
        return;                 /* no poller: every descriptor is SYS */
    int ev = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    struct epoll_event e = { .events = EPOLLIN, .data.u64 = NP_BREAK };
    if (ev < 0 || epoll_ctl(ep, EPOLL_CTL_ADD, ev, &e) < 0) {
        close(ep);
        if (ev >= 0)
            close(ev);
        return;
    }
    np_evfd = ev;
    np_epfd = ep;
}

/* ---- the descriptor table ---------------------------------------------- */

struct chunk_req { np_fd *c; };

static void chunk_alloc_ss(void *arg) { ((struct chunk_req *)arg)->c = calloc(NP_CHUNK, sizeof(np_fd)); }
static void chunk_free_ss(void *arg) { free(((struct chunk_req *)arg)->c); }

/* The entry of fd (NULL: out of range, or none yet and !create). */
static np_fd *np_get(int fd, bool create)
{
    if (fd < 0 || fd >= NP_MAXFD)
        return NULL;
    np_fd *_Atomic *slot = &np_tab[fd / NP_CHUNK];
    np_fd *c = atomic_load_explicit(slot, memory_order_acquire);
    if (RT_UNLIKELY(!c)) {
        if (!create)
            return NULL;
        struct chunk_req r;
        gocc_systemstack(chunk_alloc_ss, &r);
        if (!r.c)
            rt_throw("out of memory allocating the descriptor table");
        np_fd *old = NULL;
        if (atomic_compare_exchange_strong(slot, &old, r.c)) {
            c = r.c;
        } else {
            gocc_systemstack(chunk_free_ss, &r);
            c = old;
        }
    }
    return &c[fd % NP_CHUNK];
}

/* pd locked: pop every waiter of direction dir with result err, chaining
 * their goroutines through schedlink onto list. */
static G *np_wakeall(np_fd *pd, int dir, int err, G *list)
{
    rt_waiter *w;
    while ((w = rt_waitq_pop(&pd->q[dir])) != NULL) {
        np_waiter *nw = (np_waiter *)w;
        G *g = w->g;
        nw->err = err;
        g->param = nw;
        g->schedlink = list;
        list = g;
    }
    return list;
}

/* pd locked: the fd number no longer names the description the entry
 * describes.  Waiters get err; stale events and tokens are ignored. */
static G *np_forget_locked(np_fd *pd, int err, G *list)
{
    atomic_store(&pd->gen, atomic_load(&pd->gen) + 1);
    atomic_store(&pd->kind, RT_FD_UNKNOWN);
    pd->registered = false;
    list = np_wakeall(pd, 0, err, list);
    return np_wakeall(pd, 1, err, list);
}

/* system stack, pd locked: add (fd, description) to the epoll set. */
static bool np_register(int fd, np_fd *pd)
{
    struct epoll_event e = { .events = NP_EVMASK,
                             .data.u64 = (uint64_t)atomic_load(&pd->gen) << 32 | (uint32_t)fd };
    if (epoll_ctl(np_epfd, EPOLL_CTL_ADD, fd, &e) < 0 &&
        (errno != EEXIST || epoll_ctl(np_epfd, EPOLL_CTL_MOD, fd, &e) < 0))
        return false;
    pd->registered = true;
    return true;
}

/* system stack, pd locked: fd becomes POLL (its description is already
 * non-blocking by the runtime's doing). */
static bool np_make_poll(int fd, np_fd *pd, const struct stat *st, int fl)
{
    if (!np_register(fd, pd))
        return false;
    __atomic_store_n(&pd->dev, (unsigned long)st->st_dev, __ATOMIC_RELAXED);
    __atomic_store_n(&pd->ino, (unsigned long)st->st_ino, __ATOMIC_RELAXED);
    __atomic_store_n(&pd->accmode, fl & O_ACCMODE, __ATOMIC_RELAXED);
    atomic_store(&pd->kind, RT_FD_POLL);
    int hi = atomic_load(&np_hiwater);
    while (hi <= fd && !atomic_compare_exchange_weak(&np_hiwater, &hi, fd + 1))
        ;
    return true;
}

/* Does the description of st also sit at fd 0, 1 or 2?  Then switching it
 * to non-blocking would change stdio's (and children's) semantics. */
static bool np_shares_stdio(const struct stat *st)
{
    struct stat s;
    for (int i = 0; i <= 2; i++)
        if (fstat(i, &s) == 0 && s.st_dev == st->st_dev && s.st_ino == st->st_ino)
            return true;
    return false;
}

/* A non-blocking fd: a dup() of a POLL descriptor made behind the
 * runtime's back (same socket or pipe end), or the user's own? */
static bool np_is_our_dup(int fd, const struct stat *st, int fl)
{
    int hi = atomic_load(&np_hiwater);
    for (int i = 3; i < hi; i++) {
        np_fd *o = i == fd ? NULL : np_get(i, false);
        if (o && atomic_load_explicit(&o->kind, memory_order_relaxed) == RT_FD_POLL &&
            __atomic_load_n(&o->ino, __ATOMIC_RELAXED) == (unsigned long)st->st_ino &&
            __atomic_load_n(&o->dev, __ATOMIC_RELAXED) == (unsigned long)st->st_dev &&
            __atomic_load_n(&o->accmode, __ATOMIC_RELAXED) == (fl & O_ACCMODE))
            return true;
    }
    return false;
}

/* system stack, pd locked, kind UNKNOWN: decide fd's kind. */
static int np_classify_locked(int fd, np_fd *pd)
{
    struct stat st;
    if (fstat(fd, &st) < 0)
        return errno == EBADF ? RT_FD_UNKNOWN : RT_FD_SYS;  /* closed: the call fails */
    if (fd <= 2 || !(S_ISSOCK(st.st_mode) || S_ISFIFO(st.st_mode)) || np_shares_stdio(&st))
        return RT_FD_SYS;
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0)
        return RT_FD_SYS;
    if (fl & O_NONBLOCK)
        return np_is_our_dup(fd, &st, fl) && np_make_poll(fd, pd, &st, fl) ? RT_FD_POLL
                                                                          : RT_FD_USERNB;
    if (fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0)
        return RT_FD_SYS;
    if (!np_make_poll(fd, pd, &st, fl)) {
        fcntl(fd, F_SETFL, fl);
        return RT_FD_SYS;
    }
    return RT_FD_POLL;
}

struct fd_req { int fd; int arg; int r; };

static void classify_ss(void *arg)
{
    struct fd_req *q = arg;
    np_fd *pd = np_get(q->fd, false);
    rt_lock(&pd->lock);
    int k = atomic_load(&pd->kind);
    if (k == RT_FD_UNKNOWN) {
        k = np_classify_locked(q->fd, pd);
        atomic_store(&pd->kind, k);
    }
    rt_unlock(&pd->lock);
    q->r = k;
}

/* fd's kind; an UNKNOWN descriptor is classified first when classify. */
int rt_netpoll_kind(int fd, bool classify)
{
    if (np_epfd < 0)
        return RT_FD_SYS;
    np_fd *pd = np_get(fd, classify);
    if (!pd)
        return classify ? RT_FD_SYS : RT_FD_UNKNOWN;
    int k = atomic_load_explicit(&pd->kind, memory_order_acquire);
    if (k != RT_FD_UNKNOWN || !classify)
        return k;
    struct fd_req q = { fd, 0, 0 };
    gocc_systemstack(classify_ss, &q);
    return q.r;
}

/* ---- kind changes (all on the system stack; wake-ups after unlocking) --- */

static void close_ss(void *arg)
{
    struct fd_req *q = arg;
    np_fd *pd = np_get(q->fd, false);
    if (!pd)
        return;
    rt_lock(&pd->lock);
    if (pd->registered)         /* only this fd's key: dups stay registered */
        epoll_ctl(np_epfd, EPOLL_CTL_DEL, q->fd, NULL);
    G *list = np_forget_locked(pd, q->arg, NULL);
    rt_unlock(&pd->lock);
    rt_ready_list(list);
}

/* Before close(fd): deregister it; its waiters return EBADF. */
void rt_netpoll_close(int fd)
{
    struct fd_req q = { fd, EBADF, 0 };
    if (np_epfd >= 0)
        gocc_systemstack(close_ss, &q);
}

static void reset_ss(void *arg)
{
    struct fd_req *q = arg;
    np_fd *pd = np_get(q->fd, false);
    if (!pd)
        return;
    rt_lock(&pd->lock);
    G *list = NULL;
    if (atomic_load(&pd->kind) != RT_FD_UNKNOWN || pd->registered || pd->q[0].first ||
        pd->q[1].first)
        list = np_forget_locked(pd, EBADF, NULL);
    rt_unlock(&pd->lock);
    rt_ready_list(list);
}

/* fd now names another description (a new fd, a dup2 target, one closed
 * behind the runtime's back): forget what the entry said. */
void rt_netpoll_reset(int fd)
{
    struct fd_req q = { fd, 0, 0 };
    if (np_epfd >= 0)
        gocc_systemstack(reset_ss, &q);
}

/* pd locked: same description, new kind: waiters retry under it. */
static G *np_kick_locked(np_fd *pd, int kind)
{
    atomic_store(&pd->kind, kind);
    return np_wakeall(pd, 1, 0, np_wakeall(pd, 0, 0, NULL));
}

/* system stack, pd locked, POLL: give the description back its blocking
 * mode and stop managing it. */
static G *np_unmanage_locked(int fd, np_fd *pd)
{
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0)
        fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    return np_kick_locked(pd, RT_FD_SYS);
}

static void unmanage_ss(void *arg)
{
    struct fd_req *q = arg;
    np_fd *pd = np_get(q->fd, false);
    if (!pd)
        return;
    rt_lock(&pd->lock);
    G *list = NULL;
    if (atomic_load(&pd->kind) == RT_FD_POLL)
        list = np_unmanage_locked(q->fd, pd);
    rt_unlock(&pd->lock);
    rt_ready_list(list);
}

/* fd is handed to code that expects a blocking description (stdio, a
 * child's stdio after dup2): restore blocking mode; fd becomes SYS. */
void rt_netpoll_unmanage(int fd)
{
    struct fd_req q = { fd, 0, 0 };
    if (np_epfd >= 0)
        gocc_systemstack(unmanage_ss, &q);
}

static void setfl_ss(void *arg)
{
    struct fd_req *q = arg;
    np_fd *pd = np_epfd >= 0 ? np_get(q->fd, true) : NULL;
    if (!pd) {
        q->r = fcntl(q->fd, F_SETFL, q->arg) < 0 ? -errno : 0;
        return;
    }
    G *list = NULL;
    rt_lock(&pd->lock);
    int k = atomic_load(&pd->kind), fl = q->arg;
    bool nb = fl & O_NONBLOCK;
    if (k == RT_FD_POLL)
        fl |= O_NONBLOCK;       /* the runtime still needs it */
    q->r = fcntl(q->fd, F_SETFL, fl) < 0 ? -errno : 0;
    if (q->r == 0 && k == RT_FD_POLL && nb)
        list = np_kick_locked(pd, RT_FD_USERNB);    /* EAGAIN is the user's now */
    else if (q->r == 0 && k == RT_FD_USERNB && !nb)
        atomic_store(&pd->kind, RT_FD_UNKNOWN);     /* classified again on use */
    rt_unlock(&pd->lock);
    rt_ready_list(list);
}

/* fcntl(fd, F_SETFL, flags) that records the user's O_NONBLOCK wish but
 * keeps a POLL description non-blocking.  0 or -errno. */
int rt_netpoll_setfl(int fd, int flags)
{
    struct fd_req q = { fd, flags, 0 };
    gocc_systemstack(setfl_ss, &q);
    return q.r;
}

/* system stack: newfd names oldfd's description now (dup2, F_DUPFD). */
static void dup_ss(void *arg)
{
    struct fd_req *q = arg;
    int oldfd = q->arg, newfd = q->fd;
    reset_ss(q);
    np_fd *od = np_get(oldfd, false), *nd = np_get(newfd, true);
    if (!od || !nd)
        return;
    int k = atomic_load(&od->kind);
    G *list = NULL;
    if (k == RT_FD_POLL && newfd <= 2) {
        /* stdio of this process and of its children: blocking again */
        rt_lock(&od->lock);
        if (atomic_load(&od->kind) == RT_FD_POLL)
            list = np_unmanage_locked(oldfd, od);
        rt_unlock(&od->lock);
        k = RT_FD_SYS;
    }
    rt_lock(&nd->lock);
    if (k == RT_FD_POLL) {
        struct stat st;
        int fl = fcntl(newfd, F_GETFL);
        if (fl < 0 || fstat(newfd, &st) < 0 || !np_make_poll(newfd, nd, &st, fl))
            k = RT_FD_UNKNOWN;
    }
    if (k != RT_FD_POLL)
        atomic_store(&nd->kind, k == RT_FD_SYS || k == RT_FD_USERNB ? k : RT_FD_UNKNOWN);
    rt_unlock(&nd->lock);
    rt_ready_list(list);
}

void rt_netpoll_dup(int oldfd, int newfd)
{
    struct fd_req q = { newfd, oldfd, 0 };
    if (np_epfd >= 0 && oldfd != newfd)
        gocc_systemstack(dup_ss, &q);
}

static void accepted_ss(void *arg)
{
    struct fd_req *q = arg;
    reset_ss(q);
    np_fd *pd = np_get(q->fd, true);
    if (!pd)
        return;
    rt_lock(&pd->lock);
    struct stat st;
    int fl;
    if (q->arg)
        atomic_store(&pd->kind, RT_FD_USERNB);
    else if ((fl = fcntl(q->fd, F_GETFL)) < 0 || fstat(q->fd, &st) < 0 ||
             !np_make_poll(q->fd, pd, &st, fl))
        atomic_store(&pd->kind, RT_FD_UNKNOWN);
    rt_unlock(&pd->lock);
}

/* A socket accepted non-blocking on the runtime's behalf (usernb: on the
 * user's): it is POLL (USERNB) from the start. */
void rt_netpoll_accepted(int fd, bool usernb)
{
    struct fd_req q = { fd, usernb, 0 };
    if (np_epfd >= 0)
        gocc_systemstack(accepted_ss, &q);
}

/* ---- waiting ----------------------------------------------------------- */

/* Snapshot of fd's state in one direction, taken before an attempt. */
uint64_t rt_netpoll_token(int fd, int mode)
{
    np_fd *pd = np_get(fd, false);
    if (!pd)
        return 0;
    uint32_t gen = atomic_load(&pd->gen);
    uint32_t seq = atomic_load(&pd->seq[mode - 1]);
    return (uint64_t)gen << 32 | seq;
}

struct probe_req { int fd; uint64_t tok; int r; };

static void probe_ss(void *arg)
{
    struct probe_req *q = arg;
    np_fd *pd = np_get(q->fd, false);
    if (!pd || atomic_load(&pd->gen) != (uint32_t)(q->tok >> 32)) {
        q->r = EBADF;           /* closed (or replaced) since the attempt */
        return;
    }
    struct epoll_event e = { .events = NP_EVMASK, .data.u64 = (q->tok & ~0xffffffffull) | (uint32_t)q->fd };
    if (epoll_ctl(np_epfd, EPOLL_CTL_ADD, q->fd, &e) < 0) {
        if (errno == EEXIST) {
            q->r = 0;           /* still the description we registered */
            return;
        }
        q->r = errno == EBADF ? EBADF : EAGAIN;
    } else {
        /* a description the runtime never saw: the old one was closed
         * behind our back and the number reused.  Non-blocking: its
         * owner's EAGAIN; blocking (a socket timeout's EAGAIN): retry, it
         * is classified afresh */
        epoll_ctl(np_epfd, EPOLL_CTL_DEL, q->fd, NULL);
        int fl = fcntl(q->fd, F_GETFL);
        q->r = fl >= 0 && !(fl & O_NONBLOCK) ? RT_PROBE_RETRY : EAGAIN;
    }
    struct fd_req rq = { q->fd, 0, 0 };
    reset_ss(&rq);
}

/* EAGAIN on a POLL fd: is fd still the description the runtime
 * registered?  0 yes; EAGAIN: a new, non-blocking one (forgotten: the
 * caller passes EAGAIN on, the next call classifies it); RT_PROBE_RETRY: a
 * new, blocking one (forgotten: retry the call); EBADF: closed since. */
int rt_netpoll_probe(int fd, uint64_t tok)
{
    struct probe_req q = { fd, tok, 0 };
    gocc_systemstack(probe_ss, &q);
    return q.r;
}

static void np_lock_all(struct np_wait *wt)
{
    for (int i = 0; i < wt->nlocks; i++)
        rt_lock(&wt->locks[i]->lock);
}

static void np_unlock_all(void *arg)
{
    struct np_wait *wt = arg;
    for (int i = wt->nlocks - 1; i >= 0; i--)
        rt_unlock(&wt->locks[i]->lock);
}

/* Distinct entries of ws in increasing address order (insertion sort: n
 * is small). */
static int np_lockorder(np_waiter *ws, int n, np_fd **locks)
{
    int k = 0;
    for (int i = 0; i < n; i++) {
        np_fd *pd = ws[i].pd;
        int j = k;
        while (j > 0 && locks[j - 1] > pd)
            j--;
        if (j > 0 && locks[j - 1] == pd)
            continue;
        for (int m = k; m > j; m--)
            locks[m] = locks[m - 1];
        locks[j] = pd;
        k++;
    }
    return k;
}

/* The deadline passed: claim the goroutine unless a waker did.  Holding
 * one of its pd locks proves it has switched out (they are released after
 * the switch). */
static void np_timeout(void *arg, int64_t now)
{
    (void)now;
    struct np_wait *wt = arg;
    G *g = wt->g, *win = NULL;
    rt_lock(&wt->locks[0]->lock);
    int z = 0;
    if (atomic_compare_exchange_strong(&g->selectdone, &z, 1)) {
        wt->timedout = true;
        win = g;
    }
    rt_unlock(&wt->locks[0]->lock);
    atomic_store(&wt->tdone, 1);        /* last access to *wt */
    if (win)
        rt_ready(win, false);
}

/* Under every lock: an event came since a token was taken (0: retry), a
 * descriptor was closed or replaced since (EBADF), the deadline passed
 * (ETIMEDOUT), or -1: park. */
static int np_check(rt_pollwant *want, np_waiter *ws, int n, int64_t deadline)
{
    for (int i = 0; i < n; i++) {
        np_fd *pd = ws[i].pd;
        if (atomic_load(&pd->gen) != (uint32_t)(want[i].tok >> 32))
            return EBADF;
    }
    for (int i = 0; i < n; i++)
        if (atomic_load(&ws[i].pd->seq[ws[i].dir]) != (uint32_t)want[i].tok)
            return 0;
    if (deadline && rt_nanotime() >= deadline)
        return ETIMEDOUT;
    return -1;
}

/* Park until one of want[] sees an event after its token was taken.
 * 0: retry the calls; ETIMEDOUT: deadline (absolute monotonic ns, 0 none)
 * passed; EBADF: a descriptor was closed or replaced since its token. */
int rt_netpoll_waitmany(rt_pollwant *want, int n, int64_t deadline)
{
    np_waiter sw[NP_SMALL];
    np_fd *sl[NP_SMALL];
    np_waiter *ws = sw;
    struct np_wait wt;
    wt.locks = sl;
    if (n > NP_SMALL) {
        ws = rt_alloc(sizeof(np_waiter) * (size_t)n);
        wt.locks = rt_alloc(sizeof(np_fd *) * (size_t)n);
    }
    for (int i = 0; i < n; i++) {
        ws[i].pd = np_get(want[i].fd, false);
        ws[i].dir = want[i].mode - 1;
        if (!ws[i].pd)
            return 0;           /* never classified: the caller's retry does */
    }
    G *g = getg();
    wt.g = g;
    wt.nlocks = np_lockorder(ws, n, wt.locks);
    np_lock_all(&wt);
    int r = np_check(want, ws, n, deadline);
    if (r >= 0) {
        np_unlock_all(&wt);
        return r;
    }
    g->param = NULL;
    atomic_store(&g->selectdone, 0);
    for (int i = 0; i < n; i++) {
        ws[i].w = (rt_waiter){ .g = g, .caseidx = i, .isselect = true };
        ws[i].err = 0;
        rt_waitq_push(&ws[i].pd->q[ws[i].dir], &ws[i].w);
    }
    atomic_store(&wt.tdone, 0);
    wt.timedout = false;
    if (deadline) {
        wt.t.period = 0;
        wt.t.fn = np_timeout;
        wt.t.arg = &wt;
        atomic_store(&wt.t.p, NULL);
        rt_timer_add(&wt.t, deadline);
    }
    atomic_fetch_add(&np_nwait, 1);
    rt_park(np_unlock_all, &wt, "IO wait");

    np_lock_all(&wt);
    for (int i = 0; i < n; i++)
        rt_waitq_remove(&ws[i].pd->q[ws[i].dir], &ws[i].w);
    np_unlock_all(&wt);
    atomic_fetch_sub(&np_nwait, 1);
    if (deadline && !rt_timer_del(&wt.t))
        while (!atomic_load(&wt.tdone))
            __builtin_ia32_pause();
    if (wt.timedout)
        return ETIMEDOUT;
    np_waiter *win = g->param;
    return win ? win->err : 0;
}

/* EAGAIN on POLL fd after an attempt that began at tok: check that fd is
 * still ours, then park.  0: retry; EAGAIN: pass it on (fd reclassified);
 * ETIMEDOUT; EBADF. */
int rt_netpoll_block(int fd, int mode, uint64_t tok, int64_t deadline)
{
    int r = rt_netpoll_probe(fd, tok);
    if (r)
        return r == RT_PROBE_RETRY ? 0 : r;
    rt_pollwant w = { fd, mode, tok };
    return rt_netpoll_waitmany(&w, 1, deadline);
}

struct ready_req { int fd, mode; int64_t deadline; int r; };

/* Is fd ready in mode now (a zero-timeout poll)?  With a deadline given
 * and fd not POLL: wait in poll() itself. */
static void ready_ss(void *arg)
{
    struct ready_req *q = arg;
    struct pollfd p = { q->fd, q->mode == RT_POLL_READ ? POLLIN : POLLOUT, 0 };
    int ms = 0;
    if (q->deadline < 0) {
        ms = -1;
    } else if (q->deadline > 0) {
        int64_t d = q->deadline - rt_nanotime();
        ms = d <= 0 ? 0 : d / 1000000 >= INT_MAX ? INT_MAX : (int)((d + 999999) / 1000000);
    }
    int n = poll(&p, 1, ms);
    q->r = n < 0 ? -errno : n > 0 ? ((p.revents & POLLNVAL) ? -EBADF : 1) : 0;
}

/* Park until fd is ready in mode (1 read, 2 write).  0 ready; ETIMEDOUT
 * (deadline, absolute monotonic ns, 0 none); EBADF.  A descriptor the
 * poller does not manage is waited for in poll(), the P handed off. */
int rt_netpoll_wait(int fd, int mode, int64_t deadline)
{
    for (;;) {
        struct ready_req q = { fd, mode, 0, 0 };
        if (rt_netpoll_kind(fd, true) != RT_FD_POLL) {
            q.deadline = deadline ? deadline : -1;
            rt_entersyscall();
            gocc_systemstack(ready_ss, &q);
            rt_exitsyscall();
            if (q.r < 0 && q.r != -EINTR)
                return -q.r;
            if (q.r > 0)
                return 0;
            if (q.r == 0)
                return ETIMEDOUT;
            continue;
        }
        uint64_t tok = rt_netpoll_token(fd, mode);
        gocc_systemstack(ready_ss, &q);
        if (q.r == -EBADF)
            return EBADF;
        if (q.r > 0)
            return 0;
        int r = rt_netpoll_block(fd, mode, tok, deadline);
        if (r != 0 && r != EAGAIN)
            return r;
    }
}

/* ---- the scheduler's side ---------------------------------------------- */

/* One epoll event: bump the entry's counters, collect its waiters. */
static G *np_event(struct epoll_event *e, G *list)
{
    int fd = (int)(uint32_t)e->data.u64;
    uint32_t gen = (uint32_t)(e->data.u64 >> 32);
    np_fd *pd = np_get(fd, false);
    if (!pd || atomic_load_explicit(&pd->gen, memory_order_relaxed) != gen)
        return list;            /* an older description at this number */
    bool rd = e->events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR | EPOLLPRI);
    bool wr = e->events & (EPOLLOUT | EPOLLHUP | EPOLLERR);
    rt_lock(&pd->lock);
    if (atomic_load(&pd->gen) == gen) {
        if (rd) {
            atomic_fetch_add(&pd->seq[0], 1);
            list = np_wakeall(pd, 0, 0, list);
        }
        if (wr) {
            atomic_fetch_add(&pd->seq[1], 1);
            list = np_wakeall(pd, 1, 0, list);
        }
    }
    rt_unlock(&pd->lock);
    return list;
}

static void np_drain(void)
{
    uint64_t v;
    while (read(np_evfd, &v, sizeof v) < 0 && errno == EINTR)
        ;
    atomic_store(&np_wakesig, 0);
}

/* Any thread (an idle M's g0, sysmon): it touches no M or P. */
G *rt_netpoll(int64_t wait_ns)
{
    if (np_epfd < 0)
        return NULL;
    int ms = 0;
    if (wait_ns < 0)
        ms = -1;
    else if (wait_ns > 0)
        ms = wait_ns / 1000000 >= INT_MAX ? INT_MAX : (int)((wait_ns + 999999) / 1000000);
    bool block = ms != 0;
    if (block) {
        /* Dekker with rt_netpoll_break: announce, then look for a break
         * that came before the announcement. */
        atomic_fetch_add(&np_blocked, 1);
        if (atomic_exchange(&np_wakesig, 0))
            ms = 0;
    }
    int errno_save = errno;
    struct epoll_event ev[NP_EVENTS];
    int n = epoll_wait(np_epfd, ev, NP_EVENTS, ms);
    if (block)
        atomic_fetch_sub(&np_blocked, 1);
    G *list = NULL;
    for (int i = 0; i < n; i++) {
        if (ev[i].data.u64 == NP_BREAK) {
            if (block)          /* a non-blocking poll leaves it to the sleeper */
                np_drain();
            continue;
        }
        list = np_event(&ev[i], list);
    }
    errno = errno_save;
    for (G *g = list; g; g = g->schedlink)
        atomic_store_explicit(&g->state, G_RUNNABLE, memory_order_relaxed);
    return list;
}

static void break_ss(void *arg)
{
    (void)arg;
    uint64_t one = 1;
    int e = errno;
    while (write(np_evfd, &one, sizeof one) < 0 && errno == EINTR)
        ;
    errno = e;
}

/* Wake an M blocked in rt_netpoll.  A break while none is blocked stays
 * pending (np_wakesig) and makes the next blocking rt_netpoll only poll:
 * cheap (one exchange) and never lost. */
void rt_netpoll_break(void)
{
    if (np_evfd < 0 || atomic_exchange(&np_wakesig, 1))
        return;
    if (atomic_load(&np_blocked) == 0)
        return;
    gocc_systemstack(break_ss, NULL);
}

bool rt_netpoll_waiting(void)
{
    return atomic_load_explicit(&np_nwait, memory_order_relaxed) > 0;
}
