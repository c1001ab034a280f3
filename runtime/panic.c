/*
 * panic.c — panics, fatal errors, the SIGQUIT dump and the goroutine report.
 *
 * Output follows Go: "panic: <msg>", "fatal error: <msg>" or "SIGQUIT: quit",
 * a blank line, then one paragraph per goroutine, "goroutine N [state]:"
 * (the wait reason for a blocked one) and where it was created.  Standard
 * I/O is flushed first so nothing printed before is lost; the process exits
 * with status 2.
 *
 * Invariants
 *   - The report is written on the system stack (stdio is not split-stack
 *     code) by exactly one thread: sched.dying is claimed with a CAS; a
 *     second fatal error on another thread waits for the first to exit.
 *   - The report reads G fields racily on purpose: the world is not
 *     stopped, and a best-effort report beats a hang.
 *   - A panic runs the goroutine's deferred calls before it reports
 *     (rt_unwind, defer.c); a recover() there means this file never
 *     reports it.
 * Lock order: takes no runtime lock.
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "runtime.h"

static const char *statename(G *g)
{
    switch (atomic_load(&g->state)) {
    case G_RUNNABLE: return "runnable";
    case G_RUNNING: return "running";
    case G_WAITING: {
        /* The dump may run while g moves on (SIGQUIT): read it once. */
        const char *r = __atomic_load_n(&g->waitreason, __ATOMIC_RELAXED);
        return r ? r : "waiting";
    }
    default: return "dead";
    }
}

/* One goroutine of the report: its id, state and creation site. */
static void print_g(G *g, const char *state)
{
    fprintf(stderr, "goroutine %ld [%s]:\n", (long)g->id, state);
    if (g->ismain)
        fprintf(stderr, "main()\n");
    if (g->pfile)               /* the .gc line of its panic() call */
        fprintf(stderr, "\t%s:%d\n", g->pfile, g->pline);
    if (!g->ismain)
        fprintf(stderr, "created at %s:%d\n", g->file ? g->file : "?", g->line);
    fprintf(stderr, "\n");
}

static void report(G *cur)
{
    /* current goroutine first, as Go does */
    if (cur)
        print_g(cur, cur->ismain ? "running" : statename(cur));
    /* then the others by id */
    int64_t last = 0;
    for (;;) {
        G *best = NULL;
        for (G *g = atomic_load(&rt_allg); g; g = g->allnext) {
            int st = atomic_load(&g->state);
            if (g == cur || st == G_IDLE || st == G_DEAD || g->id <= last)
                continue;
            if (g->ismain && atomic_load(&rt_sched.done))
                continue;
            if (!best || g->id < best->id)
                best = g;
        }
        if (!best)
            break;
        last = best->id;
        print_g(best, statename(best));
    }
}

struct die_req { const char *kind; const char *msg; G *cur; };

static void die_ss(void *arg)
{
    struct die_req *r = arg;
    int z = 0;
    if (!atomic_compare_exchange_strong(&rt_sched.dying, &z, 1))
        for (;;)
            pause();
    fflush(NULL);
    fprintf(stderr, "%s%s\n\n", r->kind, r->msg);
    report(r->cur);
    fflush(NULL);
    _exit(2);
}

static void die(const char *kind, const char *msg) __attribute__((noreturn));
static void die(const char *kind, const char *msg)
{
    M *m = getm();
    G *cur = m && m->curg != &m->g0 ? m->curg : NULL;
    struct die_req r = { kind, msg, cur };
    gocc_systemstack(die_ss, &r);
    for (;;)
        ;
}

void rt_throw(const char *msg) { die("fatal error: ", msg); }
void rt_panic_str(const char *msg)
{
    G *g = getg();
    if (g)
        g->pfile = NULL;        /* a runtime error: no panic() call site */
    rt_unwind(msg);
    die("panic: ", msg);
}
void rt_deadlock(void) { die("fatal error: ", "all goroutines are asleep - deadlock!"); }

/* SIGQUIT that nobody listens for: called by signal.c's relay thread, which
 * is no goroutine, so every goroutine is listed as "another" one. */
void rt_sigquit(void) { die("SIGQUIT: ", "quit"); }

struct fmt_req { char *buf; size_t n; const char *fmt; va_list *ap; };

static void fmt_ss(void *arg)
{
    struct fmt_req *r = arg;
    vsnprintf(r->buf, r->n, r->fmt, *r->ap);
}

/* The goroutine's deferred calls run first and may recover (defer.c); the
 * message then goes to recover(), so it moves to the GC heap. */
static void vpanic(const char *file, int line, const char *fmt, va_list ap)
    __attribute__((noreturn));
static void vpanic(const char *file, int line, const char *fmt, va_list ap)
{
    char buf[1024];
    va_list cp;                 /* a va_list parameter is a pointer: copy */
    va_copy(cp, ap);
    struct fmt_req r = { buf, sizeof buf, fmt, &cp };
    gocc_systemstack(fmt_ss, &r);
    va_end(cp);
    const char *msg = buf;
    G *g = getg();
    if (g) {
        g->pfile = file;
        g->pline = line;
    }
    if (g && g->frames) {
        size_t n = 0;
        while (buf[n])
            n++;
        char *heap = gocc_alloc_atomic(n + 1);
        for (size_t i = 0; i <= n; i++)
            heap[i] = buf[i];
        msg = heap;
        rt_unwind(msg);
    }
    die("panic: ", msg);
}

void panic(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vpanic(NULL, 0, fmt, ap);
}

void gocc_panic_at(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vpanic(file, line, fmt, ap);
}
