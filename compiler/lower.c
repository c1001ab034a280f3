/*
 * lower.c — lowers the dialect (chan, <-, make, close/len/cap, select, go,
 * for-range) to C that calls the runtime (runtime/gocc.h).
 *
 * A channel value is a runtime handle (gocc_chan *), but its C type must
 * still carry the element type and direction, so that the generated code
 * can declare temporaries of the element type without gocc re-deriving
 * every C type: `chan T` becomes the function-pointer type
 *     __typeof__(__typeof__(T) (*)(struct gocc_chan_both *))
 * (gocc_chan_send / gocc_chan_recv for the directed kinds).  It is the size
 * of a pointer, compares with == and NULL, and `__typeof__(c(0))` is T.
 * Nothing ever calls it.
 *
 * Lowering is a rewrite of token spans.  Each construct to lower is a
 * "region" (its node's first..last tokens); a region's new text is built
 * from the original tokens of its operands (gen_span), lowering the regions
 * nested in them, so `<-<-cc` and `make(chan chan int)` compose.  Every
 * top-level declaration that contains a region becomes one edit for the
 * emitter, prefixed by any file-scope helpers (goroutine thunks) it needs.
 */
#include "gocc.h"
#include "c.h"

#include <stdlib.h>

typedef struct Region {
    struct Region *next;    /* other regions starting at the same token */
    Node *n;
    int last;               /* index of its last token */
} Region;

/* The go block being generated: its captured variables are reached
 * through the environment pointer __gocc_e (fields v0, v1, ...). */
typedef struct Ctx {
    struct Ctx *up;
    Sym **caps;
    int ncaps;
} Ctx;

/* A variadic dialect function: its wrapper's declarator and attributes. */
typedef struct Variadic {
    struct Variadic *next;
    Node *fn;
    char *sig;              /* "int f(const char *fmt, ...)" */
    Buf attrs;              /* format(...) attributes moved to the wrapper */
} Variadic;

typedef struct {
    Unit *u;
    Region **at;            /* per token index */
    Node *skip;             /* the node whose own span is being regenerated */
    Ctx *ctx;
    Node *fn;               /* the function definition being lowered */
    Buf helpers;            /* file-scope code for the current declaration */
    Buf after;              /* file-scope code to follow it (same line) */
    struct Variadic *variadics;     /* variadic definitions split in two */
    int tmp;                /* counter for unique temporaries */
    bool has_main;
    bool direct;            /* inside a type-check copy: calls stay as written */
    Node *main_def;
} Lower;

static void gen_span(Lower *L, Buf *b, int from, int to);
static void gen_node(Lower *L, Buf *b, Node *n);
static void gen_go_block(Lower *L, Buf *b, Node *n);
static void gen_var(Lower *L, Buf *b, Node *n);
static void gen_boxed_declaration(Lower *L, Buf *b, Node *n);
static void gen_boxed_for(Lower *L, Buf *b, Node *n);
static void gen_boxed_continue(Lower *L, Buf *b, Node *n);
static void gen_param_boxes(Lower *L, Buf *b, Node *n);
static void gen_return(Lower *L, Buf *b, Node *n);
static void gen_box(Buf *b, Sym *s);
static bool is_vla_decl(Node *d);
static bool is_alloca_call(Lower *L, Node *n);
static void gen_vla(Lower *L, Buf *b, Node *d);
static void gen_alloca(Lower *L, Buf *b, Node *n);
static bool is_external_call(Node *n);
static bool is_indirect_call(Node *n);
static bool in_runtime_header(const Tok *t);
static void gen_external_call(Lower *L, Buf *b, Node *n);
static bool is_main(Node *d);
static bool has_attribute(const Unit *u, int from, int to, const char *what);
static bool extern_inline(Node *fn);
static void gen_callback_entry(Lower *L, Buf *b, Node *fn);
static Node *body_brace(Lower *L, Node *body);
static void gen_va_start(Lower *L, Buf *b, Node *n);
static bool gen_callback_record(Lower *L, Node *fn, int k, bool variadic);
static bool gen_record_init(Buf *b, Type *ft);

/* ---- types of expressions (what lowering needs to know) ----------------- */

static Type *real(Type *t)
{
    return t && t->origin && t->kind != TY_CHAN ? t->origin : t;
}

static Member *find_member(Type *st, Tok *name)
{
    st = real(st);
    if (!st || (st->kind != TY_STRUCT && st->kind != TY_UNION))
        return NULL;
    for (Member *m = st->members; m; m = m->next) {
        if (m->name && m->name->len == name->len &&
            !memcmp(m->name->text, name->text, (size_t)name->len))
            return m;
        if (!m->name) {             /* anonymous struct/union member */
            Member *in = find_member(m->ty, name);
            if (in)
                return in;
        }
    }
    return NULL;
}

/* The type of a numeric literal, from its spelling (C11 6.4.4.1, 6.4.4.2;
 * an unsuffixed decimal that does not fit int is long). */
static Type *num_type(const Tok *t)
{
    const char *p = t->text, *end = t->text + t->len;
    bool hex = t->len > 1 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X');
    bool is_float = false;
    for (const char *q = p; q < end; q++)
        if (*q == '.' || (!hex && (*q == 'e' || *q == 'E')) || (hex && (*q == 'p' || *q == 'P')))
            is_float = true;
    const char *suf = end;
    while (suf > p && strchr("uUlLfFiIjJ", suf[-1]) && !(hex && strchr("fF", suf[-1]) && !is_float))
        suf--;
    int ls = 0;
    bool u = false, f = false;
    for (const char *q = suf; q < end; q++) {
        ls += *q == 'l' || *q == 'L';
        u |= *q == 'u' || *q == 'U';
        f |= *q == 'f' || *q == 'F';
    }
    if (is_float)
        return ty_basic(f ? TY_FLOAT : ls ? TY_LDOUBLE : TY_DOUBLE);
    if (ls >= 2)
        return ty_basic(u ? TY_ULLONG : TY_LLONG);
    if (ls == 1)
        return ty_basic(u ? TY_ULONG : TY_LONG);
    unsigned long long v = strtoull(p, NULL, 0);
    if (u)
        return ty_basic(v > 0xffffffffull ? TY_ULONG : TY_UINT);
    return ty_basic(v > 0x7fffffffull ? TY_LONG : TY_INT);
}

static int rank(TypeKind k)
{
    switch (k) {
    case TY_LDOUBLE: return 14;
    case TY_DOUBLE: return 13;
    case TY_FLOAT: return 12;
    case TY_UINT128: return 11;
    case TY_INT128: return 10;
    case TY_ULLONG: return 9;
    case TY_LLONG: return 8;
    case TY_ULONG: return 7;
    case TY_LONG: return 6;
    case TY_UINT: return 5;
    default: return 4;     /* int and everything promoted to it */
    }
}

/* The usual arithmetic conversions (C11 6.3.1.8), on this ABI (LP64). */
static Type *arith_result(Type *a, Type *b)
{
    a = real(a);
    b = real(b);
    if (!a || !b || !ty_is_arith(a) || !ty_is_arith(b))
        return NULL;
    Type *w = rank(a->kind) >= rank(b->kind) ? a : b;
    if (rank(w->kind) <= 4)
        return ty_basic(TY_INT);
    if (w->kind == TY_LONG && (a->kind == TY_UINT || b->kind == TY_UINT))
        return ty_basic(TY_LONG);
    return ty_basic(w->kind);
}

static Type *promote(Type *t)
{
    t = real(t);
    return t && ty_is_integer(t) && rank(t->kind) <= 4 ? ty_basic(TY_INT) : t;
}

static Type *expr_type(Node *n);

static Type *binary_type(Node *n)
{
    Type *l = expr_type(n->a), *r = expr_type(n->b);
    Type *rl = real(l), *rr = real(r);
    switch (n->op) {
    case TK_LT: case TK_GT: case TK_LE: case TK_GE: case TK_EQEQ: case TK_NE:
    case TK_ANDAND: case TK_OROR:
        return ty_basic(TY_INT);
    case TK_SHL: case TK_SHR:
        return promote(l);
    case TK_PLUS: case TK_MINUS:
        if (rl && (rl->kind == TY_PTR || rl->kind == TY_ARRAY)) {
            if (n->op == TK_MINUS && rr && (rr->kind == TY_PTR || rr->kind == TY_ARRAY))
                return ty_basic(TY_LONG);           /* ptrdiff_t */
            return rl->kind == TY_ARRAY ? ty_ptr(rl->base) : l;
        }
        if (rr && (rr->kind == TY_PTR || rr->kind == TY_ARRAY))
            return rr->kind == TY_ARRAY ? ty_ptr(rr->base) : r;
        return arith_result(l, r);
    default:
        return arith_result(l, r);
    }
}

static Node *last_stmt(Node *n)
{
    while (n && n->next)
        n = n->next;
    return n;
}

/* The type of an expression, or NULL when gocc cannot tell. */
static Type *expr_type(Node *n)
{
    if (!n)
        return NULL;
    Type *t;
    switch (n->kind) {
    case N_NUM:
        return num_type(n->tok);
    case N_CHAR:
        return ty_basic(TY_INT);
    case N_STR:
        return ty_ptr(ty_basic(TY_CHAR));
    case N_BINARY:
        return binary_type(n);
    case N_UNARY:
        return n->op == TK_NOT ? ty_basic(TY_INT) : promote(expr_type(n->a));
    case N_ADDR:
        t = expr_type(n->a);
        return t ? ty_ptr(t) : NULL;
    case N_PREINC: case N_PREDEC: case N_POSTINC: case N_POSTDEC:
        return expr_type(n->a);
    case N_SIZEOF_EXPR: case N_SIZEOF_TYPE: case N_ALIGNOF_EXPR: case N_ALIGNOF_TYPE:
    case N_OFFSETOF:
        return ty_basic(TY_ULONG);
    case N_STMT_EXPR: {
        Node *last = last_stmt(n->a ? n->a->a : NULL);
        return last && last->kind == N_EXPR_STMT ? expr_type(last->a) : NULL;
    }
    case N_EXTENSION:
        return expr_type(n->a);
    case N_IDENT:
        return n->sym && n->sym->kind != SYM_TYPEDEF ? n->sym->ty : NULL;
    case N_MEMBER:
        t = expr_type(n->a);
        break;
    case N_ARROW:
        t = real(expr_type(n->a));
        t = t && (t->kind == TY_PTR || t->kind == TY_ARRAY) ? t->base : NULL;
        break;
    case N_INDEX:
    case N_DEREF:
        t = real(expr_type(n->a));
        return t && (t->kind == TY_PTR || t->kind == TY_ARRAY) ? t->base : NULL;
    case N_CALL:
        t = real(expr_type(n->a));
        if (t && t->kind == TY_PTR)
            t = real(t->base);
        return t && t->kind == TY_FUNC ? t->base : NULL;
    case N_RECV:
        t = real(expr_type(n->a));
        return t && t->kind == TY_CHAN ? t->base : NULL;
    case N_MAKE:
    case N_CAST:
    case N_COMPOUND_LIT:
        return n->ty;
    case N_ASSIGN:
        return expr_type(n->a);
    case N_COMMA:
        return expr_type(n->b);
    case N_COND:
        return expr_type(n->b ? n->b : n->a);
    default:
        return NULL;
    }
    /* members */
    if (!t)
        return NULL;
    Member *m = find_member(t, n->tok);
    return m ? m->ty : NULL;
}

static Type *chan_type_of(Node *n)
{
    Type *t = real(expr_type(n));
    return t && t->kind == TY_CHAN ? t : NULL;
}

static bool is_known_non_chan(Node *n)
{
    Type *t = real(expr_type(n));
    return t && t->kind != TY_CHAN;
}

/* ---- walking the tree --------------------------------------------------- */

/* Calls visit on every node of the list n and, where it returns true, on
 * their children, in source order. */
static void walk(Node *n, bool (*visit)(Node *, void *), void *arg)
{
    for (; n; n = n->next)
        if (visit(n, arg)) {
            walk(n->a, visit, arg);
            walk(n->b, visit, arg);
            walk(n->c, visit, arg);
            walk(n->d, visit, arg);
        }
}

/* n and what is under it, not its siblings (a top-level declaration) */
static void walk_one(Node *n, bool (*visit)(Node *, void *), void *arg)
{
    if (n && visit(n, arg)) {
        walk(n->a, visit, arg);
        walk(n->b, visit, arg);
        walk(n->c, visit, arg);
        walk(n->d, visit, arg);
    }
}

static bool is_loop(const Node *n)
{
    return n->kind == N_FOR || n->kind == N_WHILE || n->kind == N_DO || n->kind == N_FOR_RANGE;
}

/* go and defer blocks are functions of their own */
static bool is_lifted(const Node *n)
{
    return (n->kind == N_GO || n->kind == N_DEFER) && n->b;
}

/* ---- regions ------------------------------------------------------------ */

static int last_idx(const Unit *u, const Tok *t)
{
    return u->toks[t->idx].end > t->idx && t->len ? u->toks[t->idx].end : t->idx;
}

static void add_region(Lower *L, Node *n)
{
    Region *r = xalloc(sizeof *r);
    r->n = n;
    r->last = last_idx(L->u, n->last);
    int i = n->first->idx;
    /* keep each list longest first */
    Region **pp = &L->at[i];
    while (*pp && (*pp)->last > r->last)
        pp = &(*pp)->next;
    r->next = *pp;
    *pp = r;
}

static bool is_chan_builtin_call(Node *n, const char **which)
{
    if (n->kind != N_CALL || !n->a || n->a->kind != N_IDENT || !n->b || n->b->next)
        return false;
    Tok *f = n->a->tok;
    const char *names[] = {"close", "len", "cap"};
    for (int i = 0; i < 3; i++)
        if (tok_is(f, names[i]) && chan_type_of(n->b)) {
            *which = names[i];
            return true;
        }
    return false;
}

