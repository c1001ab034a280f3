/*
 * util.c — allocation, strings, interning, growable buffers.
 *
 * The compiler is a short-lived process: memory is never freed, which keeps
 * ownership questions out of every other file (chibicc does the same).
 */
#include "gocc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void *xalloc(size_t n)
{
    void *p = calloc(1, n ? n : 1);
    if (!p)
        fatal("out of memory");
    return p;
}

void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        fatal("out of memory");
    return p;
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xalloc(n + 1);
    memcpy(p, s, n);
    return p;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *fmt(const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    char *s;
    if (vasprintf(&s, f, ap) < 0)
        fatal("out of memory");
    va_end(ap);
    return s;
}

/* A string table: an open-addressing hash set of NUL-terminated copies. */
static struct {
    const char **slot;
    size_t cap, used;
} strtab;

static size_t hash(const char *s, size_t n)
{
    size_t h = 14695981039346656037u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return h;
}

const char *intern(const char *s, size_t n)
{
    if (strtab.used * 2 >= strtab.cap) {
        size_t cap = strtab.cap ? strtab.cap * 2 : 1024;
        const char **slot = xalloc(cap * sizeof *slot);
        for (size_t i = 0; i < strtab.cap; i++) {
            const char *e = strtab.slot[i];
            if (!e)
                continue;
            size_t j = hash(e, strlen(e)) & (cap - 1);
            while (slot[j])
                j = (j + 1) & (cap - 1);
            slot[j] = e;
        }
        free(strtab.slot);
        strtab.slot = slot;
        strtab.cap = cap;
    }
    size_t j = hash(s, n) & (strtab.cap - 1);
    for (; strtab.slot[j]; j = (j + 1) & (strtab.cap - 1)) {
        const char *e = strtab.slot[j];
        if (!strncmp(e, s, n) && e[n] == '\0')
            return e;
    }
    strtab.used++;
    return strtab.slot[j] = xstrndup(s, n);
}

char *read_file(const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f)
        return NULL;
    Buf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_add(&b, chunk, n);
    bool bad = ferror(f);
    if (f != stdin)
        fclose(f);
    if (bad)
        return NULL;
    buf_add(&b, "", 0);
    if (len)
        *len = b.len;
    return b.p;
}

void buf_add(Buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        b->p = xrealloc(b->p, cap);
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

void buf_puts(Buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

void buf_printf(Buf *b, const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    char *s;
    int n = vasprintf(&s, f, ap);
    va_end(ap);
    if (n < 0)
        fatal("out of memory");
    buf_add(b, s, (size_t)n);
    free(s);
}
