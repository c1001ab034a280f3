/*
 * malloc.c — the C allocator of dialect code, on the garbage collector.
 *
 * In dialect translation units gocc maps malloc, calloc, realloc, free and
 * strdup to the gocc_* functions here (see GOCC_DIALECT in gocc.h), so a
 * struct allocated with malloc that holds a channel keeps it alive
 * (../shared/spec/dialect.md §9).  free and realloc still accept memory that
 * a C library allocated with its own malloc (getline, asprintf, ...): such
 * a block is not a GC object, and goes back to libc.
 *
 * Invariants: every libgc and libc call runs on the system stack (this
 * file is compiled with -fsplit-stack in libgocc.a).  No lock of its own.
 */
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <gc/gc.h>
#include "runtime.h"

struct mreq {
    void *p;
    size_t n;
    void *r;
};

static void gc_owned_ss(void *arg)
{
    struct mreq *q = arg;
    q->r = GC_base(q->p);
}

/* Is p the start of a block of the collected heap? */
static bool gc_owned(void *p)
{
    struct mreq q = {p, 0, NULL};
    gocc_systemstack(gc_owned_ss, &q);
    return q.r == p;
}

static void libc_free_ss(void *arg)
{
    free(((struct mreq *)arg)->p);
}

static void libc_size_ss(void *arg)
{
    struct mreq *q = arg;
    q->n = malloc_usable_size(q->p);
}

static void gc_realloc_ss(void *arg)
{
    struct mreq *q = arg;
    q->r = GC_realloc(q->p, q->n);
}

static void gc_free_ss(void *arg)
{
    GC_free(((struct mreq *)arg)->p);
}

void *gocc_malloc(gocc_size_t n)
{
    return gocc_alloc(n);
}

void *gocc_calloc(gocc_size_t n, gocc_size_t size)
{
    if (size && n > (size_t)-1 / size)
        return NULL;            /* as calloc: the product overflows */
    return gocc_alloc(n * size);
}

void *gocc_realloc(void *p, gocc_size_t n)
{
    if (!p)
        return gocc_alloc(n);
    if (gc_owned(p)) {
        struct mreq q = {p, n ? n : 1, NULL};
        gocc_systemstack(gc_realloc_ss, &q);
        if (!q.r)
            rt_throw("out of memory");
        return q.r;
    }
    /* a block from libc's malloc: move it to the collected heap */
    struct mreq q = {p, 0, NULL};
    gocc_systemstack(libc_size_ss, &q);
    void *np = gocc_alloc(n);
    memcpy(np, p, q.n < n ? q.n : n);
    gocc_systemstack(libc_free_ss, &q);
    return np;
}

void gocc_free(void *p)
{
    if (!p)
        return;
    struct mreq q = {p, 0, NULL};
    gocc_systemstack(gc_owned(p) ? gc_free_ss : libc_free_ss, &q);
}

char *gocc_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = gocc_alloc_atomic(n);
    memcpy(d, s, n);
    return d;
}
