/*
 * gc.c — Boehm GC glue (runtime-facts Q5).
 *
 *   - Every libgc call runs on the system stack (gocc_systemstack): libgc is
 *     not split-stack code, and a collection must start on the pthread
 *     stack so that Boehm's self-scan [sp, stack_end] is valid.
 *   - Every M registers its altstack with GC_register_altstack *before*
 *     sigaltstack (the reverse order let a stop land in between and scan
 *     across the guard page).
 *   - Boehm's suspend handler is re-installed with SA_ONSTACK behind a
 *     no_split_stack wrapper that records the interrupted rsp and libgcc's
 *     segment TLS in the M.  Boehm then scans only the altstack (which holds
 *     the ucontext, i.e. all registers) of a thread stopped there; we scan
 *     the rest in push_gs.
 *   - push_gs (GC_set_push_other_roots) scans, for every live G: exactly
 *     [saved sp, top] of its current segment plus its older segments and its
 *     own block when it is switched out or inside systemstack (sp published
 *     by the asm before insys); all its segments wholesale when it is some
 *     M's curg (running, or in a switch window); and every M's g0 stack from
 *     the interrupted sp (if it was on g0) or from g0's saved sp.
 *   - G structs, timer heaps and similar runtime memory pointing into the GC
 *     heap are GC_malloc_uncollectable; channels and user data are GC_malloc.
 * Lock order: none of ours is taken while the world is stopped.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>
#define GC_THREADS
#include <gc/gc.h>
#include <gc/gc_mark.h>
#include "runtime.h"

#define RT_ALTSTACK (64 * 1024)

struct rt_seg {
    struct rt_seg *prev, *next;
    size_t size;
    void *old_stack;
    void *d1, *d2, *x;
};
#ifndef RT_FIXED_STACK
extern __thread struct rt_seg *__morestack_segments;
extern __thread struct rt_seg *__morestack_current_segment;
#endif

static struct sigaction susp_old;
static void thread_altstack(char **lo_out, char **hi_out, char **alt_out);
static GC_push_other_roots_proc prev_push;

static RT_NOSPLIT void susp_wrapper(int sig, siginfo_t *si, void *ucv)
{
    M *m = getm();
    if (m) {
#ifndef RT_FIXED_STACK
        m->stop_list = __morestack_segments;
        m->stop_cur = __morestack_current_segment;
#endif
        atomic_store(&m->stop_sp,
                     (void *)((ucontext_t *)ucv)->uc_mcontext.gregs[REG_RSP]);
    }
    susp_old.sa_sigaction(sig, si, ucv);
    if (m)
        atomic_store(&m->stop_sp, NULL);
}

static inline void push(void *lo, void *hi)
{
    if ((char *)lo < (char *)hi)
        GC_push_all_eager(lo, hi);
}

static inline bool in(void *p, void *lo, void *hi)
{
    return (char *)p >= (char *)lo && (char *)p < (char *)hi;
}

#ifndef RT_FIXED_STACK
static void push_list_whole(struct rt_seg *s)
{
    for (; s; s = s->next)
        push(s + 1, (char *)(s + 1) + s->size);
}
#endif

/* A G that is not running: exact from its saved sp. */
static void push_suspended(G *g)
{
    char *sp = g->sp;
#ifndef RT_FIXED_STACK
    struct rt_seg *cur = g->ss[1];
    if (cur) {
        for (struct rt_seg *s = cur; s; s = s->prev) {
            char *lo = (char *)(s + 1), *hi = lo + s->size;
            push(s == cur && in(sp, lo, hi) ? sp : lo, hi);
        }
        push(g->stack_lo, g->stack_hi);
        return;
    }
#endif
    push(in(sp, g->stack_lo, g->stack_hi) ? sp : g->stack_lo, g->stack_hi);
}

/* A G that is some M's curg: everything it may be using. */
static void push_running(G *g, M *m, bool self)
{
    void *stop = atomic_load(&m->stop_sp);
#ifndef RT_FIXED_STACK
    push(g->stack_lo, g->stack_hi);
    push_list_whole(g->ss[0]);
    if (!self && stop && !in(stop, m->g0_lo, m->g0_hi) && m->stop_list != g->ss[0])
        push_list_whole(m->stop_list);
    if (self)
        push_list_whole(__morestack_segments != g->ss[0] ? __morestack_segments : NULL);
#else
    if (!self && stop && in(stop, g->stack_lo, g->stack_hi))
        push(stop, g->stack_hi);
    else
        push(g->stack_lo, g->stack_hi);
#endif
}

