/*
 * chan.c — channels (Go's runtime/chan.go, in C).
 *
 * Invariants (all under c->lock)
 *   - At most one of recvq and sendq is non-empty (apart from select
 *     waiters whose G was already claimed by another case; rt_waitq_pop
 *     drops those).
 *   - recvq non-empty implies count == 0; sendq non-empty implies
 *     count == cap.  An unbuffered channel never buffers: a sender hands
 *     its value straight into the parked receiver's slot (and vice versa).
 *   - A woken waiter has w->success set and its G's param pointing at the
 *     waiter before it is readied; success == false means "woken by close".
 *   - Buffer slots are zeroed when received from, so the GC does not keep
 *     dead values alive.
 *   - A waiter record lives on the parked G's stack (stacks never move)
 *     or, for big selects, on the GC heap referenced from that stack.
 * Lock order: chan locks (several only in select, by address) > P timer
 * lock > sched.lock.  A chan lock is released before rt_ready and before
 * any panic.
 */
#include <string.h>
#include "runtime.h"
#include "chan.h"

gocc_chan *gocc_makechan(gocc_size_t elemsize, gocc_size_t elemalign, long cap)
{
    if (elemalign == 0)
        elemalign = 1;
    if (elemalign & (elemalign - 1))
        rt_panic_str("makechan: invalid element alignment");
    size_t slot = (elemsize + elemalign - 1) & ~(elemalign - 1);
    if (cap < 0 || (slot && (size_t)cap > ((size_t)1 << 40) / slot) ||
        cap > (long)0x7fffffff)
        rt_panic_str("makechan: size out of range");
    size_t hdr = (sizeof(struct gocc_chan) + 15) & ~(size_t)15;
    size_t extra = elemalign > 16 ? elemalign : 0;
    gocc_chan *c = gocc_alloc(hdr + extra + (size_t)cap * slot);
    c->elemsize = elemsize;
    c->slot = slot;
    c->cap = cap;
    char *b = (char *)c + hdr;
    if (extra)
        b = (char *)(((uintptr_t)b + elemalign - 1) & ~(uintptr_t)(elemalign - 1));
    c->bufoff = (size_t)(b - (char *)c);
    return c;
}

static inline char *slotp(gocc_chan *c, long i)
{
    return (char *)c + c->bufoff + (size_t)i * c->slot;
}

static inline void cpy(void *dst, const void *src, size_t n)
{
    if (dst && n)
        memcpy(dst, src, n);
}

/* c is locked, w a parked receiver: hand elem over; unlocks c. */
void rt_chan_sendto(gocc_chan *c, rt_waiter *w, const void *elem)
{
    cpy(w->elem, elem, c->elemsize);
    w->success = true;
    w->g->param = w;
    rt_unlock(&c->lock);
    rt_ready(w->g, false);
}

/* c is locked and full (or unbuffered), w a parked sender: take its value
 * (through the buffer head when buffered); unlocks c. */
void rt_chan_recvfrom(gocc_chan *c, rt_waiter *w, void *elem)
{
    if (c->cap == 0) {
        cpy(elem, w->elem, c->elemsize);
    } else {
        char *s = slotp(c, c->recvx);
        cpy(elem, s, c->elemsize);
        cpy(s, w->elem, c->elemsize);
        if (++c->recvx == c->cap)
            c->recvx = 0;
        c->sendx = c->recvx;
    }
    w->success = true;
    w->g->param = w;
    rt_unlock(&c->lock);
    rt_ready(w->g, false);
}

void rt_chan_bufsend(gocc_chan *c, const void *elem)
{
    cpy(slotp(c, c->sendx), elem, c->elemsize);
    if (++c->sendx == c->cap)
        c->sendx = 0;
    __atomic_store_n(&c->count, c->count + 1, __ATOMIC_RELAXED);  /* len() reads it unlocked */
}

void rt_chan_bufrecv(gocc_chan *c, void *elem)
{
    char *s = slotp(c, c->recvx);
    cpy(elem, s, c->elemsize);
    if (c->elemsize)
        memset(s, 0, c->elemsize);
    if (++c->recvx == c->cap)
        c->recvx = 0;
    __atomic_store_n(&c->count, c->count - 1, __ATOMIC_RELAXED);
}