/* `errno` is `(*__errno_location ())` after preprocessing; glibc declares
 * that function const, so compilers reuse its result across a goroutine
 * switch, which may have moved the goroutine to another thread. */
static bool is_errno_location(Node *n)
{
    /* no test of Tok.sys: gcc marks the expansion of errno, a macro from a
     * system header, as system-header text */
    return n->kind == N_CALL && !n->b && n->a->kind == N_IDENT &&
           tok_is(n->a->tok, "__errno_location");
}

/* libc functions that block: in dialect code they become the runtime's
 * goroutine-aware versions (gocc_sys_NAME, runtime/syscall.c), which park
 * the goroutine on the netpoller or hand its P to another thread.  Only
 * the functions a system header declares and this unit does not define. */
static const char *const blocking_calls[] = {
    "read", "write", "pread", "pwrite", "readv", "writev", "recv", "send",
    "recvfrom", "sendto", "recvmsg", "sendmsg", "accept", "accept4",
    "connect", "close", "dup2", "dup3", "fcntl", "poll", "select", "sleep",
    "usleep", "nanosleep", "clock_nanosleep", "fsync", "fdatasync",
    "waitpid", "wait", "system", "getaddrinfo", "fgets", "fread", "fwrite",
    "getline", "fgetc", "getchar", "fflush",
    /* formatted I/O: any argument types, passed on as a va_list */
    "printf", "fprintf", "dprintf", "sprintf", "snprintf", "asprintf",
    "vprintf", "vfprintf", "vdprintf", "vsprintf", "vsnprintf", "vasprintf",
    "scanf", "fscanf", "sscanf", "vfscanf", "vsscanf",
};

static bool in_list(const char *name, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(name, list[i]))
            return true;
    return false;
}

static bool is_blocking_func(Node *n)
{
    Sym *s = n->sym;
    return n->kind == N_IDENT && n->storage != 'B' && s && s->kind == SYM_FUNC &&
           s->depth == 0 && s->sysdecl && !s->defined &&
           in_list(s->name, blocking_calls, sizeof blocking_calls / sizeof *blocking_calls);
}

/* ---- preemption polls --------------------------------------------------- */

/* A loop that calls nothing never enters the runtime, so the scheduler could
 * not take its thread back: the start of its body (reached on every
 * iteration, after a continue too) gets a poll of the flag sysmon sets
 * after a 10 ms slice.  Loops that call anything are left alone: the call
 * is a chance to yield already, and the poll would cost vectorisation. */
#define PREEMPT_POLL "if (__builtin_expect(gocc_preempt_req, 0)) gocc_preempt();"

/* A spin-wait on atomic_load() calls no function: builtins are instructions. */
static bool is_builtin_call(Node *n)
{
    return n->a && n->a->kind == N_IDENT && tok_is_builtin(n->a->tok);
}

static bool visit_calls(Node *n, void *found)
{
    switch (n->kind) {
    case N_CALL:
        if (!is_builtin_call(n))
            *(bool *)found = true;
        break;
    case N_SEND: case N_RECV: case N_SELECT: case N_GO:
    case N_DEFER: case N_FOR_RANGE: case N_MAKE: case N_ASM:
        *(bool *)found = true;
        break;
    default:
        break;
    }
    return !*(bool *)found;
}

static bool calls_nothing(Node *loop)
{
    bool found = false;
    Node *kids[] = { loop->a, loop->b, loop->c, loop->d };
    for (int i = 0; i < 4 && !found; i++)
        walk(kids[i], visit_calls, &found);
    return !found;
}

/* The loop variable of `for (...; i < e; i++)`-shaped loops (any of < <=
 * > >= != and ++ -- += -= by a constant), or NULL. */
static Sym *counted_var(Node *loop)
{
    Node *cond = loop->b, *step = loop->c;
    if (loop->kind != N_FOR || !cond || !step || cond->kind != N_BINARY)
        return NULL;
    Node *v = NULL;
    switch (step->kind) {
    case N_POSTINC: case N_POSTDEC: case N_PREINC: case N_PREDEC:
        v = step->a;
        break;
    case N_ASSIGN:
        if ((step->op == TK_ADD_ASSIGN || step->op == TK_SUB_ASSIGN) && step->b &&
            step->b->kind == N_NUM)
            v = step->a;
        break;
    default:
        break;
    }
    if (!v || v->kind != N_IDENT || !v->sym)
        return NULL;
    if (cond->op != TK_LT && cond->op != TK_LE && cond->op != TK_GT &&
        cond->op != TK_GE && cond->op != TK_NE)
        return NULL;
    bool left = cond->a && cond->a->kind == N_IDENT && cond->a->sym == v->sym;
    bool right = cond->b && cond->b->kind == N_IDENT && cond->b->sym == v->sym;
    return left || right ? v->sym : NULL;
}

static void add_poll(Lower *L, Node *loop)
{
    Node *body = loop->kind == N_FOR ? loop->d : loop->b;
    /* A counted loop ends by itself and is what the compiler vectorises: a
     * poll there would cost the vector code (runtime-facts Q8).  Polls go
     * where a loop can spin: while, do, and for loops that test memory. */
    if (!body || counted_var(loop) || !calls_nothing(loop))
        return;
    Node *e = body->kind == N_BLOCK ? mk(N_EMPTY, body->first, body->first)
                                    : mk(N_EMPTY, body->first, body->last);
    e->op = body->kind == N_BLOCK ? 'L' : 'W';
    add_region(L, e);
}

static void gen_poll(Lower *L, Buf *b, Node *e)
{
    if (e->op == 'L') {
        buf_puts(b, "{ " PREEMPT_POLL);
        return;
    }
    Node *save = L->skip;
    L->skip = e;
    buf_puts(b, "{ " PREEMPT_POLL " ");
    gen_span(L, b, e->first->idx, last_idx(L->u, e->last));
    buf_puts(b, " }");
    L->skip = save;
}

/* panic(...) of gocc.h: the report names the .gc line of the call. */
static bool is_panic_call(Node *n)
{
    Sym *s = n->a && n->a->kind == N_IDENT ? n->a->sym : NULL;
    return s && s->kind == SYM_FUNC && s->depth == 0 && !s->defined &&
           !strcmp(s->name, "panic") && in_runtime_header(s->tok);
}

static void add_panic_site(Lower *L, Node *call)
{
    Tok *lp = &L->u->toks[call->a->tok->idx + 1];
    if (lp->kind != TK_LPAREN)
        return;
    Node *e = mk(N_EMPTY, call->a->tok, lp);
    e->op = 'K';
    add_region(L, e);
}

static bool is_two_value_recv(Node *stmt)
{
    Node *e = stmt->a;
    return stmt->kind == N_EXPR_STMT && e && e->kind == N_COMMA && e->b &&
           e->b->kind == N_ASSIGN && e->b->op == TK_ASSIGN && e->b->b &&
           e->b->b->kind == N_RECV;
}

static void collect(Lower *L, Node *n);

static void collect_list(Lower *L, Node *n)
{
    for (; n; n = n->next)
        collect(L, n);
}

static void collect(Lower *L, Node *n)
{
    if (!n)
        return;
    const char *which;
    switch (n->kind) {
    case N_DECL:
        if (is_vla_decl(n)) {
            n->sym->vla = true;
            add_region(L, n);
        }
        break;
    case N_CHAN_TYPE:
    case N_RECV:
    case N_SEND:
    case N_MAKE:
    case N_SELECT:
    case N_FOR_RANGE:
    case N_GO:
    case N_DEFER:
        add_region(L, n);
        break;
    case N_EXPR_STMT:
        if (is_two_value_recv(n))
            add_region(L, n);
        else if (n->a && (n->a->kind == N_RECV || n->a->kind == N_CALL))
            n->a->storage = 'D';    /* value discarded */
        break;
    case N_COMMA:
        if (n->a && n->a->kind == N_CALL)
            n->a->storage = 'D';
        break;
    case N_CALL:
        if (is_chan_builtin_call(n, &which)) {
            add_region(L, n);
            n->a->storage = 'B';    /* close(ch) is not close(2) */
        } else if (is_errno_location(n)) {
            add_region(L, n);
        } else if (is_panic_call(n)) {
            add_panic_site(L, n);
        } else if (is_alloca_call(L, n)) {
            add_region(L, n);
        } else if (is_external_call(n) || is_indirect_call(n)) {
            add_region(L, n);
        }
        break;
    case N_IDENT:
        if (is_blocking_func(n) || (n->sym && n->sym->vla))
            add_region(L, n);
        break;
    case N_FOR:
        if (n->c && n->c->kind == N_CALL)
            n->c->storage = 'D';
        if (n->a && n->a->kind == N_CALL)
            n->a->storage = 'D';
        add_poll(L, n);
        break;
    case N_WHILE:
    case N_DO:
        add_poll(L, n);
        break;
    default:
        break;
    }
    collect_list(L, n->a);
    collect_list(L, n->b);
    collect_list(L, n->c);
    collect_list(L, n->d);
}

/* Channel types also appear inside declaration specifiers, parameter lists
 * and casts, which the AST keeps only as types: the parser records every
 * channel-type node in Unit.chan_types instead (p_chan_type). */

/* ---- text generation ---------------------------------------------------- */

static const char *tok_text_end(const Unit *u, int i)
{
    const Tok *t = &u->toks[u->toks[i].end];
    return t->text + t->len;
}

static int count_newlines(const char *p, const char *end)
{
    int n = 0;
    for (; p < end; p++)
        n += *p == '\n';
    return n;
}

/* A line marker placing what follows at token t (its end, with after), so
 * that cc's messages and gdb's line table stay on the .gc source. */
static void gen_line(Buf *b, const Tok *t, bool after)
{
    buf_printf(b, "\n# %d \"%s\"%s\n%*s", t->line, t->file, t->sys ? " 3" : "",
               t->col - 1 + (after ? t->len : 0), "");
}

/* The original text of tokens from..to, lowering the regions inside. */
static void gen_span(Lower *L, Buf *b, int from, int to)
{
    if (from > to)
        return;
    Unit *u = L->u;
    const char *pos = u->toks[from].text;
    for (int i = from; i <= to; i = u->toks[i].end + 1) {
        Region *r = L->at[i];
        while (r && (r->last > to || r->n == L->skip))
            r = r->next;
        if (!r)
            continue;
        buf_add(b, pos, (size_t)(u->toks[i].text - pos));
        size_t mark = b->len;
        gen_node(L, b, r->n);
        pos = tok_text_end(u, r->last);
        /* the lowered text may span fewer lines than the original */
        if (count_newlines(b->p + mark, b->p + b->len) !=
            count_newlines(u->toks[i].text, pos))
            gen_line(b, &u->toks[u->toks[r->last].end], true);
        i = r->last;
        i = u->toks[i].end;
        if (i >= to)
            return;
    }
    buf_add(b, pos, (size_t)(tok_text_end(u, to) - pos));
}

static void gen_expr(Lower *L, Buf *b, Node *n)
{
    gen_span(L, b, n->first->idx, last_idx(L->u, n->last));
}

static char *expr_text(Lower *L, Node *n)
{
    Buf b = {0};
    gen_expr(L, &b, n);
    return b.p ? b.p : xstrdup("");
}

/* n as the user wrote it, for diagnostics (expr_text is the lowered C). */
static char *src_text(Lower *L, Node *n)
{
    const char *from = n->first->text;
    const char *to = tok_text_end(L->u, last_idx(L->u, n->last));
    return xstrndup(from, (size_t)(to - from));
}

/* One C type for every direction: directions are gocc's to check, and C
 * then accepts the implicit chan T → chan<- T conversion as Go does. */
static const char *dir_tag(int dir)
{
    (void)dir;
    return "gocc_chan_t";
}

static void gen_chan_type(Lower *L, Buf *b, Node *n)
{
    Node *elem = n->a;
    Type *et = real(elem->ty);
    if (et && et->kind == TY_ARRAY) {
        error_at_tok(elem->first, "the element type of a channel cannot be an array "
                     "(wrap it in a struct)");
        return;
    }
    int from = elem->first->idx, to = last_idx(L->u, elem->last);
    if (elem->op == 1) {            /* chan (type) */
        from++;
        to--;
    }
    buf_puts(b, "__typeof__(__typeof__(");
    gen_span(L, b, from, to);
    buf_printf(b, ") (*)(struct %s *))", dir_tag(n->ty->dir));
}

/* The value of an integer constant expression built from literals, or
 * false when n is not one (or divides by zero). */
static bool const_value(Node *n, long long *v)
{
    long long a, b;
    switch (n->kind) {
    case N_NUM:
        if (real(num_type(n->tok))->kind > TY_ULLONG)
            return false;           /* floating */
        *v = (long long)strtoull(n->tok->text, NULL, 0);
        return true;
    case N_CHAR:
        return false;
    case N_UNARY:
        if (!const_value(n->a, &a))
            return false;
        *v = n->op == TK_MINUS ? -a : n->op == TK_PLUS ? a : n->op == TK_TILDE ? ~a : !a;
        return true;
    case N_CAST:
        return ty_is_integer(real(n->ty)) && const_value(n->b, v);
    case N_BINARY:
        if (!const_value(n->a, &a) || !const_value(n->b, &b))
            return false;
        switch (n->op) {
        case TK_PLUS: *v = a + b; return true;
        case TK_MINUS: *v = a - b; return true;
        case TK_STAR: *v = a * b; return true;
        case TK_SLASH: if (!b) return false; *v = a / b; return true;
        case TK_PERCENT: if (!b) return false; *v = a % b; return true;
        case TK_SHL: *v = a << b; return true;
        case TK_SHR: *v = a >> b; return true;
        default: return false;
        }
    default:
        return false;
    }
}

static bool const_negative(Node *n)
{
    long long v;
    return const_value(n, &v) && v < 0;
}

