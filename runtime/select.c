/*
 * select.c — Go's selectgo.
 *
 *   1. a random poll order over the non-nil cases (Fisher-Yates), and a
 *      lock order (by channel address, duplicates locked once);
 *   2. lock all; the first ready case in poll order wins;
 *   3. none ready: default returns -1; otherwise a waiter per case is
 *      enqueued on every channel and the G parks (locks released after the
 *      switch);
 *   4. the first waker claims the G with a CAS on g->selectdone (so it is
 *      woken exactly once) and records the firing waiter in g->param; the
 *      woken G relocks everything and removes its other waiters.
 *
 * Invariants: a select G is on no wait queue after gocc_select returns; its
 * waiters live on its stack (or on the GC heap for n > RT_SELSMALL,
 * referenced from its stack) until then.
 * Lock order: channel locks in increasing address order, then whatever
 * rt_ready takes.
 */
#include <string.h>
#include "runtime.h"
#include "chan.h"

#define RT_SELSMALL 8

struct sellocks {
    gocc_selcase *cases;
    uint16_t *order;            /* lock order */
    int n;
};

static void sellock(struct sellocks *l)
{
    gocc_chan *prev = NULL;
    for (int i = 0; i < l->n; i++) {
        gocc_chan *c = l->cases[l->order[i]].c;
        if (c != prev)
            rt_lock(&c->lock);
        prev = c;
    }
}

static void selunlock(void *arg)
{
    struct sellocks *l = arg;
    for (int i = l->n - 1; i >= 0; i--) {
        gocc_chan *c = l->cases[l->order[i]].c;
        if (i == 0 || l->cases[l->order[i - 1]].c != c)
            rt_unlock(&c->lock);
    }
}

/* Heap sort of the lock order by channel address (n may be large). */
static void sortorder(gocc_selcase *cs, uint16_t *o, int n)
{
#define KEY(i) ((uintptr_t)cs[o[i]].c)
    for (int i = 1; i < n && n <= 16; i++) {
        uint16_t v = o[i];
        int j = i - 1;
        while (j >= 0 && KEY(j) > (uintptr_t)cs[v].c) {
            o[j + 1] = o[j];
            j--;
        }
        o[j + 1] = v;
    }
    if (n <= 16)
        return;
    for (int start = n / 2 - 1; start >= 0; start--)
        for (int r = start;;) {
            int ch = 2 * r + 1;
            if (ch >= n) break;
            if (ch + 1 < n && KEY(ch) < KEY(ch + 1)) ch++;
            if (KEY(r) >= KEY(ch)) break;
            uint16_t t = o[r]; o[r] = o[ch]; o[ch] = t;
            r = ch;
        }
    for (int end = n - 1; end > 0; end--) {
        uint16_t t = o[0]; o[0] = o[end]; o[end] = t;
        for (int r = 0;;) {
            int ch = 2 * r + 1;
            if (ch >= end) break;
            if (ch + 1 < end && KEY(ch) < KEY(ch + 1)) ch++;
            if (KEY(r) >= KEY(ch)) break;
            uint16_t t2 = o[r]; o[r] = o[ch]; o[ch] = t2;
            r = ch;
        }
    }
#undef KEY
}

