/*
 * context.c — cancellation trees: context_background/todo, with_cancel,
 * with_deadline/with_timeout, with_value (dialect.md §8, Go's context).
 *
 * A cancellable context owns a done channel, closed exactly once, when its
 * err goes from 0 to ECANCELED or ETIMEDOUT.  Cancelling it cancels its
 * children, which it forgets, stops its deadline timer and removes it from
 * its parent.  Value contexts and the background context have no state of
 * their own: done and err are those of the nearest cancellable ancestor
 * (none for the background: a nil done channel, which never proceeds).
 *
 * Invariants
 *   - err changes once, from 0, under lock, and done is closed before that
 *     lock is released: whoever sees done closed sees err set, and whoever
 *     sees err set and then takes the lock finds done closed (Go's "Err is
 *     non-nil iff Done is closed").  context_err reads err without the lock
 *     and takes it only in the short window where err is set and done is
 *     not yet closed.
 *   - Waking done's waiters happens inside that close: one close readies
 *     every goroutine blocked on done (or on a select that includes it).
 *   - A cancelled context has no children and no armed timer.
 *   - An armed timer's record keeps its context alive (the timer heaps are
 *     uncollectable memory), so a context that expires need not be
 *     referenced by anyone.
 * Lock order: a context's lock > chan locks > a P's timer lock >
 *   sched.lock.  No two context locks are ever held together: cancel
 *   releases the context before it cancels the children and before it
 *   locks the parent.  The deadline callback runs on g0 with no lock held
 *   and takes only context and channel locks (and those below them).
 */
#include <errno.h>
#include "runtime.h"

struct Context {
    Context *parent;
    bool cancellable;
    bool has_value;
    atomic_int lock;
    atomic_int err;             /* 0, ECANCELED, ETIMEDOUT (written under lock) */
    gocc_chan *done;            /* cancellable contexts */
    Context **children;         /* (lock) GC memory */
    int nchildren, capchildren; /* (lock) */
    rt_timer *timer;            /* (lock) armed deadline, or NULL */
    int64_t deadline;           /* 0: none */
    void *key, *val;            /* value contexts */
};

static Context background_ctx, todo_ctx;

Context *context_background(void) { return &background_ctx; }
Context *context_todo(void) { return &todo_ctx; }

/* The context whose done and err c shares, or NULL (never cancelled). */
static Context *owner(Context *c)
{
    while (c && !c->cancellable)
        c = c->parent;
    return c;
}

static void cancel(Context *c, int err);

static void add_child(Context *p, Context *c)
{
    if (p->nchildren == p->capchildren) {
        int cap = p->capchildren ? 2 * p->capchildren : 4;
        Context **a = gocc_alloc(sizeof *a * (size_t)cap);
        for (int i = 0; i < p->nchildren; i++)
            a[i] = p->children[i];
        p->children = a;
        p->capchildren = cap;
    }
    p->children[p->nchildren++] = c;
}

static void remove_child(Context *p, Context *c)
{
    rt_lock(&p->lock);
    for (int i = 0; i < p->nchildren; i++)
        if (p->children[i] == c) {
            p->children[i] = p->children[--p->nchildren];
            p->children[p->nchildren] = NULL;
            break;
        }
    rt_unlock(&p->lock);
}

/* Links c under its parent's owner, or cancels it at once when that owner
 * is already cancelled. */
static void propagate(Context *c)
{
    Context *p = owner(c->parent);
    if (!p)
        return;
    rt_lock(&p->lock);
    int err = atomic_load_explicit(&p->err, memory_order_relaxed);
    if (!err)
        add_child(p, c);
    rt_unlock(&p->lock);
    if (err)
        cancel(c, err);
}