static void gen_make(Lower *L, Buf *b, Node *n)
{
    if (!L->fn) {
        error_at_tok(n->first, "make(chan) outside a function: C needs constant "
                     "initializers here; make the channel in a function");
        return;
    }
    Type *t = real(n->ty);
    if (t && t->kind == TY_PTR && real(t->base) && real(t->base)->kind == TY_CHAN) {
        error_at_tok(n->a->first, "make of '%s', a pointer to a channel; for a channel "
                     "of pointers write the element type in parentheses, as in "
                     "'chan (char *)'", src_text(L, n->a));
        return;
    }
    if (!t || t->kind != TY_CHAN) {
        error_at_tok(n->a->first, "make of a type that is not a channel type");
        return;
    }
    if (n->b && const_negative(n->b)) {
        error_at_tok(n->b->first, "negative buffer size in make(chan)");
        return;
    }
    char *ct = expr_text(L, n->a);
    buf_printf(b, "((%s)gocc_makechan(sizeof(__typeof__(((%s)0)(0))), "
               "_Alignof(__typeof__(((%s)0)(0))), (long)(", ct, ct, ct);
    if (n->b)
        gen_expr(L, b, n->b);
    else
        buf_puts(b, "0");
    buf_puts(b, ")))");
}

/* Declares __gocc_cN = (ch) and returns N. */
static int bind_chan(Lower *L, Buf *b, Node *ch)
{
    int k = L->tmp++;
    buf_printf(b, "__typeof__(");
    gen_expr(L, b, ch);
    buf_printf(b, ") __gocc_c%d = (", k);
    gen_expr(L, b, ch);
    buf_printf(b, ")");
    return k;
}

static void check_chan(Node *ch, Tok *at, int forbidden, const char *what)
{
    Type *t = chan_type_of(ch);
    if (t && t->dir == forbidden)
        error_at_tok(at, "invalid operation: %s", what);
}

static void gen_recv(Lower *L, Buf *b, Node *n)
{
    if (is_known_non_chan(n->a)) {
        error_at_tok(n->tok, "invalid operation: receive from non-channel '%s'", src_text(L, n->a));
        return;
    }
    check_chan(n->a, n->tok, CH_SEND, "receive from send-only channel");
    buf_puts(b, "({ ");
    int k = bind_chan(L, b, n->a);
    /* a receive whose value is discarded (`<-done;`) has type void */
    buf_printf(b, "; __typeof__(__gocc_c%d(0)) __gocc_v%d; "
               "gocc_chanrecv((gocc_chan *)__gocc_c%d, &__gocc_v%d); %s__gocc_v%d; })",
               k, k, k, k, n->storage == 'D' ? "(void)" : "", k);
}

static void gen_send(Lower *L, Buf *b, Node *n, bool stmt)
{
    if (is_known_non_chan(n->a)) {
        error_at_tok(n->tok, "'%s' is not a channel; for a comparison with a negative "
                     "value write '%s < -%s'", src_text(L, n->a), src_text(L, n->a),
                     src_text(L, n->b));
        return;
    }
    check_chan(n->a, n->tok, CH_RECV, "send to receive-only channel");
    if (stmt)
        buf_puts(b, "{ ");
    int k = bind_chan(L, b, n->a);
    buf_printf(b, "; __typeof__(__gocc_c%d(0)) __gocc_v%d = (", k, k);
    gen_expr(L, b, n->b);
    buf_printf(b, "); gocc_chansend((gocc_chan *)__gocc_c%d, &__gocc_v%d);", k, k);
    if (stmt)
        buf_puts(b, " }");
}

static void gen_two_value(Lower *L, Buf *b, Node *stmt)
{
    Node *v = stmt->a->a, *ok = stmt->a->b->a, *recv = stmt->a->b->b;
    if (is_known_non_chan(recv->a)) {
        error_at_tok(recv->tok, "invalid operation: receive from non-channel");
        return;
    }
    check_chan(recv->a, recv->tok, CH_SEND, "receive from send-only channel");
    buf_puts(b, "{ ");
    int k = bind_chan(L, b, recv->a);
    buf_printf(b, "; __typeof__(__gocc_c%d(0)) __gocc_v%d; _Bool __gocc_ok%d = "
               "gocc_chanrecv2((gocc_chan *)__gocc_c%d, &__gocc_v%d); ", k, k, k, k, k);
    gen_expr(L, b, v);
    buf_printf(b, " = __gocc_v%d; ", k);
    gen_expr(L, b, ok);
    buf_printf(b, " = __gocc_ok%d; }", k);
}

static void gen_builtin_call(Lower *L, Buf *b, Node *n)
{
    const char *which = "";
    is_chan_builtin_call(n, &which);
    if (!strcmp(which, "close"))
        check_chan(n->b, n->a->tok, CH_RECV, "close of receive-only channel");
    buf_printf(b, "gocc_chan%s((gocc_chan *)(", which);
    gen_expr(L, b, n->b);
    buf_puts(b, "))");
}

static void gen_for_range(Lower *L, Buf *b, Node *n)
{
    Node *decl = n->a, *ch = n->b;
    if (is_known_non_chan(ch)) {
        error_at_tok(ch->first, "cannot range over '%s' (not a channel)", src_text(L, ch));
        return;
    }
    check_chan(ch, ch->first, CH_SEND, "range over send-only channel");
    int colon = n->a->last->idx;
    buf_puts(b, "for (");
    int k = bind_chan(L, b, ch);
    buf_printf(b, ";;) { __typeof__(__gocc_c%d(0)) __gocc_v%d; "
               "if (!gocc_chanrecv2((gocc_chan *)__gocc_c%d, &__gocc_v%d)) break; ",
               k, k, k, k);
    gen_span(L, b, decl->spec->first->idx, colon - 1);
    buf_printf(b, " = __gocc_v%d;", k);
    if (decl->sym && decl->sym->captured)
        gen_box(b, decl->sym);      /* a fresh box per iteration */
    gen_line(b, n->d->first, false);
    gen_expr(L, b, n->d);
    buf_puts(b, " }");
    if (decl->sym)
        decl->sym->box_live = false;
}

/* ---- select ------------------------------------------------------------- */

static Node *case_recv(Node *comm, Node **lhs, Node **ok)
{
    *lhs = *ok = NULL;
    if (comm->kind == N_RECV)
        return comm;
    if (comm->kind == N_ASSIGN && comm->op == TK_ASSIGN && comm->b->kind == N_RECV) {
        *lhs = comm->a;
        return comm->b;
    }
    if (comm->kind == N_COMMA && comm->b && comm->b->kind == N_ASSIGN &&
        comm->b->op == TK_ASSIGN && comm->b->b->kind == N_RECV) {
        *lhs = comm->a;
        *ok = comm->b->a;
        return comm->b->b;
    }
    if (comm->kind == N_DECL && comm->a && comm->a->kind == N_RECV)
        return comm->a;
    return NULL;
}

static void gen_select(Lower *L, Buf *b, Node *n)
{
    int ncases = 0;
    bool has_default = false;
    for (Node *c = n->a; c; c = c->next) {
        if (c->a)
            ncases++;
        else if (has_default) {
            error_at_tok(c->first, "multiple defaults in select");
            return;
        } else
            has_default = true;
    }
    int s = L->tmp++;
    buf_puts(b, "{ ");
    if (ncases)
        buf_printf(b, "gocc_selcase __gocc_s%d[%d]; ", s, ncases);
    /* operands are evaluated once, in source order */
    int i = 0;
    int *ks = xalloc(sizeof(int) * (size_t)(ncases + 1));
    for (Node *c = n->a; c; c = c->next) {
        if (!c->a)
            continue;
        Node *lhs, *ok, *recv = c->a->kind == N_SEND ? NULL : case_recv(c->a, &lhs, &ok);
        Node *ch = c->a->kind == N_SEND ? c->a->a : recv ? recv->a : NULL;
        if (!ch) {
            error_at_tok(c->a->first, "select case must be a receive, a send or an assignment from a receive");
            return;
        }
        if (is_known_non_chan(ch)) {
            error_at_tok(ch->first, "select case on '%s', which is not a channel", src_text(L, ch));
            return;
        }
        int k = ks[i] = bind_chan(L, b, ch);
        buf_puts(b, "; ");
        if (c->a->kind == N_SEND) {
            check_chan(ch, c->a->tok, CH_RECV, "send to receive-only channel");
            buf_printf(b, "__typeof__(__gocc_c%d(0)) __gocc_v%d = (", k, k);
            gen_expr(L, b, c->a->b);
            buf_printf(b, "); __gocc_s%d[%d] = (gocc_selcase){(gocc_chan *)__gocc_c%d, "
                       "&__gocc_v%d, GOCC_SELECT_SEND, 0}; ", s, i, k, k);
        } else {
            check_chan(ch, recv->tok, CH_SEND, "receive from send-only channel");
            buf_printf(b, "__typeof__(__gocc_c%d(0)) __gocc_v%d; __gocc_s%d[%d] = "
                       "(gocc_selcase){(gocc_chan *)__gocc_c%d, &__gocc_v%d, "
                       "GOCC_SELECT_RECV, 0}; ", k, k, s, i, k, k);
        }
        i++;
    }
    if (ncases)
        buf_printf(b, "switch (gocc_select(__gocc_s%d, %d, %d)) { ", s, ncases, has_default);
    else
        buf_printf(b, "switch (gocc_select((gocc_selcase *)0, 0, %d)) { ", has_default);
    i = 0;
    for (Node *c = n->a; c; c = c->next) {
        if (c->a)
            buf_printf(b, "case %d: { ", i);
        else
            buf_puts(b, "default: { ");
        if (c->a && c->a->kind != N_SEND) {
            Node *lhs, *ok, *recv = case_recv(c->a, &lhs, &ok);
            int k = ks[i];
            if (c->a->kind == N_DECL) {
                int end = c->a->c ? c->a->c->first->idx - 2 : recv->first->idx - 2;
                gen_span(L, b, c->a->spec->first->idx, end);
                buf_printf(b, " = __gocc_v%d; ", k);
                if (c->a->c)
                    buf_printf(b, "_Bool %.*s = __gocc_s%d[%d].recv_ok; ",
                               c->a->c->tok->len, c->a->c->tok->text, s, i);
            } else if (lhs) {
                gen_expr(L, b, lhs);
                buf_printf(b, " = __gocc_v%d; ", k);
                if (ok) {
                    gen_expr(L, b, ok);
                    buf_printf(b, " = __gocc_s%d[%d].recv_ok; ", s, i);
                }
            } else {
                buf_printf(b, "(void)__gocc_v%d; ", k);
            }
        }
        if (c->b) {
            Node *last = c->b;
            while (last->next)
                last = last->next;
            gen_line(b, c->b->first, false);
            gen_span(L, b, c->b->first->idx, last_idx(L->u, last->last));
        }
        buf_puts(b, " } break; ");
        if (c->a)
            i++;
    }
    /* without a default, gocc_select returns one of the cases */
    if (!has_default)
        buf_puts(b, "default: __builtin_unreachable(); ");
    buf_puts(b, "} }");
    free(ks);
}

/* ---- go ----------------------------------------------------------------- */

/* C text declaring `name` with type t, or false when t cannot be written
 * at file scope (anonymous struct, typeof). */
static bool render_decl(Buf *b, Type *t, const char *name);

static bool visit_constant(Node *n, void *ok)
{
    if (n->kind == N_IDENT && (!n->sym || n->sym->kind != SYM_ENUMCONST || n->sym->depth))
        *(bool *)ok = false;
    if (n->kind == N_CALL || n->kind == N_ASSIGN || n->kind == N_STMT_EXPR)
        *(bool *)ok = false;
    return *(bool *)ok;
}

/* An array length that means the same at file scope: literals, file-scope
 * enumerators, sizeof and operators, spelled on one line. */
static bool is_file_scope_constant(Node *len)
{
    bool ok = len->first->line == len->last->line && len->first->file == len->last->file &&
              len->first->text <= len->last->text;
    if (ok)
        walk(len, visit_constant, &ok);
    return ok;
}

static bool render_base(Buf *b, Type *t)
{
    if (t->local)
        return false;           /* a tag or typedef declared in a function */
    if (t->quals & Q_CONST)
        buf_puts(b, "const ");
    if (t->quals & Q_VOLATILE)
        buf_puts(b, "volatile ");
    if (t->quals & Q_ATOMIC)
        buf_puts(b, "_Atomic ");
    if (t->name && t->kind != TY_TYPEOF) {
        buf_puts(b, t->name);
        return true;
    }
    switch (t->kind) {
    case TY_STRUCT: case TY_UNION: case TY_ENUM:
        if (!t->tag)
            return false;
        buf_printf(b, "%s %.*s", t->kind == TY_STRUCT ? "struct" : t->kind == TY_UNION ? "union" : "enum",
                   t->tag->len, t->tag->text);
        return true;
    case TY_CHAN: {
        Buf e = {0};
        if (!render_decl(&e, t->base, ""))
            return false;
        buf_printf(b, "__typeof__(__typeof__(%s) (*)(struct %s *))", e.p, dir_tag(t->dir));
        free(e.p);
        return true;
    }
    case TY_TYPEOF: case TY_AUTO: case TY_PTR: case TY_ARRAY: case TY_FUNC:
        return false;
    default: {
        Buf tmp = {0};
        Type u = *t;
        u.quals = 0;
        u.name = NULL;
        ty_print(&tmp, &u);
        buf_puts(b, tmp.p);
        free(tmp.p);
        return true;
    }
    }
}