int gocc_select(gocc_selcase *cases, int n, bool has_default)
{
    uint16_t pollbuf[RT_SELSMALL], lockbuf[RT_SELSMALL];
    rt_waiter wbuf[RT_SELSMALL];
    uint16_t *poll = pollbuf, *lockord = lockbuf;
    rt_waiter *ws = wbuf;
    if (n > 65535)
        rt_panic_str("select: too many cases");
    if (n > RT_SELSMALL) {
        poll = rt_alloc(2 * sizeof(uint16_t) * (size_t)n);
        lockord = poll + n;
        ws = rt_alloc(sizeof(rt_waiter) * (size_t)n);
    }

    int np = 0;
    for (int i = 0; i < n; i++) {
        if (!cases[i].c)
            continue;
        int j = (int)(rt_fastrand() % (uint32_t)(np + 1));
        poll[np] = poll[j];
        poll[j] = (uint16_t)i;
        np++;
    }
    if (np == 0) {
        if (has_default)
            return -1;
        rt_park(NULL, NULL, "select (no cases)");
        rt_throw("unreachable: empty select resumed");
    }
    memcpy(lockord, poll, sizeof(uint16_t) * (size_t)np);
    sortorder(cases, lockord, np);
    struct sellocks locks = { cases, lockord, np };

    sellock(&locks);
    for (int k = 0; k < np; k++) {
        int i = poll[k];
        gocc_selcase *cs = &cases[i];
        gocc_chan *c = cs->c;
        rt_waiter *w;
        if (cs->dir == GOCC_SELECT_RECV) {
            if ((w = rt_waitq_pop(&c->sendq)) != NULL) {
                /* rt_chan_recvfrom unlocks c: release the others first */
                cs->recv_ok = true;
                for (int q = np - 1; q >= 0; q--) {
                    gocc_chan *cq = cases[lockord[q]].c;
                    if (cq != c && (q == 0 || cases[lockord[q - 1]].c != cq))
                        rt_unlock(&cq->lock);
                }
                rt_chan_recvfrom(c, w, cs->elem);
                return i;
            }
            if (c->count > 0) {
                rt_chan_bufrecv(c, cs->elem);
                selunlock(&locks);
                cs->recv_ok = true;
                return i;
            }
            if (c->closed) {
                selunlock(&locks);
                if (cs->elem && c->elemsize)
                    memset(cs->elem, 0, c->elemsize);
                cs->recv_ok = false;
                return i;
            }
        } else {
            if (c->closed) {
                selunlock(&locks);
                rt_panic_str("send on closed channel");
            }
            if ((w = rt_waitq_pop(&c->recvq)) != NULL) {
                for (int q = np - 1; q >= 0; q--) {
                    gocc_chan *cq = cases[lockord[q]].c;
                    if (cq != c && (q == 0 || cases[lockord[q - 1]].c != cq))
                        rt_unlock(&cq->lock);
                }
                rt_chan_sendto(c, w, cs->elem);
                return i;
            }
            if (c->count < c->cap) {
                rt_chan_bufsend(c, cs->elem);
                selunlock(&locks);
                return i;
            }
        }
    }
    if (has_default) {
        selunlock(&locks);
        return -1;
    }

    G *g = getg();
    g->param = NULL;
    atomic_store(&g->selectdone, 0);
    for (int k = 0; k < np; k++) {
        int i = lockord[k];
        gocc_selcase *cs = &cases[i];
        rt_waiter *w = &ws[k];
        *w = (rt_waiter){ .g = g, .elem = cs->elem, .c = cs->c, .caseidx = i,
                          .isselect = true };
        rt_waitq_push(cs->dir == GOCC_SELECT_RECV ? &cs->c->recvq : &cs->c->sendq, w);
    }
    rt_park(selunlock, &locks, "select");

    sellock(&locks);
    rt_waiter *win = g->param;
    for (int k = 0; k < np; k++) {
        rt_waiter *w = &ws[k];
        if (w == win)
            continue;
        gocc_selcase *cs = &cases[w->caseidx];
        rt_waitq_remove(cs->dir == GOCC_SELECT_RECV ? &cs->c->recvq : &cs->c->sendq, w);
    }
    selunlock(&locks);
    if (!win)
        rt_throw("select woken without a case");
    gocc_selcase *cs = &cases[win->caseidx];
    if (cs->dir == GOCC_SELECT_SEND) {
        if (!win->success)
            rt_panic_str("send on closed channel");
    } else {
        cs->recv_ok = win->success;
    }
    return win->caseidx;
}
