/*
 * stack.c — goroutine stacks.
 *
 * Split-stack mode (default): every G owns a small first segment
 * (RT_STACK_SIZE, 2 KiB) carved from an mmap'd slab; libgcc's __morestack
 * grows it with its own segments (>= 16 KiB here).  The G's libgcc context
 * (G.ss) is filled by hand, as if the slab block were a thread's initial
 * stack (runtime-facts Q2):
 *   ss[3] guard = lo + RT_STACK_HEADROOM      (room for __morestack, leaf libc)
 *   ss[4] initial sp = hi
 *   ss[5] initial len = size - headroom + BACKOFF, so that returning from the
 *         first split restores the guard to lo + headroom, not lo + BACKOFF
 *   ss[6] = 1: no sigprocmask in __morestack (all signals run on sigaltstack)
 * A G keeps its block and its libgcc segment list (ss[0]) when it dies and
 * is recycled; a list grown beyond RT_SEGCACHE_MAX is released.
 *
 * Fixed-stack mode (RT_FIXED_STACK, sanitizer builds): each G has an
 * RT_STACK_SIZE mmap'd stack with a PROT_NONE guard page below it; a fault
 * in a guard page is reported as a stack overflow naming the goroutine.
 *
 * Invariants
 *   - Slab blocks are never unmapped (Gs are never freed, as in Go).
 *   - A block's segment list is released only while its G is dead (not on
 *     any M), with ss[1] == NULL, which libgcc guarantees never touches the
 *     block itself.
 * Lock order: slablock is a leaf.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "runtime.h"

#define RT_SLAB_BYTES (1024 * 1024)
#define RT_SEGCACHE_MAX (256 * 1024)

struct slab_req { char *p; size_t n; int populate; };

static void slab_mmap_ss(void *arg)
{
    struct slab_req *r = arg;
    void *p = mmap(NULL, r->n, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | r->populate, -1, 0);
    r->p = p == MAP_FAILED ? NULL : p;
}

#ifndef RT_FIXED_STACK

struct rt_seg {                 /* libgcc 12 struct stack_segment */
    struct rt_seg *prev, *next;
    size_t size;
    void *old_stack;
    void *dynamic_allocation, *free_dynamic_allocation, *extra;
};
extern __thread struct rt_seg *__morestack_current_segment;
extern void __splitstack_releasecontext(void *ctx[10]);

static atomic_int slablock;
static char *slab_next, *slab_end;

void rt_stack_alloc(G *g)
{
    rt_lock(&slablock);
    if (slab_next == NULL || slab_next + RT_STACK_SIZE > slab_end) {
        struct slab_req r = { NULL, RT_SLAB_BYTES, MAP_POPULATE };
        gocc_systemstack(slab_mmap_ss, &r);
        if (!r.p) {
            rt_unlock(&slablock);
            rt_throw("out of memory allocating goroutine stack");
        }
        slab_next = r.p;
        slab_end = r.p + RT_SLAB_BYTES;
    }
    g->stack_lo = slab_next;
    g->stack_hi = slab_next + RT_STACK_SIZE;
    slab_next += RT_STACK_SIZE;
    rt_unlock(&slablock);
    memset(g->ss, 0, sizeof g->ss);
}

static void release_ss(void *arg)
{
    __splitstack_releasecontext(arg);
}

/* Called for a dead G before reuse: drop a big segment cache. */
void rt_stack_recycle(G *g)
{
    size_t total = 0;
    for (struct rt_seg *s = g->ss[0]; s; s = s->next)
        total += s->size;
    if (total > RT_SEGCACHE_MAX) {
        g->ss[1] = NULL;
        gocc_systemstack(release_ss, g->ss);
        memset(g->ss, 0, sizeof g->ss);
    }
}

/* Initial frame as rt_swap expects it (see asm_amd64.S), and a fresh
 * libgcc context over the block. */
void rt_stack_init(G *g, void (*entry)(G *))
{
    void **top = (void **)g->stack_hi;
    void **sp = top - 1;                /* 16-byte aligned + 8: rt_trampoline */
    *sp = (void *)rt_trampoline;
    *--sp = 0;                          /* rbp */
    *--sp = 0;                          /* rbx */
    *--sp = (void *)entry;              /* r12 */
    *--sp = g;                          /* r13 */
    *--sp = 0;                          /* r14 */
    *--sp = 0;                          /* r15 */
    --sp;
    ((uint32_t *)sp)[0] = 0x1f80;       /* MXCSR default */
    ((uint16_t *)sp)[2] = 0x037f;       /* x87 CW default */
    g->sp = sp;

    void *cache = g->ss[0];
    memset(g->ss, 0, sizeof g->ss);
    g->ss[0] = cache;
    g->ss[3] = g->stack_lo + RT_STACK_HEADROOM;
    g->ss[4] = g->stack_hi;
    g->ss[5] = (void *)(uintptr_t)(RT_STACK_SIZE - RT_STACK_HEADROOM + RT_LIBGCC_BACKOFF);
    g->ss[6] = (void *)1;
}

