/*
 * lex.c — turns a preprocessed unit into the token array.
 *
 * The re2c scanner (grammar/lexer.re) finds the tokens; this file follows
 * the line markers that the preprocessor writes (`# 12 "file.gc" 1 3`), so
 * every token knows the file and line it came from and whether it came from
 * a system header (flag 3).  Whitespace, comments and directive lines are
 * not tokens: the emitter reprints the text between tokens verbatim.
 */
#include "gocc.h"
#include "c.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    Unit *u;
    Tok *toks;
    int n, cap;
    const char *file;
    int line;
    const char *line_start;
    bool sys;
} Lexer;

static void push(Lexer *L, int kind, const char *text, int len)
{
    if (L->n == L->cap) {
        L->cap = L->cap ? L->cap * 2 : 4096;
        L->toks = xrealloc(L->toks, L->cap * sizeof(Tok));
    }
    Tok *t = &L->toks[L->n];
    memset(t, 0, sizeof *t);
    t->kind = kind;
    t->text = text;
    t->len = len;
    t->file = L->file;
    t->line = L->line;
    t->col = (int)(text - L->line_start) + 1;
    t->sys = L->sys;
    t->idx = t->end = L->n++;
}

/* `# N "file" flags...` or `#line N "file"`: the next line is line N of
 * file.  Anything else (#pragma, #ident) is left for the emitter to copy. */
static void directive(Lexer *L, const char *s, const char *end)
{
    const char *p = s + (*s == '%' ? 2 : 1);
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    if (end - p > 4 && !strncmp(p, "line", 4) && (p[4] == ' ' || p[4] == '\t'))
        for (p += 4; p < end && (*p == ' ' || *p == '\t'); p++)
            ;
    if (p >= end || *p < '0' || *p > '9')
        return;
    long line = strtol(p, (char **)&p, 10);
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    if (p < end && *p == '"') {
        Buf name = {0};
        for (p++; p < end && *p != '"'; p++) {
            if (*p == '\\' && p + 1 < end)
                p++;
            buf_add(&name, p, 1);
        }
        L->file = intern(name.p ? name.p : "", name.len);
        free(name.p);
        if (p < end)
            p++;
        L->sys = false;
        while (p < end) {
            long flag = strtol(p, (char **)&p, 10);
            if (flag == 3)
                L->sys = true;
            if (p < end && *p != ' ' && *p != '\t')
                break;
            while (p < end && (*p == ' ' || *p == '\t'))
                p++;
        }
    }
    L->line = (int)line - 1;    /* the directive's own newline comes next */
}

static bool at_line_start(const Lexer *L, const char *s)
{
    for (const char *p = L->line_start; p < s; p++)
        if (*p != ' ' && *p != '\t')
            return false;
    return true;
}

bool lex_unit(Unit *u)
{
    Lexer L = {.u = u, .file = intern(u->path, strlen(u->path)), .line = 1,
               .line_start = u->buf};
    const char *cur = u->buf, *limit = u->buf + u->len, *start;
    bool ok = true;
    for (;;) {
        int k = lex_scan(&cur, limit, &start);
        if (k == 0)
            break;
        switch (k) {
        case LEX_SPACE:
            /* a comment may span lines */
            for (const char *p = start; p < cur; p++)
                if (*p == '\n') {
                    L.line++;
                    L.line_start = p + 1;
                }
            break;
        case LEX_NEWLINE:
            L.line++;
            L.line_start = cur;
            break;
        case LEX_DIRECTIVE:
            if (!at_line_start(&L, start)) {
                push(&L, TK_BAD, start, 1);
                error_at_tok(&L.toks[L.n - 1], "stray '%c' in program", *start);
                L.n--;
                ok = false;
                cur = start + 1;
                break;
            }
            directive(&L, start, cur);
            break;
        case LEX_BAD:
            push(&L, TK_BAD, start, (int)(cur - start));
            error_at_tok(&L.toks[L.n - 1], "stray '%.*s' in program",
                         (int)(cur - start), start);
            L.n--;
            ok = false;
            break;
        case TK_LARROW:
            /* `<-` is the channel arrow only in dialect source. */
            if (!u->dialect || L.sys) {
                push(&L, TK_LT, start, 1);
                push(&L, TK_MINUS, start + 1, 1);
                break;
            }
            push(&L, k, start, (int)(cur - start));
            break;
        case TK_CHAN:
        case TK_GO:
        case TK_DEFER:
        case TK_SELECT:
            /* the dialect's words are plain identifiers outside dialect source */
            push(&L, u->dialect && !L.sys ? k : TK_IDENT, start, (int)(cur - start));
            break;
        default:
            push(&L, k, start, (int)(cur - start));
        }
    }
    push(&L, 0, limit, 0);      /* end of input */
    L.n--;
    u->toks = L.toks;
    u->ntoks = L.n;
    return ok;
}

const char *tok_str(const Tok *t)
{
    return intern(t->text, (size_t)t->len);
}

bool tok_is(const Tok *t, const char *s)
{
    return (int)strlen(s) == t->len && !memcmp(t->text, s, (size_t)t->len);
}

/* Names of compiler builtins, which compile to instructions rather than
 * calls and have no function type (the <stdatomic.h> operations expand to
 * them). */
bool tok_is_builtin(const Tok *t)
{
    static const char *const prefixes[] = { "__builtin_", "__atomic_", "__sync_", "__c11_atomic_" };
    for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
        size_t n = strlen(prefixes[i]);
        if ((size_t)t->len > n && !memcmp(t->text, prefixes[i], n))
            return true;
    }
    return false;
}
