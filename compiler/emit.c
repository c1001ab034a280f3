/*
 * emit.c — writes the translated unit.
 *
 * The emitter is token-preserving: it copies the preprocessed text as it is
 * (tokens, spacing, line markers, #pragma lines) and replaces only the token
 * spans that lowering rewrote.  After each replacement it writes a line
 * marker and pads to the column where the original text resumes, so that
 * cc's diagnostics and gdb's line table keep pointing at the .gc source.
 */
#include "gocc.h"

#include <stdlib.h>

void edits_add(Edits *es, int first, int last, char *text)
{
    if (es->n == es->cap) {
        es->cap = es->cap ? es->cap * 2 : 16;
        es->e = xrealloc(es->e, (size_t)es->cap * sizeof(Edit));
    }
    es->e[es->n++] = (Edit){first, last, text};
}

static int by_first(const void *a, const void *b)
{
    const Edit *x = a, *y = b;
    return (x->first > y->first) - (x->first < y->first);
}

/* The text just past the token at index i (grouped tokens included). */
static const char *tok_end(const Unit *u, int i)
{
    const Tok *t = &u->toks[u->toks[i].end];
    return t->text + t->len;
}

static void line_marker(Buf *out, const Tok *t)
{
    buf_printf(out, "\n# %d \"", t->line);
    for (const char *s = t->file; *s; s++) {
        if (*s == '"' || *s == '\\')
            buf_add(out, "\\", 1);
        buf_add(out, s, 1);
    }
    buf_puts(out, t->sys ? "\" 3\n" : "\"\n");
}

void emit_unit(Buf *out, const Unit *u, Edits *es)
{
    if (es && es->n > 1)
        qsort(es->e, (size_t)es->n, sizeof(Edit), by_first);
    const char *pos = u->buf;
    for (int i = 0; es && i < es->n; i++) {
        const Edit *e = &es->e[i];
        const Tok *first = &u->toks[e->first], *last = &u->toks[e->last];
        if (first->text < pos)
            fatal("internal error: overlapping rewrites at %s:%d", first->file, first->line);
        buf_add(out, pos, (size_t)(first->text - pos));
        buf_puts(out, e->text);
        pos = tok_end(u, e->last);
        /* resynchronise: the rest of last's line follows at its column */
        const Tok *end = &u->toks[last->end];
        line_marker(out, end);
        int col = end->col - 1 + end->len;
        for (int c = 0; c < col; c++)
            buf_add(out, " ", 1);
    }
    buf_add(out, pos, (size_t)(u->buf + u->len - pos));
}