/* Start-up self-check of the libgcc internals this file relies on
 * (segment header layout, BACKOFF, the INITIAL_SP_LEN trick).  Runs on the
 * main goroutine before main: recurse until libgcc gives us a segment,
 * then look at it. */
static RT_NOINLINE int check_rec(int depth, char *lo, char *hi, int *bad)
{
    volatile char pad[512];
    pad[0] = (char)depth;
    struct rt_seg *s = __morestack_current_segment;
    if (s == NULL && depth < 64)
        return check_rec(depth + 1, lo, hi, bad) + pad[0];
    if (s == NULL) {
        *bad = 1;
        return 0;
    }
    char *sp = (char *)pad;
    char *slo = (char *)(s + 1), *shi = slo + s->size;
    char *guard;
    __asm__ volatile("movq %%fs:0x70, %0" : "=r"(guard));
    if (s->prev != NULL || sp < slo || sp >= shi || s->size < 4096 ||
        guard < slo + RT_LIBGCC_BACKOFF - 512 || guard > slo + RT_LIBGCC_BACKOFF + 512 ||
        (char *)s->old_stack < lo || (char *)s->old_stack > hi)
        *bad = 2;
    return pad[0];
}

void rt_stack_check(void)
{
    G *g = getg();
    int bad = 0;
    check_rec(0, g->stack_lo, g->stack_hi, &bad);
    char *guard;
    __asm__ volatile("movq %%fs:0x70, %0" : "=r"(guard));
    /* back on the own block: the guard must be where ss[5] put it */
    if (guard != g->stack_lo + RT_STACK_HEADROOM)
        bad = 3;
    static const char *const why[] = {
        "", "libgcc split-stack: no segment allocated (check 1)",
        "libgcc split-stack: segment layout or BACKOFF differs from libgcc 12 (check 2)",
        "libgcc split-stack: guard not restored on the own segment (check 3)",
    };
    if (bad)
        rt_throw(why[bad]);
}

void rt_stack_init_g0(M *m)
{
    (void)m;
}

#else /* RT_FIXED_STACK */

static size_t pagesz;

void rt_stack_alloc(G *g)
{
    if (!pagesz)
        pagesz = (size_t)sysconf(_SC_PAGESIZE);
    struct slab_req r = { NULL, RT_STACK_SIZE + pagesz, 0 };
    gocc_systemstack(slab_mmap_ss, &r);
    if (!r.p || mprotect(r.p, pagesz, PROT_NONE) != 0)
        rt_throw("out of memory allocating goroutine stack");
    g->stack_lo = r.p + pagesz;
    g->stack_hi = g->stack_lo + RT_STACK_SIZE;
}

void rt_stack_recycle(G *g) { (void)g; }

void rt_stack_init(G *g, void (*entry)(G *))
{
    void **top = (void **)g->stack_hi;
    void **sp = top - 1;
    *sp = (void *)rt_trampoline;
    *--sp = 0;
    *--sp = 0;
    *--sp = (void *)entry;
    *--sp = g;
    *--sp = 0;
    *--sp = 0;
    --sp;
    ((uint32_t *)sp)[0] = 0x1f80;
    ((uint16_t *)sp)[2] = 0x037f;
    g->sp = sp;
}

void rt_stack_check(void) {}
void rt_stack_init_g0(M *m) { (void)m; }

#endif

/* Stack-overflow report for a guard-page fault (fixed mode), and a plain
 * fatal report for other SIGSEGV/SIGBUS.  Runs on the M's sigaltstack. */
static struct sigaction old_segv, old_bus;

static RT_NOSPLIT void segv_handler(int sig, siginfo_t *si, void *uc)
{
    M *m = getm();
    G *g = m ? m->curg : NULL;
    char *addr = si->si_addr;
    if (g && g != &m->g0 && addr < g->stack_lo && addr >= g->stack_lo - 65536) {
        char buf[160];
        int n = snprintf(buf, sizeof buf, "runtime: goroutine stack exceeds "
                         "%ld-byte limit\nfatal error: stack overflow in "
                         "goroutine %ld", (long)(g->stack_hi - g->stack_lo),
                         (long)g->id);
        if (g->file)
            n += snprintf(buf + n, sizeof buf - n, " (created at %s:%d)",
                          g->file, g->line);
        n += snprintf(buf + n, sizeof buf - n, "\n");
        ssize_t w = write(2, buf, (size_t)n);
        (void)w;
        _exit(2);
    }
    struct sigaction *old = sig == SIGSEGV ? &old_segv : &old_bus;
    sigaction(sig, old, NULL);   /* re-fault into the default action */
    (void)uc;
}

void rt_stack_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = segv_handler;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, &old_segv);
    sigaction(SIGBUS, &sa, &old_bus);
}