static void cancel(Context *c, int err)
{
    rt_lock(&c->lock);
    if (atomic_load_explicit(&c->err, memory_order_relaxed)) {
        rt_unlock(&c->lock);
        return;
    }
    /* release: a waiter woken by the close below sees err */
    atomic_store_explicit(&c->err, err, memory_order_release);
    Context **kids = c->children;
    int nkids = c->nchildren;
    c->children = NULL;
    c->nchildren = c->capchildren = 0;
    rt_timer *t = c->timer;
    c->timer = NULL;
    gocc_chanclose(c->done);    /* under the lock: see the invariants */
    rt_unlock(&c->lock);

    if (t)
        rt_timer_del(t);
    for (int i = 0; i < nkids; i++)
        cancel(kids[i], err);
    Context *p = owner(c->parent);
    if (p)
        remove_child(p, c);
}

static Context *new_cancellable(Context *parent)
{
    if (!parent)
        rt_panic_str("cannot create context from nil parent");
    Context *c = gocc_alloc(sizeof *c);
    c->parent = parent;
    c->cancellable = true;
    c->done = gocc_makechan(sizeof(bool), _Alignof(bool), 0);
    return c;
}

Context *context_with_cancel(Context *parent)
{
    Context *c = new_cancellable(parent);
    propagate(c);
    return c;
}

static void expire(void *arg, int64_t now)
{
    (void)now;
    cancel(arg, ETIMEDOUT);
}

static int64_t deadline_of(Context *c)
{
    for (; c; c = c->parent)
        if (c->deadline)
            return c->deadline;
    return 0;
}

Context *context_with_deadline(Context *parent, Time d)
{
    Context *c = new_cancellable(parent);
    int64_t inherited = deadline_of(parent);
    if (inherited && inherited <= d.ns) {
        propagate(c);           /* the parent expires first: nothing to arm */
        return c;
    }
    c->deadline = d.ns;
    propagate(c);
    if (d.ns <= time_now().ns) {
        cancel(c, ETIMEDOUT);
        return c;
    }
    rt_timer *t = rt_alloc(sizeof *t);
    t->fn = expire;
    t->arg = c;
    rt_lock(&c->lock);
    /* the parent may have cancelled it meanwhile */
    if (!atomic_load_explicit(&c->err, memory_order_relaxed)) {
        c->timer = t;
        rt_timer_add(t, d.ns);
    }
    rt_unlock(&c->lock);
    return c;
}

Context *context_with_timeout(Context *parent, Duration d)
{
    Time deadline;
    if (__builtin_add_overflow(time_now().ns, d, &deadline.ns))
        deadline.ns = INT64_MAX;        /* a huge d: never, not a wrapped past */
    return context_with_deadline(parent, deadline);
}

Context *context_with_value(Context *parent, void *key, void *val)
{
    if (!parent)
        rt_panic_str("cannot create context from nil parent");
    Context *c = gocc_alloc(sizeof *c);
    c->parent = parent;
    c->has_value = true;
    c->key = key;
    c->val = val;
    return c;
}

void context_cancel(Context *c)
{
    if (c && c->cancellable)
        cancel(c, ECANCELED);
}

gocc_chan *context_done(Context *c)
{
    Context *o = owner(c);
    return o ? o->done : NULL;
}

/* Is the done channel closed?  Nothing is ever sent on it, so a receive
 * that can proceed means closed. */
static bool done_closed(gocc_chan *done)
{
    gocc_selcase sc = { .c = done, .dir = GOCC_SELECT_RECV };
    return gocc_select(&sc, 1, true) == 0;
}

int context_err(Context *c)
{
    Context *o = owner(c);
    if (!o)
        return 0;
    int err = atomic_load_explicit(&o->err, memory_order_acquire);
    if (err && !done_closed(o->done)) {
        /* a cancel is closing done right now, under the lock: wait for it */
        rt_lock(&o->lock);
        rt_unlock(&o->lock);
    }
    return err;
}

void *context_value(Context *c, void *key)
{
    for (; c; c = c->parent)
        if (c->has_value && c->key == key)
            return c->val;
    return NULL;
}