static bool render_decl(Buf *b, Type *t, const char *name)
{
    switch (t->name ? TY_INT : t->kind) {
    case TY_PTR: {
        bool paren = !t->base->name && (t->base->kind == TY_ARRAY || t->base->kind == TY_FUNC);
        char *inner = fmt(paren ? "(*%s%s)" : "*%s%s", t->quals & Q_CONST ? "const " : "", name);
        bool ok = render_decl(b, t->base, inner);
        free(inner);
        return ok;
    }
    case TY_ARRAY:
        /* a constant length is kept (sizeof works); others are left open */
        if (t->len && is_file_scope_constant(t->len))
            return render_decl(b, t->base, fmt("%s[%.*s]", name,
                                               (int)(t->len->last->text + t->len->last->len -
                                                     t->len->first->text),
                                               t->len->first->text));
        return render_decl(b, t->base, fmt("%s[]", name));
    case TY_FUNC: {
        Buf ps = {0};
        buf_printf(&ps, "%s(", name);
        if (!t->params)
            buf_puts(&ps, t->prototyped ? "void" : "");
        for (Param *p = t->params; p; p = p->next) {
            if (!render_decl(&ps, p->ty, ""))
                return false;
            if (p->next)
                buf_puts(&ps, ", ");
        }
        if (t->variadic)
            buf_puts(&ps, ", ...");
        buf_puts(&ps, ")");
        return render_decl(b, t->base, ps.p);
    }
    default:
        if (!render_base(b, t))
            return false;
        if (*name)
            buf_printf(b, " %s", name);
        return true;
    }
}

/* An array or function type as the pointer it converts to (C11 6.3.2.1). */
static Type *decay(Type *t)
{
    Type *r = t ? real(t) : NULL;
    if (r && r->kind == TY_ARRAY)
        return ty_ptr(r->base);
    if (r && r->kind == TY_FUNC)
        return ty_ptr(t);
    return t;
}

/* The type an argument has after the call's conversions: the parameter's
 * for prototyped parameters, the promoted argument's otherwise. */
static Type *arg_type(Param *p, Node *arg)
{
    if (p)
        return p->ty;
    Type *t = decay(expr_type(arg));
    if (!t)
        return NULL;
    Type *r = real(t);
    if (r->kind == TY_FLOAT)
        return ty_basic(TY_DOUBLE);
    if (ty_is_integer(r) && r->kind < TY_INT)
        return ty_basic(TY_INT);
    return t;
}

/* How a go or defer statement hands over its thunk. */
static void gen_handoff(Buf *b, Node *n, const char *run, const char *arg)
{
    if (n->kind == N_DEFER)
        buf_printf(b, "gocc_defer_push(&__gocc_fr.defers, %s, %s); }", run, arg);
    else
        buf_printf(b, "gocc_go(%s, %s, \"%s\", %d); }", run, arg, n->first->file,
                   n->first->line);
}

/* go close(ch); defer close(ch): the channel is evaluated now. */
static void gen_go_builtin(Lower *L, Buf *b, Node *n, const char *which)
{
    Node *call = n->a;
    if (!strcmp(which, "close"))
        check_chan(call->b, call->a->tok, CH_RECV, "close of receive-only channel");
    int k = L->tmp++;
    buf_printf(&L->helpers, "static void __gocc_go%d_run(void *p) { gocc_chan%s((gocc_chan *)p); }\n",
               k, which);
    buf_printf(b, "{ void *__gocc_g%d = (void *)(", k);
    gen_expr(L, b, call->b);
    buf_puts(b, "); ");
    gen_handoff(b, n, fmt("__gocc_go%d_run", k), fmt("__gocc_g%d", k));
}

/* ---- calls into code that is not dialect code ------------------------- */

/* Goroutines run on small split-stack segments; C libraries are not
 * compiled with -fsplit-stack and would run off the segment's end
 * (runtime-facts Q3).  A call of a function that a system header declares
 * and this unit does not define therefore runs on the thread's system
 * stack: the arguments are evaluated here, into a record, and a thunk at
 * file scope makes the call under gocc_systemstack.  A copy of the call in
 * sizeof keeps cc's checks of it (printf formats, argument types). */
static const char *const returns_twice[] = {
    "setjmp", "_setjmp", "sigsetjmp", "__sigsetjmp", "savectx", "vfork", "getcontext",
};

/* Leaf functions of the C library that need almost no stack (a few words,
 * well inside a segment's headroom) and that the C compiler often expands
 * inline: called directly, a memcpy of a constant size stays one move. */
static const char *const small_leaves[] = {
    "memcpy", "memmove", "memset", "memcmp", "memchr", "strlen", "strnlen",
    "strcmp", "strncmp", "strcpy", "strncpy", "strcat", "strncat", "strchr",
    "strrchr", "strstr", "strspn", "strcspn", "strpbrk", "abs", "labs", "llabs",
    "sqrt", "sqrtf", "fabs", "fabsf", "floor", "ceil", "round", "trunc",
    "fmin", "fmax",
};

static bool is_external_call(Node *n)
{
    if (n->kind != N_CALL || !n->a || n->a->kind != N_IDENT)
        return false;
    Sym *s = n->a->sym;
    if (!s || s->kind != SYM_FUNC || s->depth != 0 || !s->sysdecl || s->defined ||
        n->a->storage == 'B' || tok_is_builtin(n->a->tok) || is_blocking_func(n->a) ||
        is_errno_location(n))
        return false;
    return !in_list(s->name, returns_twice, sizeof returns_twice / sizeof *returns_twice) &&
           !in_list(s->name, small_leaves, sizeof small_leaves / sizeof *small_leaves);
}

/* Is t in the runtime's header (gocc.h: split-stack code, not C's)? */
static bool in_runtime_header(const Tok *t)
{
    return t && t->file && strstr(t->file, "gocc/gocc.h");
}

/* A call whose target may be dialect code or C, known only at run time:
 * through a function pointer, or of a function declared outside system
 * headers and defined nowhere in this unit (another .gc file, or C). */
static bool is_indirect_call(Node *n)
{
    if (n->kind != N_CALL || !n->a)
        return false;
    if (n->a->kind == N_IDENT && n->a->sym && n->a->sym->kind == SYM_FUNC) {
        Sym *s = n->a->sym;
        /* gocc_*: the runtime's (malloc is gocc_malloc, and a system
         * header's redeclaration of it hides gocc.h's) */
        return s->depth == 0 && !s->sysdecl && !s->defined && n->a->storage != 'B' &&
               !tok_is_builtin(n->a->tok) && !in_runtime_header(s->tok) &&
               strncmp(s->name, "gocc_", 5) != 0 && !is_errno_location(n);
    }
    Type *t = real(expr_type(n->a));
    if (t && t->kind == TY_PTR)
        t = real(t->base);
    return t && t->kind == TY_FUNC;         /* (*fp)(...) too */
}

/* Is s declared noreturn?  (The attribute sits in its declaration's tokens;
 * gcc's own knowledge of exit and abort does not reach the thunk.) */
static bool is_noreturn(const Unit *u, const Sym *s)
{
    if (!s->tok)
        return false;
    int i = s->tok->idx;
    for (int j = i; j > 0 && i - j < 64; j--) {
        const Tok *t = &u->toks[j];
        if (t->kind == TK_SEMI || t->kind == TK_RBRACE)
            break;
        if (t->len == 9 && !memcmp(t->text, "_Noreturn", 9))
            return true;
    }
    for (int j = i; j < u->ntoks && j - i < 256; j = u->toks[j].end + 1) {
        const Tok *t = &u->toks[j];
        if (t->kind == TK_SEMI || t->kind == TK_LBRACE)
            break;
        const char *end = u->toks[t->end].text + u->toks[t->end].len;
        for (const char *p = t->text; p + 8 <= end; p++)
            if (!memcmp(p, "noreturn", 8))
                return true;
    }
    return false;
}

/* The type a record field holding this argument needs: unqualified, and an
 * array or function parameter (va_list is an array) as its pointer. */
static Type *field_type(Type *t)
{
    Type *d = decay(t);
    if (d != t)
        return d;
    if (t && t->quals) {
        Type *c = xalloc(sizeof *c);
        *c = *t;
        c->quals = 0;
        return c;
    }
    return t;
}

static void gen_direct(Lower *L, Buf *b, Node *n)
{
    Node *save = L->skip;
    L->skip = n;
    gen_expr(L, b, n);
    L->skip = save;
}

static void gen_external_call(Lower *L, Buf *b, Node *n)
{
    bool indirect = !is_external_call(n);
    Type *ft = real(expr_type(n->a));
    Type *fp = ft && ft->kind == TY_PTR ? ft : ty_ptr(ft);
    if (ft && ft->kind == TY_PTR)
        ft = real(ft->base);
    /* a system header's inline function is C library code, the runtime
     * header's is the runtime's: both left alone */
    if (L->direct || !L->fn || L->fn->first->sys || (indirect && in_runtime_header(L->fn->first)) ||
        !ft || ft->kind != TY_FUNC) {
        gen_direct(L, b, n);
        return;
    }
    int k = L->tmp++;
    Buf st = {0}, run = {0};
    bool ok = true;
    Type *ret = real(ft->base) && real(ft->base)->kind == TY_VOID ? NULL : field_type(ft->base);
    buf_printf(&st, "struct __gocc_x%d { ", k);
    if (ret) {
        ok = render_decl(&st, ret, "r");
        buf_puts(&st, "; ");
    }
    if (indirect) {
        ok = ok && render_decl(&st, field_type(fp), "f");
        buf_puts(&st, "; ");
    }
    int nargs = 0;
    Param *p = ft->params;
    for (Node *a = n->b; a && ok; a = a->next, nargs++) {
        /* a union parameter may be a transparent union (glibc's
         * __SOCKADDR_ARG): the field takes the argument's own type, and
         * the call in the thunk converts it */
        Param *q = p && p->ty && real(p->ty) && real(p->ty)->kind == TY_UNION ? NULL : p;
        Type *t = field_type(arg_type(q, a));
        ok = t && render_decl(&st, t, fmt("a%d", nargs));
        buf_puts(&st, "; ");
        if (p)
            p = p->next;
    }
    /* a va_list argument is an array that decays: no field can hold it */
    if (!ok || (!ft->params && !ft->prototyped && n->b) || strstr(st.p, "va_list")) {
        free(st.p);
        gen_direct(L, b, n);        /* a type gocc cannot name at file scope */
        return;
    }
    if (!ret && !nargs)
        buf_puts(&st, "char unused; ");
    buf_puts(&st, "};\n");
    buf_printf(&run, "#pragma GCC diagnostic push\n"
                     "#pragma GCC diagnostic ignored \"-Wformat\"\n"
                     "#pragma GCC diagnostic ignored \"-Wformat-security\"\n"
                     "#pragma GCC diagnostic ignored \"-Wformat-nonliteral\"\n"
                     "static void __gocc_x%d_run(void *__gocc_p) { struct __gocc_x%d *__gocc_x = "
                     "__gocc_p; (void)__gocc_x; %s%s(", k, k, ret ? "__gocc_x->r = " : "",
               indirect ? "__gocc_x->f" : n->a->sym->name);
    for (int j = 0; j < nargs; j++)
        buf_printf(&run, j ? ", __gocc_x->a%d" : "__gocc_x->a%d", j);
    buf_puts(&run, "); }\n#pragma GCC diagnostic pop\n");
    buf_add(&L->helpers, st.p, st.len);
    buf_add(&L->helpers, run.p, run.len);
    free(st.p);
    free(run.p);

    /* sizeof(void) is an extension, (pure(), 0) a warning: each its form */
    buf_puts(b, ret ? "({ (void)sizeof(" : "({ (void)sizeof((");
    L->direct = true;
    gen_direct(L, b, n);
    L->direct = false;
    buf_printf(b, "%s; struct __gocc_x%d __gocc_xa%d = { ", ret ? ")" : ", 0))", k, k);
    if (indirect) {
        buf_puts(b, ".f = (");
        gen_expr(L, b, n->a);
        buf_puts(b, "), ");
    }
    int j = 0;
    for (Node *a = n->b; a; a = a->next, j++) {
        buf_printf(b, ".a%d = (", j);
        gen_expr(L, b, a);
        buf_puts(b, "), ");
    }
    if (!j && !indirect)
        buf_puts(b, "0");
    if (indirect)
        buf_printf(b, "}; if (gocc_dialect_code((const void *)__gocc_xa%d.f)) "
                      "__gocc_x%d_run(&__gocc_xa%d); else ", k, k, k);
    else
        buf_puts(b, "}; ");
    buf_printf(b, "gocc_systemstack(__gocc_x%d_run, &__gocc_xa%d); ", k, k);
    if (!indirect && is_noreturn(L->u, n->a->sym))
        buf_puts(b, "__builtin_unreachable(); ");
    if (ret && n->storage != 'D')
        buf_printf(b, "__gocc_xa%d.r; })", k);
    else
        buf_puts(b, "(void)0; })");
}