static void block_forever(const char *reason) __attribute__((noreturn));
static void block_forever(const char *reason)
{
    rt_park(NULL, NULL, reason);
    rt_throw("unreachable: nil channel operation resumed");
}

void gocc_chansend(gocc_chan *c, const void *elem)
{
    if (RT_UNLIKELY(!c))
        block_forever("chan send (nil chan)");
    rt_lock(&c->lock);
    if (RT_UNLIKELY(c->closed)) {
        rt_unlock(&c->lock);
        rt_panic_str("send on closed channel");
    }
    rt_waiter *w = rt_waitq_pop(&c->recvq);
    if (w) {
        rt_chan_sendto(c, w, elem);
        return;
    }
    if (c->count < c->cap) {
        rt_chan_bufsend(c, elem);
        rt_unlock(&c->lock);
        return;
    }
    rt_waiter me = { .g = getg(), .elem = (void *)elem, .c = c, .caseidx = -1 };
    rt_waitq_push(&c->sendq, &me);
    rt_park(rt_unlock_fn, &c->lock, "chan send");
    if (!me.success)
        rt_panic_str("send on closed channel");
}

/* Non-blocking send (timers): false when it would block or c is closed. */
bool rt_chantrysend(gocc_chan *c, const void *elem)
{
    rt_lock(&c->lock);
    if (c->closed) {
        rt_unlock(&c->lock);
        return false;
    }
    rt_waiter *w = rt_waitq_pop(&c->recvq);
    if (w) {
        rt_chan_sendto(c, w, elem);
        return true;
    }
    if (c->count < c->cap) {
        rt_chan_bufsend(c, elem);
        rt_unlock(&c->lock);
        return true;
    }
    rt_unlock(&c->lock);
    return false;
}

bool gocc_chanrecv2(gocc_chan *c, void *elem)
{
    if (RT_UNLIKELY(!c))
        block_forever("chan receive (nil chan)");
    rt_lock(&c->lock);
    rt_waiter *w = rt_waitq_pop(&c->sendq);
    if (w) {
        rt_chan_recvfrom(c, w, elem);
        return true;
    }
    if (c->count > 0) {
        rt_chan_bufrecv(c, elem);
        rt_unlock(&c->lock);
        return true;
    }
    if (c->closed) {
        rt_unlock(&c->lock);
        if (elem && c->elemsize)
            memset(elem, 0, c->elemsize);
        return false;
    }
    rt_waiter me = { .g = getg(), .elem = elem, .c = c, .caseidx = -1 };
    rt_waitq_push(&c->recvq, &me);
    rt_park(rt_unlock_fn, &c->lock, "chan receive");
    return me.success;
}

void gocc_chanrecv(gocc_chan *c, void *elem) { (void)gocc_chanrecv2(c, elem); }

void gocc_chanclose(gocc_chan *c)
{
    if (!c)
        rt_panic_str("close of nil channel");
    rt_lock(&c->lock);
    if (c->closed) {
        rt_unlock(&c->lock);
        rt_panic_str("close of closed channel");
    }
    c->closed = 1;
    G *list = NULL;
    rt_waiter *w;
    while ((w = rt_waitq_pop(&c->recvq)) != NULL) {
        if (w->elem && c->elemsize)
            memset(w->elem, 0, c->elemsize);
        w->success = false;
        w->g->param = w;
        w->g->schedlink = list;
        list = w->g;
    }
    while ((w = rt_waitq_pop(&c->sendq)) != NULL) {
        w->success = false;
        w->g->param = w;
        w->g->schedlink = list;
        list = w->g;
    }
    rt_unlock(&c->lock);
    rt_ready_list(list);
}

int gocc_chanlen(gocc_chan *c)
{
    return c ? (int)__atomic_load_n(&c->count, __ATOMIC_RELAXED) : 0;
}

int gocc_chancap(gocc_chan *c) { return c ? (int)c->cap : 0; }
