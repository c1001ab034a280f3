/*
 * panic.c — panics, fatal errors and the goroutine report.
 *
 * Output follows Go: "panic: <msg>" or "fatal error: <msg>", a blank line,
 * then one paragraph per goroutine, "goroutine N [state]:" and where it was
 * created.  Standard I/O is flushed first so nothing printed before is lost;
 * the process exits with status 2.
 *
 * Invariants
 *   - The report is written on the system stack (stdio is not split-stack
 *     code) by exactly one thread: sched.dying is claimed with a CAS; a
 *     second fatal error on another thread waits for the first to exit.
 *   - The report reads G fields racily on purpose: the world is not
 *     stopped, and a best-effort report beats a hang.
 *   - recover() returns NULL: unwinding through deferred calls belongs to
 *     the translator's defer lowering (a later issue), which will hook in
 *     here.
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
    case G_WAITING: return g->waitreason ? g->waitreason : "waiting";
    default: return "dead";
    }
}

/* One goroutine of the report: its id, state and creation site. */
static void print_g(G *g, const char *state)
{
    fprintf(stderr, "goroutine %ld [%s]:\n", (long)g->id, state);
    if (g->ismain)
        fprintf(stderr, "main()\n");
    else
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
void rt_panic_str(const char *msg) { die("panic: ", msg); }
void rt_deadlock(void) { die("fatal error: ", "all goroutines are asleep - deadlock!"); }

struct fmt_req { char *buf; size_t n; const char *fmt; va_list *ap; };

static void fmt_ss(void *arg)
{
    struct fmt_req *r = arg;
    vsnprintf(r->buf, r->n, r->fmt, *r->ap);
}

void panic(const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    struct fmt_req r = { buf, sizeof buf, fmt, &ap };
    gocc_systemstack(fmt_ss, &r);
    va_end(ap);
    die("panic: ", buf);
}

const char *recover(void) { return NULL; }