static void push_gs(void)
{
    if (prev_push)
        prev_push();
    M *self = getm();
    int nm = atomic_load(&rt_sched.mcount);
    for (G *g = atomic_load(&rt_allg); g; g = g->allnext) {
        int st = atomic_load(&g->state);
        if (st == G_IDLE || st == G_DEAD)
            continue;
        M *on = NULL;
        for (int i = 0; i < nm; i++)
            if (rt_allm[i].curg == g) {
                on = &rt_allm[i];
                break;
            }
        if (on && !atomic_load(&g->insys))
            push_running(g, on, on == self);
        else
            push_suspended(g);
    }
    for (int i = 0; i < nm; i++) {
        M *m = &rt_allm[i];
        if (m == self || !m->g0_hi)
            continue;
        void *stop = atomic_load(&m->stop_sp);
        if (stop && in(stop, m->g0_lo, m->g0_hi))
            push(stop, m->g0_hi);
        else if (m->systop && in(m->systop, m->g0_lo, m->g0_hi))
            push(m->systop, m->g0_hi);      /* a callback: C frames below g0.sp */
        else if (m->g0.sp)
            push(in(m->g0.sp, m->g0_lo, m->g0_hi) ? m->g0.sp : m->g0_lo, m->g0_hi);
        /* A thread stopped before it switched to any G (m->g0.sp unset)
         * is on g0 with stop_sp set: handled above. */
    }
}

void rt_gc_init(void)
{
    GC_INIT();
    GC_allow_register_threads();
    prev_push = GC_get_push_other_roots();
    GC_set_push_other_roots(push_gs);
    int sig = GC_get_suspend_signal();
    sigaction(sig, NULL, &susp_old);
    struct sigaction sa = susp_old;
    sa.sa_sigaction = susp_wrapper;
    sa.sa_flags |= SA_SIGINFO | SA_ONSTACK;
    sigaction(sig, &sa, NULL);
    char *lo, *hi, *alt;
    thread_altstack(&lo, &hi, &alt);    /* the initial thread */
}

/* Give the calling thread an altstack that Boehm knows about: registered
 * first, installed second (pitfall 11).  Every thread that may receive the
 * suspend signal needs this, the initial thread included: if it had an
 * altstack Boehm did not know (ASan installs one), Boehm would scan from
 * that altstack up to the normal stack's end. */
static void thread_altstack(char **lo_out, char **hi_out, char **alt_out)
{
    pthread_attr_t attr;
    void *lo;
    size_t size;
    pthread_getattr_np(pthread_self(), &attr);
    pthread_attr_getstack(&attr, &lo, &size);
    pthread_attr_destroy(&attr);
    void *alt = mmap(NULL, RT_ALTSTACK, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (alt == MAP_FAILED) {
        fprintf(stderr, "fatal error: cannot allocate signal stack\n");
        _exit(2);
    }
    GC_register_altstack(lo, size, alt, RT_ALTSTACK);
    stack_t ss = { .ss_sp = alt, .ss_size = RT_ALTSTACK, .ss_flags = 0 };
    sigaltstack(&ss, NULL);
    *lo_out = lo;
    *hi_out = (char *)lo + size;
    *alt_out = alt;
}

/* On the new M's own thread, before it runs any G. */
/* A registered thread that is not an M (signal.c's relay): it receives
 * the collector's suspend signal too, so it needs an altstack Boehm knows. */
void rt_gc_thread_altstack(void)
{
    char *lo, *hi, *alt;
    thread_altstack(&lo, &hi, &alt);
}

void rt_gc_thread_init(M *m)
{
    char *lo, *hi, *alt;
    thread_altstack(&lo, &hi, &alt);
    m->g0.stack_lo = m->g0_lo = lo;
    m->g0.stack_hi = m->g0_hi = hi;
    m->altstack = alt;
}

/* ---- allocation ------------------------------------------------------ */

struct alloc_req { size_t n; void *p; int kind; };

static void alloc_ss(void *arg)
{
    struct alloc_req *r = arg;
    switch (r->kind) {
    case 0: r->p = GC_malloc(r->n); break;
    case 1: r->p = GC_malloc_atomic(r->n); if (r->p) memset(r->p, 0, r->n); break;
    case 2: r->p = GC_malloc_uncollectable(r->n); break;
    case 3: GC_free(r->p); break;
    case 4: GC_gcollect(); break;
    }
}

static void *do_alloc(size_t n, int kind)
{
    struct alloc_req r = { n, NULL, kind };
    gocc_systemstack(alloc_ss, &r);
    if (!r.p && kind <= 2)
        rt_throw("out of memory");
    return r.p;
}

void *gocc_alloc(gocc_size_t size) { return do_alloc(size ? size : 1, 0); }
void *gocc_alloc_atomic(gocc_size_t size) { return do_alloc(size ? size : 1, 1); }
/* gocc_box's slow path: a fresh chunk (an object too big for one gets its
 * own allocation and leaves the chunk as it is). */
#define RT_ARENA_CHUNK 240          /* Boehm adds a byte: 256 would cost 272 */
void *gocc_arena_alloc(gocc_arena *a, gocc_size_t size)
{
    if (size > RT_ARENA_CHUNK / 2)
        return do_alloc(size, 0);
    char *c = do_alloc(RT_ARENA_CHUNK, 0);
    a->next = c + (size ? size : 1);
    a->end = c + RT_ARENA_CHUNK;
    return c;
}

void *rt_alloc(size_t n) { return do_alloc(n ? n : 1, 0); }
void *rt_alloc_uncollectable(size_t n) { return do_alloc(n ? n : 1, 2); }

void rt_free(void *p)
{
    struct alloc_req r = { 0, p, 3 };
    if (p)
        gocc_systemstack(alloc_ss, &r);
}

void gc_collect(void)
{
    struct alloc_req r = { 0, NULL, 4 };
    gocc_systemstack(alloc_ss, &r);
}