static void gen_go_call(Lower *L, Buf *b, Node *n)
{
    Node *call = n->a;
    const char *what = n->kind == N_DEFER ? "defer" : "go";
    const char *which;
    if (call->kind != N_CALL) {
        error_at_tok(call->first, "expression in %s must be a function call", what);
        return;
    }
    if (is_chan_builtin_call(call, &which)) {
        gen_go_builtin(L, b, n, which);
        return;
    }
    Type *ft = real(expr_type(call->a));
    if (ft && ft->kind == TY_PTR)
        ft = real(ft->base);
    if (!ft || ft->kind != TY_FUNC) {
        error_at_tok(call->a->first, "%s: cannot tell the type of the function called", what);
        return;
    }
    int k = L->tmp++;
    /* `go f(p)`: a function (not a pointer, not variadic) whose one argument is an object
     * pointer needs no record: the pointer is the goroutine's argument, as
     * gocc_go(fn, p) in C (no allocation per go statement) */
    Sym *fs = call->a->kind == N_IDENT ? call->a->sym : NULL;
    Type *pt = call->b && !call->b->next ? real(arg_type(ft->params, call->b)) : NULL;
    bool external = is_external_call(call);
    bool indirect = is_indirect_call(call);     /* C or dialect: asked at run time */
    if (fs && fs->kind == SYM_FUNC && fs->depth == 0 && !ft->variadic && !external && pt &&
        pt->kind == TY_PTR && real(pt->base) && real(pt->base)->kind != TY_FUNC) {
        if (indirect)
            buf_printf(&L->helpers, "static void __gocc_go%d_call(void *p) { %s(p); }\n"
                       "static void __gocc_go%d_run(void *p) { if (gocc_dialect_code((const void *)%s)) "
                       "%s(p); else gocc_systemstack(__gocc_go%d_call, p); }\n",
                       k, fs->name, k, fs->name, fs->name, k);
        else
            buf_printf(&L->helpers, "static void __gocc_go%d_run(void *p) { %s(p); }\n", k,
                       fs->name);
        buf_printf(b, "{ void *__gocc_g%d = (void *)(", k);
        gen_expr(L, b, call->b);
        buf_puts(b, "); ");
        gen_handoff(b, n, fmt("__gocc_go%d_run", k), fmt("__gocc_g%d", k));
        return;
    }
    Buf st = {0};
    buf_printf(&st, "struct __gocc_go%d { ", k);
    Buf fn = {0};
    char *fname = fmt("(*fn)");
    if (!render_decl(&fn, ft, fname)) {
        error_at_tok(call->a->first, "%s: the function's type cannot be named at file scope", what);
        return;
    }
    buf_printf(&st, "%s; ", fn.p);
    Param *p = ft->params;
    int i = 0;
    for (Node *a = call->b; a; a = a->next, i++) {
        Type *t = arg_type(p, a);
        char *nm = fmt("a%d", i);
        if (!t || !render_decl(&st, t, nm)) {
            error_at_tok(a->first, "%s: cannot tell the type of this argument", what);
            return;
        }
        buf_puts(&st, "; ");
        if (p)
            p = p->next;
    }
    buf_puts(&st, "};\n");
    buf_add(&L->helpers, st.p, st.len);
    /* a C library function runs on the system stack, as in gen_external_call */
    buf_printf(&L->helpers, "static void __gocc_go%d_%s(void *p) { struct __gocc_go%d *a = p; a->fn(",
               k, external || indirect ? "call" : "run", k);
    for (int j = 0; j < i; j++)
        buf_printf(&L->helpers, j ? ", a->a%d" : "a->a%d", j);
    buf_puts(&L->helpers, "); }\n");
    if (external)
        buf_printf(&L->helpers, "static void __gocc_go%d_run(void *p) { "
                   "gocc_systemstack(__gocc_go%d_call, p); }\n", k, k);
    else if (indirect)
        buf_printf(&L->helpers, "static void __gocc_go%d_run(void *p) { struct __gocc_go%d *a = p; "
                   "if (gocc_dialect_code((const void *)a->fn)) __gocc_go%d_call(p); "
                   "else gocc_systemstack(__gocc_go%d_call, p); }\n", k, k, k, k);

    buf_printf(b, "{ struct __gocc_go%d *__gocc_g%d = gocc_alloc(sizeof *__gocc_g%d); "
               "__gocc_g%d->fn = ", k, k, k, k);
    gen_expr(L, b, call->a);
    buf_puts(b, "; ");
    i = 0;
    for (Node *a = call->b; a; a = a->next, i++) {
        buf_printf(b, "__gocc_g%d->a%d = ", k, i);
        gen_expr(L, b, a);
        buf_puts(b, "; ");
    }
    gen_handoff(b, n, fmt("__gocc_go%d_run", k), fmt("__gocc_g%d", k));
}

static void gen_node(Lower *L, Buf *b, Node *n)
{
    switch (n->kind) {
    case N_CHAN_TYPE: gen_chan_type(L, b, n); return;
    case N_MAKE: gen_make(L, b, n); return;
    case N_RECV: gen_recv(L, b, n); return;
    case N_SEND: gen_send(L, b, n, n->last->kind == TK_SEMI); return;
    case N_EXPR_STMT: gen_two_value(L, b, n); return;
    case N_CALL:
        if (is_errno_location(n))
            buf_puts(b, "gocc_errno()");
        else if (is_alloca_call(L, n))
            gen_alloca(L, b, n);
        else if (is_external_call(n) || is_indirect_call(n))
            gen_external_call(L, b, n);
        else
            gen_builtin_call(L, b, n);
        return;
    case N_FOR_RANGE: gen_for_range(L, b, n); return;
    case N_SELECT: gen_select(L, b, n); return;
    case N_GO:
    case N_DEFER:
        if (n->a)
            gen_go_call(L, b, n);
        else
            gen_go_block(L, b, n);
        return;
    case N_IDENT:
        if (is_blocking_func(n))
            buf_printf(b, "gocc_sys_%s", n->sym->name);
        else
            gen_var(L, b, n);
        return;
    case N_DECLARATION: gen_boxed_declaration(L, b, n); return;
    case N_DECL: gen_vla(L, b, n); return;
    case N_FOR: gen_boxed_for(L, b, n); return;
    case N_CONTINUE: gen_boxed_continue(L, b, n); return;
    case N_EMPTY:
        if (n->op == 'L' || n->op == 'W')
            gen_poll(L, b, n);
        else if (n->op == 'K')
            buf_printf(b, "gocc_panic_at(\"%s\", %d, ", n->first->file, n->first->line);
        else if (n->op == 'N')      /* a variadic function's body: renamed */
            buf_printf(b, "__gocc_vb_%.*s", n->first->len, n->first->text);
        else if (n->op == 'V')
            buf_puts(b, "__builtin_va_list __gocc_ap __attribute__((unused))");
        else if (n->op == 'S')      /* va_start in it: the wrapper started it */
            gen_va_start(L, b, n);
        else if (n->op == 'Z')      /* an attribute moved elsewhere */
            ;
        else
            gen_param_boxes(L, b, n);
        return;
    case N_RETURN: gen_return(L, b, n); return;
    default:
        gen_expr(L, b, n);
    }
}


/* ---- closures: go { ... } ---------------------------------------------- */

static bool is_local_var(Sym *s)
{
    return s && s->kind == SYM_VAR && s->depth > 0 && s->tok;
}

static bool is_static_local(Sym *s)
{
    return s->decl && s->decl->storage == SC_STATIC;
}

static int cap_index(Ctx *c, Sym *s)
{
    for (int i = 0; c && i < c->ncaps; i++)
        if (c->caps[i] == s)
            return i;
    return -1;
}

/* How the current code reaches variable s. */
static void gen_sym(Lower *L, Buf *b, Sym *s)
{
    int k = cap_index(L->ctx, s);
    if (k >= 0)
        buf_printf(b, s->bycopy ? "(__gocc_e->v%d)" : "(*__gocc_e->v%d)", k);
    else if (s->box_live)
        buf_printf(b, "(*__gocc_b_%s)", s->name);
    else
        buf_puts(b, s->name);
}

static void gen_var(Lower *L, Buf *b, Node *n) { gen_sym(L, b, n->sym); }

/* The address of s's storage, for a go block's environment. */
static void gen_box_addr(Lower *L, Buf *b, Sym *s)
{
    int k = cap_index(L->ctx, s);
    if (k >= 0)
        buf_printf(b, "__gocc_e->v%d", k);
    else if (s->box_live)
        buf_printf(b, "__gocc_b_%s", s->name);
    else
        buf_printf(b, "&%s", s->name);
}

static void gen_box(Buf *b, Sym *s)
{
    buf_printf(b, " __typeof__(%s) *__gocc_b_%s = gocc_box(&__gocc_ar, sizeof(%s), "
               "_Alignof(__typeof__(%s))); "
               "__builtin_memcpy((void *)__gocc_b_%s, (const void *)&%s, sizeof(%s));",
               s->name, s->name, s->name, s->name, s->name, s->name, s->name);
    s->box_live = true;
}

/* ---- VLAs and alloca ------------------------------------------------------
 * libgcc puts the VLAs and alloca blocks of split-stack code on the heap
 * when the segment is short and frees them only with libgcc's own segments
 * (never with the runtime's), and on fixed stacks they eat the goroutine's
 * stack: in dialect code both become GC allocations.  A VLA `T a[n]` is
 * declared `T (*__gocc_b_a)[n] = gocc_alloc(sizeof(*__gocc_b_a))` and used
 * as `(*__gocc_b_a)` (the box of a captured variable): sizeof, & and decay
 * keep their meaning, and the size expression is evaluated once. */

static bool visit_variable(Node *n, void *found)
{
    if (n->kind == N_IDENT && n->sym && n->sym->kind == SYM_VAR)
        *(bool *)found = true;
    return n->kind != N_SIZEOF_EXPR && n->kind != N_SIZEOF_TYPE && !*(bool *)found;
}

static bool is_vla_type(Type *t)
{
    t = real(t);
    if (!t || t->kind != TY_ARRAY)
        return false;
    bool var = false;
    if (t->len)
        walk(t->len, visit_variable, &var);
    return var || is_vla_type(t->base);
}

/* A block-scope VLA object of dialect code (not a parameter, typedef or
 * extern declaration; VLAs have no initializer). */
static bool is_vla_decl(Node *d)
{
    Sym *s = d->sym;
    return s && s->kind == SYM_VAR && s->depth > 0 && d->tok && !d->a && !d->first->sys &&
           !in_runtime_header(d->first) && d->storage != SC_EXTERN && is_vla_type(s->ty);
}

static void gen_vla(Lower *L, Buf *b, Node *d)
{
    Sym *s = d->sym;
    int name = d->tok->idx;
    gen_span(L, b, d->first->idx, name - 1);
    buf_printf(b, "(*__gocc_b_%s)", s->name);
    gen_span(L, b, name + 1, d->last->idx);
    buf_printf(b, " = gocc_alloc(sizeof(*__gocc_b_%s))", s->name);
    s->box_live = true;
}

/* (glibc's alloca macro expands to tokens marked as system-header text:
 * what counts is the function the call is in) */
static bool is_alloca_call(Lower *L, Node *n)
{
    if (n->kind != N_CALL || !n->a || n->a->kind != N_IDENT || !n->b || !L->fn ||
        L->fn->first->sys || in_runtime_header(L->fn->first))
        return false;
    return tok_is(n->a->tok, "__builtin_alloca") ||
           tok_is(n->a->tok, "__builtin_alloca_with_align") ||
           (tok_is(n->a->tok, "alloca") && n->a->sym && n->a->sym->sysdecl);
}

/* alloca(n): GC memory, which lives at least as long (the alignment of
 * __builtin_alloca_with_align beyond the collector's 16 bytes is not kept). */
static void gen_alloca(Lower *L, Buf *b, Node *n)
{
    buf_puts(b, "gocc_alloc(");
    gen_expr(L, b, n->b);
    buf_puts(b, ")");
}

/* The variables declared in fn before a block and used inside it. */
typedef struct {
    Node *fn, *blk;
    Sym **caps;
    int ncaps;
} Captures;

static bool visit_capture(Node *n, void *arg)
{
    Captures *c = arg;
    if (n->kind == N_IDENT && is_local_var(n->sym) &&
        n->sym->tok->idx < c->blk->first->idx && n->sym->tok->idx > c->fn->first->idx) {
        int i = 0;
        while (i < c->ncaps && c->caps[i] != n->sym)
            i++;
        if (i == c->ncaps) {
            c->caps = xrealloc(c->caps, sizeof(Sym *) * (size_t)(c->ncaps + 1));
            c->caps[c->ncaps++] = n->sym;
        }
    }
    return true;
}

static Captures find_captures(Node *fn, Node *blk)
{
    Captures c = {fn, blk, NULL, 0};
    walk(blk->a, visit_capture, &c);
    return c;
}

static bool visit_label(Node *n, void *arg)
{
    const char **name = arg;
    if (*name && n->kind == N_LABEL && tok_is(n->tok, *name))
        *name = NULL;
    return !is_lifted(n);
}

static bool has_label(Node *blk, Tok *name)
{
    const char *s = tok_str(name), *found = s;
    walk(blk, visit_label, &found);
    return found == NULL;
}

/* break/continue/goto that would leave the block, and return with a value;
 * what names the block (go or defer) for the messages. */
static void check_block(Node *n, Node *blk, const char *what, int loops, int switches)
{
    for (; n; n = n->next) {
        switch (n->kind) {
        case N_BREAK:
            if (!loops && !switches)
                error_at_tok(n->first, "break cannot leave a %s block", what);
            break;
        case N_CONTINUE:
            if (!loops)
                error_at_tok(n->first, "continue cannot leave a %s block", what);
            break;
        case N_GOTO:
            if (!has_label(blk, n->tok))
                error_at_tok(n->first, "goto cannot leave a %s block", what);
            break;
        case N_GOTO_PTR:
            error_at_tok(n->first, "computed goto in a %s block", what);
            break;
        case N_RETURN:
            if (n->a)
                error_at_tok(n->first, "return with a value in a %s block (use return;)", what);
            break;
        case N_GO:
        case N_DEFER:
            continue;       /* checked on their own */
        default:
            break;
        }
        bool loop = is_loop(n);
        bool sw = n->kind == N_SWITCH || n->kind == N_SELECT;
        check_block(n->a, blk, what, loops + loop, switches + sw);
        check_block(n->b, blk, what, loops + loop, switches + sw);
        check_block(n->c, blk, what, loops + loop, switches + sw);
        check_block(n->d, blk, what, loops + loop, switches + sw);
    }
}

/* ---- local types in lifted blocks ------------------------------------- */

/* A go or defer block becomes a function at file scope, where the types
 * and enumeration constants declared in the enclosing function do not
 * exist.  Each such declaration the block needs (by name, and the ones
 * those need in turn) is repeated at the top of the lifted function.  Only
 * declarations that declare no object: typedefs, tags, enums. */
typedef struct {
    Node *blk;
    Node **decls;
    int n;
} LocalTypes;

static bool is_name_tok(const Tok *t) { return t->kind == TK_IDENT || t->kind == TK_TYPE_NAME; }

