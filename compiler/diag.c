/*
 * diag.c — diagnostics in the form `file:line:col: error: message`, followed
 * by the source line and a caret (chibicc's error_tok style).
 *
 * Tokens carry the file and line the preprocessor's line markers gave them,
 * so a message points into the user's .gc file, not at the preprocessed
 * text.  Preprocessing may move a token sideways (macro expansion, spacing),
 * so the column is found again by looking for the token's spelling in the
 * original line, nearest to where the preprocessed text had it.
 */
#include "gocc.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

int diag_errors;

typedef struct SrcFile {
    struct SrcFile *next;
    const char *name;       /* interned */
    char *text;             /* NULL: unreadable */
} SrcFile;

static SrcFile *files;

static const char *source_of(const char *name)
{
    for (SrcFile *f = files; f; f = f->next)
        if (f->name == name)
            return f->text;
    SrcFile *f = xalloc(sizeof *f);
    f->name = name;
    f->text = read_file(name, NULL);
    f->next = files;
    files = f;
    return f->text;
}

/* The text of line `line` (1-based) of s, and its length. */
static const char *nth_line(const char *s, int line, int *len)
{
    for (int i = 1; i < line && s; i++) {
        s = strchr(s, '\n');
        if (s)
            s++;
    }
    if (!s || !*s)
        return NULL;
    const char *e = strchr(s, '\n');
    *len = e ? (int)(e - s) : (int)strlen(s);
    return s;
}

static bool is_word(char c)
{
    return isalnum((unsigned char)c) || c == '_' || c == '$';
}

/* The 0-based column of the token's spelling in the original line. */
static int find_col(const char *line, int len, const Tok *t)
{
    int want = t->col - 1, best = -1;
    if (t->len == 0)
        return want <= len ? want : len;
    for (int i = 0; i + t->len <= len; i++) {
        if (memcmp(line + i, t->text, (size_t)t->len))
            continue;
        if (is_word(t->text[0]) && ((i > 0 && is_word(line[i - 1])) ||
                                    (i + t->len < len && is_word(line[i + t->len]))))
            continue;
        if (best < 0 || abs(i - want) < abs(best - want))
            best = i;
    }
    if (best >= 0)
        return best;
    return want <= len ? want : len;
}

static void report(const Tok *t, bool after, const char *kind, const char *f, va_list ap)
{
    fflush(stdout);
    int len = 0, col = t->col - 1;
    const char *src = source_of(t->file);
    const char *line = src ? nth_line(src, t->line, &len) : NULL;
    if (!line) {            /* fall back to the preprocessed text */
        line = t->text;
        while (line > t->text - col && line[-1] != '\n')
            line--;
        const char *e = strchr(t->text, '\n');
        len = e ? (int)(e - line) : (int)strlen(line);
    } else {
        col = find_col(line, len, t);
    }
    if (after)
        col += t->len;
    int vcol = 0;           /* the caret's column on screen: tabs kept */
    fprintf(stderr, "%s:%d:%d: %s: ", t->file, t->line, col + 1, kind);
    vfprintf(stderr, f, ap);
    fprintf(stderr, "\n%.*s\n", len, line);
    for (; vcol < col && vcol < len; vcol++)
        fputc(line[vcol] == '\t' ? '\t' : ' ', stderr);
    fputs("^\n", stderr);
}

void error_at_tok(const Tok *t, const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    report(t, false, "error", f, ap);
    va_end(ap);
    diag_errors++;
}

/* For a missing token: point just after t, where it should have been. */
void error_after_tok(const Tok *t, const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    report(t, true, "error", f, ap);
    va_end(ap);
    diag_errors++;
}

void warn_at_tok(const Tok *t, const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    report(t, false, "warning", f, ap);
    va_end(ap);
}

void fatal(const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    fflush(stdout);
    fputs("gocc: error: ", stderr);
    vfprintf(stderr, f, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}
