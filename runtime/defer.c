/*
 * defer.c — deferred calls at panic and goexit, and recover().
 *
 * Translated code keeps the deferred calls of a function in a gocc_frame
 * on that function's stack (gocc.h): gocc_frame_enter links it into the
 * goroutine's chain and records a __builtin_setjmp landing; gocc_frame_exit
 * runs what is left, last in first out, and unlinks it.  Normal returns
 * never come here for anything else: this file is the unwinding.
 *
 * A panic runs the deferred calls of every frame, newest frame first.  If
 * one of them calls recover(), the panic stops once that call returns:
 * control jumps to the landing of the frame that deferred it, which runs
 * the frame's remaining deferred calls and returns the zero value.  With
 * no recover, the caller (panic.c) prints the report and exits 2.
 *
 * Invariants
 *   - g->frames lists exactly the frames of functions still running on g,
 *     newest first; a frame is unlinked before its function returns or,
 *     during unwinding, once its last deferred call has run.
 *   - g->panic lists the panics in progress, newest first; each remembers
 *     the frame chain at its start, so a recovery that lands in frame f
 *     also retires the panics started inside f (their unwinding loops were
 *     on the stack that the jump discards).
 *   - Runtime panics are raised with no runtime lock held (chan.c and
 *     select.c unlock first), so jumping over runtime frames is safe.
 *   - The jump may leave deeper split-stack segments: the frame saved the
 *     split-stack context at entry, and the landing restores it first
 *     (gocc_frame_land, no_split_stack) so that libgcc's bounds match the
 *     segment the frame is on; the deeper segments stay cached for reuse.
 * Lock order: takes no lock; all state belongs to the running goroutine.
 */
#include "runtime.h"

struct rt_panic {
    struct rt_panic *up;
    const char *msg;
    gocc_frame *top;            /* g->frames when the panic started */
    bool running;               /* inside one of its deferred calls */
    bool recovered;
};

static G *curg_or_null(void)
{
    M *m = getm();
    return m && m->curg != &m->g0 && !m->sys_depth ? m->curg : NULL;
}

#ifndef RT_FIXED_STACK
extern void __splitstack_getcontext(void *ctx[10]);
extern void __splitstack_setcontext(void *ctx[10]);
#endif

/* Off a goroutine (a constructor, a C library's own thread calling dialect
 * code) the frame stays out of any chain: up == f marks it. */
void gocc_frame_enter(gocc_frame *f)
{
    G *g = getg();
    f->defers = NULL;
    if (!g) {
        f->up = f;
        return;
    }
    f->up = g->frames;
    g->frames = f;
#ifndef RT_FIXED_STACK
    __splitstack_getcontext(f->ss);
#endif
}

RT_NOSPLIT void gocc_frame_land(gocc_frame *f)
{
#ifndef RT_FIXED_STACK
    __splitstack_setcontext(f->ss);
#else
    (void)f;
#endif
}

void gocc_frame_exit(gocc_frame *f)
{
    gocc_defer_run(&f->defers);
    if (f->up != f)
        getg()->frames = f->up;
}

/* Is f on the chain that starts at top? */
static bool on_chain(gocc_frame *top, gocc_frame *f)
{
    for (; top; top = top->up)
        if (top == f)
            return true;
    return false;
}

/* Runs the deferred calls of g's frames for panic p; jumps away when one
 * recovers.  Returns when every frame is done. */
static void unwind(G *g, struct rt_panic *p)
{
    gocc_frame *f;
    while ((f = g->frames) != NULL) {
        while (f->defers) {
            gocc_defer *d = f->defers;
            f->defers = d->next;
            p->running = true;
            d->fn(d->arg);
            p->running = false;
            if (p->recovered) {
                struct rt_panic *q = g->panic;
                while (q && on_chain(q->top, f))
                    q = q->up;
                g->panic = q;
                g->frames = f;
                g->pfile = NULL;
                __builtin_longjmp(f->jb, 1);
            }
        }
        g->frames = f->up;
    }
}

/* panic.c, before it reports a panic: the deferred calls run first, and
 * may recover (then this does not return). */
void rt_unwind(const char *msg)
{
    G *g = curg_or_null();
    if (!g || !g->frames)
        return;
    struct rt_panic p = { .up = g->panic, .msg = msg, .top = g->frames };
    g->panic = &p;
    unwind(g, &p);
    g->panic = p.up;
}

/* goexit: every deferred call of the goroutine runs; recover() returns
 * NULL in them (no panic). */
void rt_goexit_defers(void)
{
    G *g = curg_or_null();
    if (!g)
        return;
    gocc_frame *f;
    while ((f = g->frames) != NULL) {
        gocc_defer_run(&f->defers);
        g->frames = f->up;
    }
}

const char *recover(void)
{
    G *g = curg_or_null();
    struct rt_panic *p = g ? g->panic : NULL;
    if (!p || !p->running || p->recovered)
        return NULL;
    p->recovered = true;
    return p->msg;
}