static bool span_has_name(const Unit *u, int from, int to, const Tok *name)
{
    for (int i = from; i <= to; i++)
        if (is_name_tok(&u->toks[i]) && u->toks[i].len == name->len &&
            !memcmp(u->toks[i].text, name->text, (size_t)name->len))
            return true;
    return false;
}

static bool is_type_only_decl(const Node *n)
{
    return n->kind == N_DECLARATION && n->spec &&
           (n->spec->storage == SC_TYPEDEF || !n->a);
}

/* Declarations in blocks that enclose lt->blk, before it. */
static void find_local_types(LocalTypes *lt, Node *n, bool encloses)
{
    for (; n; n = n->next) {
        if (n == lt->blk)
            return;
        if (encloses && is_type_only_decl(n) && n->last->idx < lt->blk->first->idx) {
            lt->decls = xrealloc(lt->decls, sizeof(Node *) * (size_t)(lt->n + 1));
            lt->decls[lt->n++] = n;
        }
        bool in = n->first->idx <= lt->blk->first->idx && lt->blk->last->idx <= n->last->idx;
        if (!in)
            continue;
        Node *kids[] = { n->a, n->b, n->c, n->d };
        for (int i = 0; i < 4; i++)
            find_local_types(lt, kids[i], n->kind == N_BLOCK || encloses);
    }
}

/* Does declaration d declare a name used in tokens [from, to]? */
static bool declares_used_name(const Unit *u, Node *d, int from, int to)
{
    int lo = d->first->idx, hi = d->last->idx;
    for (int i = lo; i <= hi; i++) {
        const Tok *t = &u->toks[i];
        if (!is_name_tok(t))
            continue;
        const Tok *prev = i > lo ? &u->toks[i - 1] : NULL;
        const Tok *next = i < hi ? &u->toks[i + 1] : NULL;
        /* a tag, a declarator name, an enumerator */
        bool declared = (prev && (prev->kind == TK_STRUCT || prev->kind == TK_UNION ||
                                  prev->kind == TK_ENUM)) ||
                        (next && (next->kind == TK_SEMI || next->kind == TK_COMMA ||
                                  next->kind == TK_ASSIGN || next->kind == TK_RBRACE));
        if (declared && span_has_name(u, from, to, t))
            return true;
    }
    return false;
}

/* `(void)(T *)0;` for each typedef name d declares: the copy inside the
 * lifted block and the original, whose only use may have moved, count as
 * used (-Wunused-local-typedefs). */
static void gen_typedef_uses(Buf *out, Node *d)
{
    if (d->spec->storage != SC_TYPEDEF)
        return;
    for (Node *x = d->a; x; x = x->next)
        if (x->sym)
            buf_printf(out, "(void)(%s *)0; ", x->sym->name);
}

static void gen_local_types(Lower *L, Buf *out, Buf *uses, Node *blk)
{
    LocalTypes lt = { blk, NULL, 0 };
    find_local_types(&lt, L->fn, false);
    bool *use = xalloc(sizeof(bool) * (size_t)(lt.n + 1));
    for (int i = lt.n - 1; i >= 0; i--) {
        if (declares_used_name(L->u, lt.decls[i], blk->first->idx, blk->last->idx))
            use[i] = true;
        else
            for (int j = i + 1; j < lt.n && !use[i]; j++)
                use[i] = use[j] && declares_used_name(L->u, lt.decls[i], lt.decls[j]->first->idx,
                                                      lt.decls[j]->last->idx);
    }
    for (int i = 0; i < lt.n; i++)
        if (use[i]) {
            gen_expr(L, out, lt.decls[i]);
            buf_puts(out, " ");
            gen_typedef_uses(out, lt.decls[i]);
            gen_typedef_uses(uses, lt.decls[i]);
        }
    free(use);
    free(lt.decls);
}

/* What a go block's environment holds for s: its value or its box. */
static void gen_capture(Lower *L, Buf *b, Sym *s)
{
    if (s->bycopy)
        gen_sym(L, b, s);
    else
        gen_box_addr(L, b, s);
}

/* A copied object pointer or channel can be the goroutine's argument. */
static bool passes_as_pointer(Type *t)
{
    Type *r = real(t);
    return r && (r->kind == TY_CHAN ||
                 (r->kind == TY_PTR && real(r->base) && real(r->base)->kind != TY_FUNC));
}

static void gen_go_block(Lower *L, Buf *b, Node *n)
{
    Node *blk = n->b;
    check_block(blk->a, blk->a, n->kind == N_DEFER ? "defer" : "go", 0, 0);
    Captures c = find_captures(L->fn, blk);
    Sym **caps = c.caps;
    int ncaps = c.ncaps;
    int k = L->tmp++;

    Buf env = {0};
    buf_printf(&env, "struct __gocc_env%d { ", k);
    for (int i = 0; i < ncaps; i++) {
        Type *t = caps[i]->ty;
        if (t && real(t)->kind == TY_ARRAY && !caps[i]->decl)
            t = ty_ptr(real(t)->base);       /* an array parameter is a pointer */
        char *nm = fmt("v%d", i);
        if (!t || !render_decl(&env, caps[i]->bycopy ? field_type(t) : ty_ptr(t), nm)) {
            error_at_tok(n->first, "%s block: cannot capture '%s', whose type cannot be "
                         "named outside its function", n->kind == N_DEFER ? "defer" : "go",
                         caps[i]->name);
            return;
        }
        buf_puts(&env, "; ");
    }
    if (!ncaps)
        buf_puts(&env, "char unused; ");
    buf_puts(&env, "};\n");

    Ctx ctx = {L->ctx, caps, ncaps};
    Buf body = {0}, types = {0}, uses = {0};
    L->ctx = &ctx;
    gen_expr(L, &body, blk);
    gen_local_types(L, &types, &uses, blk);
    L->ctx = ctx.up;

    buf_add(&L->helpers, env.p, env.len);
    /* With at most one captured variable the goroutine's argument is that
     * variable's box itself (or NULL), and the environment is rebuilt on
     * the goroutine's stack: no allocation per go statement. */
    bool direct = ncaps == 0 || (ncaps == 1 && (!caps[0]->bycopy || passes_as_pointer(caps[0]->ty)));
    const char *prologue = direct
        ? fmt("struct __gocc_env%d __gocc_es = { %s }, *__gocc_e = &__gocc_es; (void)__gocc_p;",
              k, ncaps ? "__gocc_p" : "0")
        : fmt("struct __gocc_env%d *__gocc_e = __gocc_p;", k);
    /* the block's own captured variables and environments */
    prologue = fmt("%s gocc_arena __gocc_ar = {0}; (void)__gocc_ar;", prologue);
    buf_printf(&L->helpers, "static void __gocc_go%d(void *__gocc_p) { %s (void)__gocc_e; "
               "%s\n# %d \"%s\"\n%*s%s }\n", k, prologue, types.p ? types.p : "",
               blk->first->line, blk->first->file, blk->first->col - 1, "", body.p);
    free(types.p);
    if (direct) {
        buf_printf(b, "{ void *__gocc_e%d = (void *)", k);
        if (ncaps)
            gen_capture(L, b, caps[0]);
        else
            buf_puts(b, "(void *)0");
        buf_puts(b, "; ");
    } else {
        buf_printf(b, "{ struct __gocc_env%d *__gocc_e%d = gocc_box(&__gocc_ar, "
                   "sizeof *__gocc_e%d, _Alignof(struct __gocc_env%d)); ", k, k, k, k);
        for (int i = 0; i < ncaps; i++) {
            buf_printf(b, "__gocc_e%d->v%d = ", k, i);
            gen_capture(L, b, caps[i]);
            buf_puts(b, "; ");
        }
    }
    if (uses.p)
        buf_puts(b, uses.p);
    free(uses.p);
    gen_handoff(b, n, fmt("__gocc_go%d", k), fmt("__gocc_e%d", k));
}

/* A declaration some of whose variables are captured: declare, then box. */
static void gen_boxed_declaration(Lower *L, Buf *b, Node *n)
{
    Node *save = L->skip;
    L->skip = n;
    gen_expr(L, b, n);
    L->skip = save;
    for (Node *d = n->a; d; d = d->next)
        if (d->sym && d->sym->captured && !d->sym->for_loop && !is_static_local(d->sym) &&
            !d->sym->vla)           /* a VLA is on the heap already (gen_vla) */
            gen_box(b, d->sym);
}

/* A function that defers owns a frame (gocc.h); a recovered panic lands
 * here, runs the deferred calls left and returns the zero value. */
static void gen_frame(Buf *b, Type *ret)
{
    buf_puts(b, " gocc_frame __gocc_fr; gocc_frame_enter(&__gocc_fr);"
                " if (__builtin_setjmp(__gocc_fr.jb)) { gocc_frame_land(&__gocc_fr);"
                " gocc_frame_exit(&__gocc_fr); ");
    if (!ret) {
        buf_puts(b, "return; }");
        return;
    }
    Type t = *ret;
    t.quals = 0;
    Buf z = {0};
    if (render_decl(&z, &t, "__gocc_z"))
        buf_printf(b, "%s; __builtin_memset(&__gocc_z, 0, sizeof __gocc_z); "
                      "return __gocc_z; }", z.p);
    else
        buf_puts(b, "__builtin_trap(); }");
    free(z.p);
}

/* ---- variadic functions ----------------------------------------------------
 * clang cannot compile a variadic function for split stacks, and a
 * variadic dialect function cannot go back to its goroutine's stack when C
 * calls it.  So `T f(A a, ...) { body }` becomes a body function
 * `T __gocc_vb_f(A a, __builtin_va_list __gocc_ap) { body }`, whose va_start
 * copies __gocc_ap, and a wrapper `T f(A a, ...)` that starts the list,
 * goes back to the goroutine's stack if C called it (gocc_insys), and
 * calls the body.  For clang the wrapper is no_split_stack (a frame of
 * ~250 bytes, inside the headroom every segment keeps below its guard);
 * gcc's va_start is wrong in a no_split_stack function, and gcc needs
 * none: there the wrapper is split-stack code. */

static void gen_va_start(Lower *L, Buf *b, Node *n)
{
    Node *call = n->a;
    buf_puts(b, "__builtin_va_copy(");
    gen_expr(L, b, call->b);
    buf_puts(b, ", __gocc_ap)");
}

static bool visit_va_start(Node *n, void *L)
{
    if (n->kind == N_CALL && n->a && n->a->kind == N_IDENT && n->b &&
        tok_is(n->a->tok, "__builtin_va_start")) {
        Node *e = mk(N_EMPTY, n->first, n->last);
        e->op = 'S';
        e->a = n;
        add_region(L, e);
        return false;
    }
    return !is_lifted(n);
}

/* The wrapper's declarator: "int f(A a, B b, ...)"; NULL when a type
 * cannot be named at file scope. */
static char *vararg_sig(Node *fn)
{
    Type *ft = fn->a->ty;
    Buf ps = {0}, w = {0};
    buf_printf(&ps, "%s(", fn->a->sym->name);
    for (Param *p = ft->params; p; p = p->next) {
        if (!p->name || !render_decl(&ps, p->ty, fmt("%.*s", p->name->len, p->name->text)))
            return NULL;
        buf_puts(&ps, ", ");
    }
    buf_puts(&ps, "...)");
    bool ok = render_decl(&w, ft->base, ps.p);
    free(ps.p);
    return ok ? w.p : NULL;
}

static Node *mk_mark(Lower *L, int i, int op)
{
    Node *n = mk(N_EMPTY, &L->u->toks[i], &L->u->toks[i]);
    n->op = op;
    add_region(L, n);
    return n;
}

static void setup_variadic(Lower *L, Node *fn)
{
    Type *ft = fn->a->ty;
    if (!ft->params || fn->first->sys || in_runtime_header(fn->first) || is_main(fn) ||
        extern_inline(fn))
        return;
    char *sig = vararg_sig(fn);
    int name = fn->a->tok->idx, dots = -1;
    for (int i = name; i < fn->b->first->idx; i++)
        if (L->u->toks[i].kind == TK_ELLIPSIS)
            dots = i;
    if (!sig || dots < 0)
        return;
    Variadic *v = xalloc(sizeof *v);
    v->fn = fn;
    v->sig = sig;
    v->next = L->variadics;
    L->variadics = v;
    mk_mark(L, name, 'N');
    mk_mark(L, dots, 'V');
    /* format(printf, n, m) needs the "...": it moves to the wrapper */
    for (int i = fn->first->idx; i < fn->b->first->idx; i = L->u->toks[i].end + 1) {
        const Tok *t = &L->u->toks[i];
        const char *end = tok_text_end(L->u, i);
        if (has_attribute(L->u, i, i + 1, "format")) {
            buf_add(&v->attrs, t->text, (size_t)(end - t->text));
            buf_puts(&v->attrs, " ");
            mk_mark(L, i, 'Z');
        }
    }
    walk(fn->b, visit_va_start, L);
}

static Variadic *find_variadic(Lower *L, Node *fn)
{
    Variadic *v = L->variadics;
    while (v && v->fn != fn)
        v = v->next;
    return v;
}

/* Does declaration d declare a function split by setup_variadic?  clang
 * takes no_split_stack from the declaration in force at the first call,
 * so every earlier prototype gets the attribute too. */
static bool declares_variadic(Lower *L, Node *d)
{
    if (d->kind != N_DECLARATION)
        return false;
    for (Node *x = d->a; x; x = x->next)
        for (Variadic *v = L->variadics; v; v = v->next)
            if (x->sym && x->sym == v->fn->a->sym)
                return true;
    return false;
}

/* Before the body function, the wrapper's prototype (a recursive call
 * needs it); after it, the wrapper. */
