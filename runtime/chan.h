/*
 * chan.h — the channel structure, shared by chan.c and select.c.
 * Every field below lock is protected by it; cap, elemsize, slot and buf
 * are immutable after makechan.
 */
#ifndef GOCC_CHAN_H
#define GOCC_CHAN_H
#include "runtime.h"

struct gocc_chan {
    atomic_int lock;
    int closed;
    long count;                 /* elements in buf */
    long cap;
    long sendx, recvx;          /* ring indices */
    size_t elemsize;
    size_t slot;                /* elemsize rounded up to the alignment */
    rt_waitq recvq, sendq;
    size_t bufoff;              /* buffer offset in the same GC object (an
                                 * offset, not a pointer: no self-reference
                                 * for finalizer ordering) */
};

void rt_chan_sendto(gocc_chan *c, rt_waiter *w, const void *elem);
void rt_chan_recvfrom(gocc_chan *c, rt_waiter *w, void *elem);
void rt_chan_bufsend(gocc_chan *c, const void *elem);
void rt_chan_bufrecv(gocc_chan *c, void *elem);
bool rt_chantrysend(gocc_chan *c, const void *elem);
#endif