static void gen_variadic_wrapper(Lower *L, Variadic *v)
{
    Node *fn = v->fn;
    Type *ft = fn->a->ty;
    bool is_void = real(ft->base) && real(ft->base)->kind == TY_VOID;
    const char *st = fn->spec && fn->spec->storage == SC_STATIC ? "static " : "";
    Param *last = ft->params;
    while (last->next)
        last = last->next;
    Buf w = {0};        /* the record's run function goes to L->after first */
    /* gcc compiles split-stack variadic functions (and its va_start is
     * wrong in a no_split_stack one); clang only no_split_stack ones */
    const char *nss = L->u->clang ? "no_split_stack, " : "";
    buf_printf(&L->helpers, "%s%s%s%s;\n", st, L->u->clang ? "__attribute__((no_split_stack)) " : "",
               v->attrs.p ? v->attrs.p : "", v->sig);
    buf_printf(&w, " %s__attribute__((%ssection(\"gocc_text\"))) %s "
               "{ __builtin_va_list __gocc_ap; __builtin_va_start(__gocc_ap, %.*s); ",
               st, nss, v->sig, last->name->len, last->name->text);
    /* called back by C (as gen_callback_entry): the body on the goroutine's
     * stack, with a copy of the list */
    int k = L->tmp++;
    bool reachable = !*st || fn->a->sym->escapes;
    if (reachable && gen_callback_record(L, fn, k, true)) {
        buf_printf(&w, "if (__builtin_expect(gocc_insys, 0)) { struct __gocc_cb%d __gocc_cb = { ", k);
        gen_record_init(&w, ft);
        buf_printf(&w, "}; __builtin_va_copy(__gocc_cb.ap, __gocc_ap); "
                   "gocc_callback(__gocc_cb%d_run, &__gocc_cb); __builtin_va_end(__gocc_cb.ap); "
                   "__builtin_va_end(__gocc_ap); return%s; } ", k, is_void ? "" : " __gocc_cb.r");
    }
    buf_printf(&w, "%s__gocc_vb_%s(", is_void ? "" : "__auto_type __gocc_r = ",
               fn->a->sym->name);
    for (Param *p = ft->params; p; p = p->next)
        buf_printf(&w, "%.*s, ", p->name->len, p->name->text);
    buf_printf(&w, "__gocc_ap); __builtin_va_end(__gocc_ap); %s }",
               is_void ? "" : "return __gocc_r;");
    buf_add(&L->after, w.p, w.len);
    free(w.p);
}

/* ---- callbacks from C -------------------------------------------------- */

/* The designated initializers of a callback record: ".a0 = x, .a1 = y, ".
 * False when there are no parameters. */
static bool gen_record_init(Buf *b, Type *ft)
{
    int i = 0;
    for (Param *p = ft->params; p; p = p->next, i++)
        buf_printf(b, ".a%d = %.*s, ", i, p->name->len, p->name->text);
    return i > 0;
}

/* C code may call fn (it has external linkage or its address escapes):
 * called on the system stack (gocc_insys), it re-runs itself through
 * gocc_callback on the goroutine's stack, where it may block.  The
 * arguments travel in a record; its run function, after fn, calls fn
 * (variadic: fn's body function __gocc_vb_NAME, with the record's copy
 * of the argument list). */
static bool gen_callback_record(Lower *L, Node *fn, int k, bool variadic)
{
    Type *ft = fn->a->ty;
    Type *ret = real(ft->base) && real(ft->base)->kind == TY_VOID ? NULL : field_type(ft->base);
    Buf st = {0};
    bool ok = true;
    buf_printf(&st, "struct __gocc_cb%d { ", k);
    if (ret) {
        ok = render_decl(&st, ret, "r");
        buf_puts(&st, "; ");
    }
    int i = 0;
    for (Param *p = ft->params; p && ok; p = p->next, i++) {
        ok = p->name && p->ty && render_decl(&st, field_type(p->ty), fmt("a%d", i));
        buf_puts(&st, "; ");
    }
    if (ok) {
        if (variadic)
            buf_puts(&st, "__builtin_va_list ap; ");
        else if (!ret && !i)
            buf_puts(&st, "char unused; ");
        buf_printf(&st, "};\nstatic void __gocc_cb%d_run(void *);\n", k);
        buf_add(&L->helpers, st.p, st.len);
        buf_printf(&L->after, " static void __gocc_cb%d_run(void *__gocc_p) "
                   "{ struct __gocc_cb%d *__gocc_x = __gocc_p; (void)__gocc_x; %s%s%s(", k, k,
                   ret ? "__gocc_x->r = " : "", variadic ? "__gocc_vb_" : "", fn->a->sym->name);
        for (int j = 0; j < i; j++)
            buf_printf(&L->after, j ? ", __gocc_x->a%d" : "__gocc_x->a%d", j);
        buf_puts(&L->after, variadic ? (i ? ", __gocc_x->ap); }" : "__gocc_x->ap); }") : "); }");
    }
    free(st.p);
    return ok;
}

static void gen_callback_entry(Lower *L, Buf *b, Node *fn)
{
    int k = L->tmp++;
    if (!gen_callback_record(L, fn, k, false))
        return;
    Type *ft = fn->a->ty;
    bool is_void = real(ft->base) && real(ft->base)->kind == TY_VOID;
    buf_printf(b, " if (__builtin_expect(gocc_insys, 0)) { struct __gocc_cb%d __gocc_cb = { ", k);
    bool any = gen_record_init(b, ft);
    buf_printf(b, "%s}; gocc_callback(__gocc_cb%d_run, &__gocc_cb); return%s; }", any ? "" : "0 ", k,
               is_void ? "" : " __gocc_cb.r");
}

static bool visit_escapes(Node *n, void *arg)
{
    (void)arg;
    if (n->kind == N_CALL && n->a && n->a->kind == N_IDENT) {
        walk(n->b, visit_escapes, NULL);        /* the callee is only called */
        return false;
    }
    if (n->kind == N_IDENT && n->sym && n->sym->kind == SYM_FUNC)
        n->sym->escapes = true;
    return true;
}

/* A C99 inline definition may not refer to the static helpers gocc adds:
 * it gets no callback entry and is not split when variadic. */
static bool extern_inline(Node *fn)
{
    return fn->spec && fn->spec->is_inline && fn->spec->storage != SC_STATIC;
}

/* Functions that C code may call get a callback entry (gocc_insys). */
static void mark_callback_entries(Lower *L)
{
    for (Node *d = L->u->ast; d; d = d->next)
        walk_one(d->kind == N_FUNCDEF ? d->b : d, visit_escapes, NULL);
    for (Node *d = L->u->ast; d; d = d->next) {
        if (d->kind != N_FUNCDEF || !d->b || d->first->sys || in_runtime_header(d->first) ||
            is_main(d) || !d->a ||
            !d->a->sym || !d->a->ty || d->a->ty->kind != TY_FUNC)
            continue;
        Type *ft = d->a->ty;
        bool is_static = d->spec && d->spec->storage == SC_STATIC;
        if (ft->variadic || ft->oldstyle || (is_static && !d->a->sym->escapes) ||
            extern_inline(d))
            continue;
        body_brace(L, d->b)->a = d;
    }
}

/* The '{' of a function body (or of a go/defer block's body): box the
 * captured parameters, start the list of deferred calls.  Its '}': run them
 * when control falls off the end. */
static void gen_param_boxes(Lower *L, Buf *b, Node *brace)
{
    (void)L;
    if (brace->op == 'E') {
        buf_puts(b, " gocc_frame_exit(&__gocc_fr); }");
        return;
    }
    buf_puts(b, "{");
    if (brace->a)
        gen_callback_entry(L, b, brace->a);
    if (brace->storage)
        gen_frame(b, brace->ty);
    if (brace->c)               /* the function's captured variables: gocc_box */
        buf_puts(b, " gocc_arena __gocc_ar = {0}; (void)__gocc_ar;");
    for (Sym **s = (Sym **)brace->d; s && *s; s++)
        gen_box(b, *s);
}

/* return in a function with deferred calls: the value first, then the
 * deferred calls, last in first out. */
static void gen_return(Lower *L, Buf *b, Node *n)
{
    if (!n->a) {
        buf_puts(b, "{ gocc_frame_exit(&__gocc_fr); return; }");
        return;
    }
    if (n->storage == 'V') {
        buf_puts(b, "{ ");
        gen_expr(L, b, n->a);
        buf_puts(b, "; gocc_frame_exit(&__gocc_fr); return; }");
        return;
    }
    buf_puts(b, "{ __auto_type __gocc_r = (");
    gen_expr(L, b, n->a);
    buf_puts(b, "); gocc_frame_exit(&__gocc_fr); return __gocc_r; }");
}

static bool visit_defer(Node *n, void *found)
{
    if (n->kind == N_DEFER)
        *(bool *)found = true;
    return n->kind != N_GO && n->kind != N_DEFER;
}

static bool has_defer(Node *body)
{
    bool found = false;
    walk(body, visit_defer, &found);
    return found;
}

typedef struct {
    Lower *L;
    bool is_void;
} ReturnCtx;

static bool visit_return(Node *n, void *arg)
{
    ReturnCtx *c = arg;
    if (n->kind == N_RETURN) {
        n->storage = c->is_void ? 'V' : 0;
        add_region(c->L, n);
        return false;
    }
    return n->kind != N_GO && n->kind != N_DEFER;
}

/* Regions for a body (a function's, or a go/defer block's) that defers. */
static Node *body_brace(Lower *L, Node *body)
{
    Region *r = L->at[body->first->idx];
    for (; r; r = r->next)
        if (r->n->kind == N_EMPTY && r->last == body->first->idx)
            return r->n;
    Node *lb = mk(N_EMPTY, body->first, body->first);
    lb->op = 'P';
    add_region(L, lb);
    return lb;
}

/* ret: the function's return type (NULL: a go or defer block). */
static void setup_defers(Lower *L, Node *body, Type *ret)
{
    if (!has_defer(body->a))
        return;
    bool is_void = !ret || real(ret)->kind == TY_VOID;
    Node *brace = body_brace(L, body);
    brace->storage = 1;
    brace->ty = is_void ? NULL : ret;
    Node *rb = mk(N_EMPTY, body->last, body->last);
    rb->op = 'E';
    add_region(L, rb);
    ReturnCtx c = {L, is_void};
    walk(body->a, visit_return, &c);
}

/* every go and defer block's body, with its own deferred calls */
static bool visit_block_defers(Node *n, void *L)
{
    if (is_lifted(n))
        setup_defers(L, n->b, NULL);
    return true;
}

/* A for loop whose clause declares captured variables: each iteration gets
 * its own box, copied back before the next clause runs (Go 1.22). */
static void gen_boxed_for(Lower *L, Buf *b, Node *n)
{
    Node *save = L->skip;
    L->skip = n;
    gen_span(L, b, n->first->idx, n->d->first->idx - 1);
    L->skip = save;
    buf_puts(b, " {");
    for (Node *d = n->a->a; d; d = d->next)
        if (d->sym && d->sym->captured)
            gen_box(b, d->sym);
    buf_puts(b, " ");
    gen_expr(L, b, n->d);
    for (Node *d = n->a->a; d; d = d->next)
        if (d->sym && d->sym->captured) {
            buf_printf(b, " __builtin_memcpy(&%s, __gocc_b_%s, sizeof(%s));",
                       d->sym->name, d->sym->name, d->sym->name);
            d->sym->box_live = false;
        }
    buf_puts(b, " }");
}

static void gen_boxed_continue(Lower *L, Buf *b, Node *n)
{
    (void)L;
    Node *loop = n->d;
    buf_puts(b, "{");
    for (Node *d = loop->a->a; d; d = d->next)
        if (d->sym && d->sym->captured)
            buf_printf(b, " __builtin_memcpy(&%s, __gocc_b_%s, sizeof(%s));",
                       d->sym->name, d->sym->name, d->sym->name);
    buf_puts(b, " continue; }");
}

/* continue statements that belong to a loop (not to loops nested in it) */
typedef struct {
    Lower *L;
    Node *loop;
} LoopCtx;

static bool visit_continue(Node *n, void *arg)
{
    LoopCtx *c = arg;
    if (n->kind == N_CONTINUE) {
        Node *r = mk(N_CONTINUE, n->first, n->last);
        r->d = c->loop;
        add_region(c->L, r);
        return false;
    }
    return !is_loop(n) && !is_lifted(n);
}

static void mark_continues(Lower *L, Node *body, Node *loop)
{
    LoopCtx c = {L, loop};
    walk(body, visit_continue, &c);
}

static bool visit_for_vars(Node *n, void *arg)
{
    (void)arg;
    if (n->kind == N_FOR && n->a && n->a->kind == N_DECLARATION)
        for (Node *d = n->a->a; d; d = d->next)
            if (d->sym)
                d->sym->for_loop = n;
    return true;
}

static bool visit_mark_captured(Node *n, void *fn)
{
    if (is_lifted(n)) {
        Captures c = find_captures(fn, n->b);
        for (int i = 0; i < c.ncaps; i++)
            c.caps[i]->captured = true;
        free(c.caps);
    }
    return true;
}

/* Regions for a function with go blocks: every use of a captured variable,
 * the declarations and loops that create their boxes. */
static bool visit_box_regions(Node *n, void *arg)
{
    Lower *L = arg;
    if (n->kind == N_IDENT && n->sym && (n->sym->captured || n->sym->bycopy))
        add_region(L, n);
    if (n->kind == N_DECLARATION)
        for (Node *d = n->a; d; d = d->next)
            if (d->kind == N_DECL && d->sym && d->sym->captured && !d->sym->for_loop) {
                add_region(L, n);
                break;
            }
    if (n->kind == N_FOR && n->a && n->a->kind == N_DECLARATION)
        for (Node *d = n->a->a; d; d = d->next)
            if (d->sym && d->sym->captured) {
                add_region(L, n);
                mark_continues(L, n->d, n);
                break;
            }
    return true;
}

/* ---- captures by copy ------------------------------------------------------
 * A captured scalar that nothing ever modifies (no assignment, ++/--, &,
 * asm) reads the same through a copy as through its box: go blocks get its
 * value in their environment, and it stays an ordinary local (no box, no
 * indirection).  Conservative where unsure: every name in an assigned
 * expression that is not a plain lvalue counts as modified. */
static bool visit_mark_modified(Node *n, void *arg)
{
    (void)arg;
    if (n->kind == N_IDENT && n->sym)
        n->sym->modified = true;
    return true;
}

/* e is written (or its address taken): the variable it designates is
 * modified; through *p or p->x the pointee is, not p. */
static void mark_modified(Node *e)
{
    while (e) {
        switch (e->kind) {
        case N_IDENT:
            if (e->sym)
                e->sym->modified = true;
            return;
        case N_MEMBER: case N_INDEX: case N_REAL: case N_IMAG: case N_EXTENSION:
            e = e->a;
            continue;
        case N_DEREF: case N_ARROW:
            return;
        default:                    /* anything else: every name in it */
            walk_one(e, visit_mark_modified, NULL);
            return;
        }
    }
}

static bool visit_modified(Node *n, void *arg)
{
    (void)arg;
    switch (n->kind) {
    case N_ASSIGN: case N_POSTINC: case N_POSTDEC: case N_PREINC: case N_PREDEC:
    case N_ADDR:
        mark_modified(n->a);
        break;
    case N_COMMA:       /* v, ok = <-c */
        if (n->b && n->b->kind == N_ASSIGN && n->b->b && n->b->b->kind == N_RECV)
            mark_modified(n->a);
        break;
    case N_ASM:
        mark_modified(n->a);
        mark_modified(n->b);
        mark_modified(n->c);
        mark_modified(n->d);
        break;
    default:
        break;
    }
    return true;
}

static bool copyable_type(Type *t)
{
    if (!t || (t->quals & (Q_VOLATILE | Q_ATOMIC)))
        return false;
    Type *r = real(t);
    if (!r || (r->quals & (Q_VOLATILE | Q_ATOMIC)))
        return false;
    return (r->kind >= TY_BOOL && r->kind <= TY_ENUM && r->kind != TY_FLOATN) ||
           r->kind == TY_PTR || r->kind == TY_CHAN;
}

static bool visit_bycopy(Node *n, void *arg)
{
    (void)arg;
    Sym *s = n->kind == N_IDENT ? n->sym : NULL;
    if (s && s->captured && !s->modified && !s->for_loop && !is_static_local(s) &&
        copyable_type(s->ty)) {
        s->captured = false;
        s->bycopy = true;
    }
    return true;
}

static bool visit_go_blocks(Node *n, void *found)
{
    if ((n->kind == N_GO || n->kind == N_DEFER) && !n->a)
        *(bool *)found = true;
    return !*(bool *)found;
}

static void lower_closures(Lower *L, Node *fn)
{
    walk(fn->b, visit_for_vars, NULL);
    walk(fn->b, visit_mark_captured, fn);
    walk(fn->b, visit_modified, NULL);
    walk(fn->b, visit_bycopy, NULL);
    walk(fn->b, visit_box_regions, L);
    /* captured parameters: boxed at the body's '{' */
    Type *ft = fn->a->ty;
    Sym **params = NULL;
    int np = 0;
    if (ft->kind == TY_FUNC)
        for (Param *q = ft->params; q; q = q->next) {
            if (!q->name)
                continue;
            Sym *s = q->sym;
            if (s && s->captured) {
                params = xrealloc(params, sizeof(Sym *) * (size_t)(np + 2));
                params[np++] = s;
                params[np] = NULL;
            }
        }
    if (np)
        body_brace(L, fn->b)->d = (Node *)params;
    bool blocks = false;
    walk(fn->b, visit_go_blocks, &blocks);
    if (np || blocks)
        body_brace(L, fn->b)->c = fn->b;    /* needs an arena (gen_param_boxes) */
    Type *ret = ft->kind == TY_FUNC ? real(ft->base) : NULL;
    setup_defers(L, fn->b, ret ? ft->base : NULL);
    walk(fn->b, visit_block_defers, L);
}


/* ---- type checks the contract gives gocc ------------------------------- */

/* Are a and b the same type?  Unknown parts (typeof, __auto_type) match. */
static bool ty_same(Type *a, Type *b)
{
    a = real(a);
    b = real(b);
    if (!a || !b || a == b || a->kind == TY_TYPEOF || b->kind == TY_TYPEOF ||
        a->kind == TY_AUTO || b->kind == TY_AUTO)
        return true;
    if (a->kind != b->kind || a->is_complex != b->is_complex)
        return false;
    switch (a->kind) {
    case TY_PTR:
        return ty_same(a->base, b->base);
    case TY_CHAN:
        return a->dir == b->dir && ty_same(a->base, b->base);
    case TY_STRUCT: case TY_UNION: case TY_ENUM:
        return a->tag && b->tag && a->tag->len == b->tag->len &&
               !memcmp(a->tag->text, b->tag->text, (size_t)a->tag->len);
    default:
        return true;
    }
}

static const char *type_str(Type *t)
{
    Buf b = {0};
    ty_print(&b, t);
    return b.p;
}

/* chan T converts to chan<- T and <-chan T, never back; the element
 * types must be identical. */
static void check_chan_conv(Type *to, Type *from, Tok *at, const char *what)
{
    Type *t = real(to), *f = real(from);
    if (!t || !f || t->kind != TY_CHAN || f->kind != TY_CHAN)
        return;
    if (!ty_same(t->base, f->base) || (f->dir != CH_BOTH && f->dir != t->dir))
        error_at_tok(at, "cannot use %s as %s in %s", type_str(from), type_str(to), what);
}

static bool is_null_constant(Node *n)
{
    long long v;
    return const_value(n, &v) && v == 0;
}

/* Can a value of type from (the expression v, if known) be assigned to an
 * object of type to?  C's rules, as far as lowering can tell; channels are
 * check_chan_conv's. */
static bool assignable(Type *to, Type *from, Node *v)
{
    Type *e = real(to), *t = real(from);
    if (!e || !t)
        return true;
    if (ty_is_arith(e))
        return ty_is_arith(t);
    if (e->kind == TY_PTR)
        return t->kind == TY_PTR || t->kind == TY_ARRAY || t->kind == TY_FUNC ||
               (v && is_null_constant(v));
    if (e->kind == TY_STRUCT || e->kind == TY_UNION)
        return ty_same(e, t);
    return true;
}

/* A value of type vt (the expression v) sent on a channel of elem. */
static void check_send_value(Type *elem, Node *v, Tok *at)
{
    Type *e = real(elem);
    if (e && e->kind == TY_CHAN)
        check_chan_conv(elem, expr_type(v), at, "send");
    else if (!assignable(elem, expr_type(v), v))
        error_at_tok(at, "cannot send a value of type %s on a channel of %s",
                     type_str(expr_type(v)), type_str(elem));
}

/* `T v = <-ch` and `v = <-ch`: the received value must fit v. */
static void check_recv_into(Type *to, Node *recv, Tok *at)
{
    Type *c = real(expr_type(recv->a));
    if (!c || c->kind != TY_CHAN || !to || (real(to) && real(to)->kind == TY_CHAN))
        return;
    if (!assignable(to, c->base, NULL))
        error_at_tok(at, "cannot receive a value of type %s into %s", type_str(c->base),
                     type_str(to));
}

static bool visit_check(Node *n, void *fn)
{
    Node *f = fn;
    switch (n->kind) {
    case N_DECL:
        if (n->a && n->a->kind == N_RECV)
            check_recv_into(n->ty, n->a, n->a->first);
        if (n->a && n->a->kind != N_INIT_LIST)
            check_chan_conv(n->ty, expr_type(n->a), n->a->first, "initialization");
        break;
    case N_ASSIGN:
        if (n->op == TK_ASSIGN)
            check_chan_conv(expr_type(n->a), expr_type(n->b), n->b->first, "assignment");
        if (n->op == TK_ASSIGN && n->b && n->b->kind == N_RECV)
            check_recv_into(expr_type(n->a), n->b, n->b->first);
        break;
    case N_CAST: {
        Type *t = real(n->ty), *o = real(expr_type(n->b));
        if (t && o && t->kind == TY_CHAN && o->kind == TY_CHAN)
            check_chan_conv(n->ty, expr_type(n->b), n->first, "a conversion");
        break;
    }
    case N_CALL: {
        Type *ft = real(expr_type(n->a));
        if (ft && ft->kind == TY_PTR)
            ft = real(ft->base);
        if (!ft || ft->kind != TY_FUNC)
            break;
        Param *p = ft->params;
        for (Node *a = n->b; a && p; a = a->next, p = p->next)
            check_chan_conv(p->ty, expr_type(a), a->first, "argument");
        break;
    }
    case N_RETURN:
        if (n->a && f && f->a->ty->kind == TY_FUNC)
            check_chan_conv(f->a->ty->base, expr_type(n->a), n->a->first, "return");
        break;
    case N_SEND: {
        Type *c = real(expr_type(n->a));
        if (c && c->kind == TY_CHAN)
            check_send_value(c->base, n->b, n->b->first);
        break;
    }
    default:
        break;
    }
    return true;
}

/* ---- the unit ----------------------------------------------------------- */

/* Is there an __attribute__ naming what among tokens [from, to)? */
static bool has_attribute(const Unit *u, int from, int to, const char *what)
{
    for (int i = from; i < to; i = u->toks[i].end + 1) {
        const Tok *t = &u->toks[i];
        const char *end = tok_text_end(u, i);
        if (tok_is(t, "__attribute__") && memmem(t->text, (size_t)(end - t->text), what, strlen(what)))
            return true;
    }
    return false;
}

static bool is_main(Node *d)
{
    return d->kind == N_FUNCDEF && d->a && d->a->tok && tok_is(d->a->tok, "main") &&
           d->a->sym && d->a->sym->depth == 0;
}

void lower_unit(Unit *u, Edits *es)
{
    Lower L = {.u = u};
    L.at = xalloc(sizeof(Region *) * (size_t)(u->ntoks + 1));
    for (int i = 0; i < u->nchan_types; i++)
        add_region(&L, u->chan_types[i]);
    for (Node *d = u->ast; d; d = d->next) {
        L.fn = d->kind == N_FUNCDEF ? d : NULL;
        collect(&L, d);
    }
    L.fn = NULL;
    for (Node *d = u->ast; d; d = d->next) {
        walk_one(d->kind == N_FUNCDEF ? d->b : d, visit_check, d->kind == N_FUNCDEF ? d : NULL);
        if (d->kind == N_FUNCDEF && d->b)
            lower_closures(&L, d);
        if (d->kind == N_FUNCDEF && d->b && u->dialect && d->a && d->a->ty &&
            d->a->ty->kind == TY_FUNC && d->a->ty->variadic)
            setup_variadic(&L, d);
    }
    mark_callback_entries(&L);

    for (Node *d = u->ast; d; d = d->next) {
        int from = d->first->idx, to = last_idx(u, d->last);
        bool any = false;
        for (int i = from; i <= to && !any; i++)
            any = L.at[i] != NULL;
        if (is_main(d) && u->dialect)
            L.main_def = d;
        /* dialect code lives in its own section: calls through pointers
         * tell it from C by address (gocc_dialect_code) */
        const char *sect = d->kind == N_FUNCDEF && d->b && !d->first->sys && u->dialect &&
                           !has_attribute(u, d->first->idx, d->b->first->idx, "section")
                         ? "__attribute__((section(\"gocc_text\"))) "
                         : u->clang && declares_variadic(&L, d) ? "__attribute__((no_split_stack)) " : "";
        if (!any && L.main_def != d) {
            if (*sect)
                edits_add(es, from, from, fmt("%s%.*s", sect,
                                              (int)(tok_text_end(u, from) - d->first->text),
                                              d->first->text));
            continue;
        }
        Buf b = {0};
        L.helpers.len = 0;
        L.after.len = 0;
        L.fn = d->kind == N_FUNCDEF ? d : NULL;
        Buf body = {0};
        Variadic *v = find_variadic(&L, d);
        if (v)
            gen_variadic_wrapper(&L, v);
        if (L.main_def == d) {
            /* main runs as the main goroutine: rename it, start the runtime */
            int name = d->a->tok->idx;
            gen_span(&L, &body, from, name - 1);
            const char *gap = tok_text_end(u, name - 1);
            buf_add(&body, gap, (size_t)(u->toks[name].text - gap));
            buf_puts(&body, "__gocc_main");
            gen_span(&L, &body, name + 1, to);
        } else {
            gen_span(&L, &body, from, to);
        }
        if (L.helpers.len) {
            /* helpers first, then back to the declaration's own line */
            buf_add(&b, L.helpers.p, L.helpers.len);
            buf_printf(&b, "# %d \"%s\"\n%*s", d->first->line, d->first->file,
                       d->first->col - 1, "");
        }
        buf_puts(&b, sect);
        buf_add(&b, body.p ? body.p : "", body.len);
        buf_add(&b, L.after.p ? L.after.p : "", L.after.len);
        edits_add(es, from, to, b.p ? b.p : xstrdup(""));
    }
    if (L.main_def) {
        Type *ft = L.main_def->a->ty;
        int np = 0;
        for (Param *p = ft->params; p; p = p->next)
            np++;
        const char *args = np == 0 ? "" : np == 1 ? "c" : np == 2 ? "c, v" : "c, v, e";
        edits_add(es, u->ntoks, u->ntoks, fmt(
            "\nstatic int __gocc_main_start(int c, char **v, char **e) "
            "{ (void)c; (void)v; (void)e; return __gocc_main(%s); }\n"
            "int main(int argc, char **argv, char **envp) "
            "{ return gocc_start(__gocc_main_start, argc, argv, envp); }\n", args));
    }
}
