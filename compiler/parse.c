/*
 * parse.c — drives the Lemon parser (grammar/c.y) over the token array.
 *
 * Between the lexer and the grammar sits what an LALR(1) C parser needs:
 *   - the lexer hack: an identifier is fed as TYPE_NAME when the scoped
 *     symbol table says it names a typedef at that point, unless it stands
 *     right after a type specifier, where it can only be a declarator
 *     (`typedef int T; { T T; }`, `typedef __float128 _Float128;`);
 *   - block scopes, opened before a '{' is fed and closed after its '}',
 *     except the braces of struct/union/enum bodies, whose members are not
 *     ordinary identifiers (and whose enumerators belong to the outer scope);
 *   - grouping: `__attribute__((...))` and `__declspec(...)` become one
 *     ATTRIBUTE token, `_Atomic (` one ATOMIC_LPAREN token.
 * Actions call back here (p_*) to declare names as soon as each declarator
 * is complete, which is when C says their scope begins.
 */
#include "gocc.h"
#include "c.h"

#include <stdlib.h>

void *CParseAlloc(void *(*alloc)(size_t), Parser *p);
void CParse(void *parser, int kind, Tok *tok);
void CParseFree(void *parser, void (*dealloc)(void *));
void CParseFlush(void *parser);

/* Names the compilers predefine as types. */
static const char *builtin_types[] = {
    "__builtin_va_list", "__int128_t", "__uint128_t", "_Float16", "_Float32",
    "_Float64", "_Float128", "_Float32x", "_Float64x", "_Float128x",
    "__float128", "__float80", "__fp16", "__bf16", "__ibm128", "_Decimal32",
    "_Decimal64", "_Decimal128",
};

static void seed_builtins(void)
{
    for (size_t i = 0; i < sizeof builtin_types / sizeof builtin_types[0]; i++) {
        const char *n = intern(builtin_types[i], strlen(builtin_types[i]));
        Type *t = ty_new(n[1] == 'F' || n[2] == 'f' || n[2] == 'b' || n[2] == 'i' ||
                         n[1] == 'D' ? TY_FLOATN : TY_BUILTIN);
        if (!strcmp(n, "__int128_t"))
            t = ty_basic(TY_INT128);
        else if (!strcmp(n, "__uint128_t"))
            t = ty_basic(TY_UINT128);
        else
            t->name = n;
        scope_declare(scope_cur(), n, SYM_TYPEDEF, t, NULL);
    }
}

/* ---- actions called from the grammar ---------------------------------- */

void p_declare(Parser *p, DeclSpec *ds, Declarator *d, Node *decl)
{
    if (!d->name || p->in_kr)
        return;             /* abstract, or a K&R parameter's declaration */
    SymKind k = ds->storage == SC_TYPEDEF ? SYM_TYPEDEF
              : decl->ty->kind == TY_FUNC ? SYM_FUNC : SYM_VAR;
    Type *ty = k == SYM_TYPEDEF ? ty_typedef(decl->ty, tok_str(d->name)) : decl->ty;
    if (k == SYM_TYPEDEF && scope_depth() > 0)
        ty->local = true;
    Sym *s = scope_declare(scope_cur(), tok_str(d->name), k, ty, d->name);
    s->decl = decl;
    decl->sym = s;
}

void p_declare_enumconst(Parser *p, Tok *name)
{
    (void)p;
    scope_declare(scope_cur(), tok_str(name), SYM_ENUMCONST, ty_basic(TY_INT), name);
}

static void declare_params(Type *ft)
{
    if (ft->kind != TY_FUNC)
        return;
    for (Param *q = ft->params; q; q = q->next)
        if (q->name)
            q->sym = scope_declare(scope_cur(), tok_str(q->name), SYM_VAR, q->ty, q->name);
}

static void declare_oldnames(Declarator *d)
{
    for (int i = 0; i < d->nd; i++)
        if (d->d[i].kind == D_FUNC) {
            for (Node *n = d->d[i].oldnames; n; n = n->next)
                scope_declare(scope_cur(), tok_str(n->tok), SYM_VAR,
                              ty_basic(TY_INT), n->tok);
            return;
        }
}

/* A function definition's declarator is complete.  With '{' as the
 * lookahead, parse_unit has already opened the body's scope: the function
 * belongs to the enclosing one, its parameters to the body.  Otherwise K&R
 * parameter declarations follow, and the parameters are declared at '{'. */
void p_funcdef_head(Parser *p, DeclSpec *ds, Declarator *d, Node *decl)
{
    (void)ds;
    Scope *outer = p->cur->kind == TK_LBRACE ? scope_cur()->up : scope_cur();
    if (d->name) {
        Sym *s = scope_declare(outer, tok_str(d->name), SYM_FUNC, decl->ty, d->name);
        s->decl = decl;
        s->defined |= !d->name->sys;   /* not a header's inline wrapper */
        decl->sym = s;
    }
    if (p->cur->kind == TK_LBRACE) {
        declare_params(decl->ty);
        declare_oldnames(d);
    } else {
        p->kr_type = decl->ty;
        p->kr_dcl = d;
        p->in_kr = true;
    }
}

Type *p_tag_type(Parser *p, Tok *kw, Tok *tag, bool is_definition)
{
    (void)p;
    TypeKind k = kw->kind == TK_STRUCT ? TY_STRUCT : kw->kind == TK_UNION ? TY_UNION : TY_ENUM;
    if (tag) {
        const char *name = tok_str(tag);
        Sym *s = scope_lookup_tag(name);
        if (s && s->ty->kind == k &&
            (!is_definition || (s->depth == scope_depth() && !s->ty->complete))) {
            if (is_definition)
                s->ty->kw = kw;
            return s->ty;
        }
    }
    Type *t = ty_new(k);
    t->tag = tag;
    t->kw = is_definition ? kw : NULL;
    t->complete = false;
    t->local = scope_depth() > 0;
    if (tag)
        scope_declare_tag(scope_cur(), tok_str(tag), t, tag);
    return t;
}

Type *p_typedef_type(Parser *p, Tok *name)
{
    (void)p;
    Sym *s = scope_lookup(tok_str(name));
    return s && s->kind == SYM_TYPEDEF ? s->ty : ty_basic(TY_INT);
}

Node *p_ident(Parser *p, Tok *t)
{
    (void)p;
    Node *n = mk(N_IDENT, t, t);
    n->tok = t;
    n->sym = scope_lookup(tok_str(t));
    return n;
}

void p_chan_type(Parser *p, Node *n)
{
    Unit *u = p->u;
    if (u->nchan_types == u->capchan_types) {
        u->capchan_types = u->capchan_types ? u->capchan_types * 2 : 64;
        u->chan_types = xrealloc(u->chan_types, sizeof(Node *) * (size_t)u->capchan_types);
    }
    u->chan_types[u->nchan_types++] = n;
}

/* `for (` opened a scope for the clause's declaration; the statement ends. */
void p_for_end(Parser *p)
{
    (void)p;
    scope_pop();
}

/* ---- syntax errors ---------------------------------------------------- */

static const char *tok_name(int k)
{
    switch (k) {
    case TK_IDENT:     return "identifier";
    case TK_TYPE_NAME: return "type name";
    case TK_NUMBER:    return "number";
    case TK_STRING:    return "string literal";
    case TK_CHARCONST: return "character constant";
    case TK_SEMI:      return "';'";
    case TK_COMMA:     return "','";
    case TK_LPAREN:    return "'('";
    case TK_RPAREN:    return "')'";
    case TK_LBRACE:    return "'{'";
    case TK_RBRACE:    return "'}'";
    case TK_LBRACKET:  return "'['";
    case TK_RBRACKET:  return "']'";
    case TK_COLON:     return "':'";
    case TK_ASSIGN:    return "'='";
    case TK_WHILE:     return "'while'";
    default:           return NULL;
    }
}

static bool has(const int *e, int n, int k)
{
    for (int i = 0; i < n; i++)
        if (e[i] == k)
            return true;
    return false;
}

void p_syntax_error(Parser *p, Tok *t, const int *exp, int n)
{
    if (p->failed)
        return;
    p->failed = true;
    Buf what = {0};
    bool expr = has(exp, n, TK_IDENT) && has(exp, n, TK_NUMBER);
    bool decl = has(exp, n, TK_INT) || has(exp, n, TK_TYPE_NAME);
    if (expr && decl)
        buf_puts(&what, "expected declaration or statement");
    else if (expr)
        buf_puts(&what, "expected expression");
    else if (has(exp, n, TK_IDENT) && has(exp, n, TK_LPAREN))
        buf_puts(&what, "expected identifier or '('");
    else if (decl && has(exp, n, TK_RBRACE))
        buf_puts(&what, "expected declaration or '}'");
    else if (decl)
        buf_puts(&what, "expected declaration specifiers");
    else {
        /* list the punctuation that would have fit, most telling first */
        static const int order[] = {TK_SEMI, TK_RPAREN, TK_RBRACKET, TK_RBRACE,
                                    TK_COMMA, TK_COLON, TK_LPAREN, TK_LBRACE,
                                    TK_ASSIGN, TK_WHILE, TK_IDENT, TK_STRING};
        int shown = 0;
        for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
            if (!has(exp, n, order[i]))
                continue;
            buf_puts(&what, shown == 0 ? "expected " : shown == 1 ? " or " : ", ");
            buf_puts(&what, tok_name(order[i]));
            if (++shown == 3)
                break;
        }
        if (!shown)
            buf_printf(&what, "unexpected '%.*s'", t->len, t->text);
    }
    Tok *prev = t->idx > 0 ? &p->u->toks[t->idx - 1] : NULL;
    if (t->kind == TK_LARROW) {
        /* `x <-1` inside an expression: C's x < -1, or a misplaced send */
        error_at_tok(t, "'<-' is the channel arrow: a send 'ch <- v;' is a statement "
                     "of its own; for a comparison with a negative value write '< -'");
        free(what.p);
        return;
    }
    if (t->kind == 0) {
        if (prev)
            error_after_tok(prev, "%s at end of input", what.p);
        else
            error_at_tok(t, "%s at end of input", what.p);
    } else if (prev && !expr && (has(exp, n, TK_SEMI) || has(exp, n, TK_RPAREN)) &&
               (prev->line != t->line || prev->file != t->file)) {
        /* a missing ';' or ')' belongs at the end of the previous line */
        error_after_tok(prev, "%s before '%.*s'", what.p, t->len, t->text);
    } else {
        error_at_tok(t, "%s before '%.*s'", what.p, t->len, t->text);
    }
    free(what.p);
}


/* ---- the dialect's contextual words ------------------------------------ */

static bool is_typedef_name(const Tok *t)
{
    if (t->kind != TK_IDENT)
        return false;
    Sym *s = scope_lookup(tok_str(t));
    return s && s->kind == SYM_TYPEDEF;
}

/* Basic type specifiers and qualifiers: single words of a type. */
static bool is_spec_word(int k)
{
    switch (k) {
    case TK_VOID: case TK_CHAR: case TK_SHORT: case TK_INT: case TK_LONG:
    case TK_FLOAT: case TK_DOUBLE: case TK_SIGNED: case TK_UNSIGNED:
    case TK_BOOL: case TK_COMPLEX: case TK_INT128: case TK_CONST:
    case TK_VOLATILE: case TK_RESTRICT: case TK_ATOMIC:
        return true;
    }
    return false;
}

/* Can a type name start at token i?  (a specifier, a qualifier, a typedef
 * name, or another channel type) */
static bool type_starts(Unit *u, int i)
{
    if (i >= u->ntoks)
        return false;
    const Tok *t = &u->toks[i];
    if (is_spec_word(t->kind))
        return true;
    switch (t->kind) {
    case TK_STRUCT: case TK_UNION: case TK_ENUM: case TK_TYPEOF:
        return true;
    case TK_CHAN:
        return type_starts(u, i + 1) || (i + 1 < u->ntoks && (u->toks[i + 1].kind == TK_LARROW ||
                                                            u->toks[i + 1].kind == TK_LPAREN));
    case TK_LARROW:
        return i + 1 < u->ntoks && u->toks[i + 1].kind == TK_CHAN && type_starts(u, i + 1);
    case TK_IDENT:
        return is_typedef_name(t);
    }
    return false;
}

/* The index of the token closing the group that opens at i; the last
 * token when it never closes (the grammar then reports the error). */
static int match_close(Unit *u, int i, int open, int close)
{
    int depth = 0;
    for (; i < u->ntoks; i++) {
        if (u->toks[i].kind == open)
            depth++;
        else if (u->toks[i].kind == close && --depth == 0)
            return i;
    }
    return u->ntoks - 1;
}

/* Is the `chan` at i the keyword?  It is when a type follows: a specifier,
 * `(type)` or `<-`. */
static bool chan_is_keyword(Unit *u, int i)
{
    if (i + 1 >= u->ntoks)
        return false;
    const Tok *n = &u->toks[i + 1];
    if (n->kind == TK_LARROW)
        return true;
    if (n->kind == TK_LPAREN)
        return type_starts(u, i + 2);
    return type_starts(u, i + 1);
}

/* The last token of the element type of the channel type whose `chan`
 * (and `<-`) end at i - 1: `(type)`, or the longest run of specifiers and
 * qualifiers, a single typedef name among them. */
static int chan_elem_end(Unit *u, int i)
{
    if (i < u->ntoks && u->toks[i].kind == TK_LPAREN)
        return match_close(u, i, TK_LPAREN, TK_RPAREN);
    int last = i - 1;
    bool named = false;
    while (i < u->ntoks) {
        Tok *t = &u->toks[i];
        if (is_spec_word(t->kind)) {
            named = true;
            last = i++;
            continue;
        }
        switch (t->kind) {
        case TK_STRUCT: case TK_UNION: case TK_ENUM:
            last = i++;
            while (i < u->ntoks && u->toks[i].kind == TK_ATTRIBUTE)
                i = match_close(u, i + 1, TK_LPAREN, TK_RPAREN) + 1;
            if (i < u->ntoks && u->toks[i].kind == TK_IDENT)
                last = i++;
            if (i < u->ntoks && u->toks[i].kind == TK_LBRACE)
                last = i = match_close(u, i, TK_LBRACE, TK_RBRACE), i++;
            named = true;
            continue;
        case TK_TYPEOF:
            last = i = match_close(u, i + 1, TK_LPAREN, TK_RPAREN);
            i++;
            named = true;
            continue;
        case TK_CHAN:
            if (!chan_is_keyword(u, i))
                break;
            i++;
            if (i < u->ntoks && u->toks[i].kind == TK_LARROW)
                i++;
            last = i = chan_elem_end(u, i);
            i++;
            named = true;
            continue;
        case TK_IDENT:
            if (named || !is_typedef_name(t))
                break;
            named = true;
            last = i++;
            continue;
        }
        break;
    }
    return last;
}

/* `go` and `defer` are statements where a statement may start and what
 * follows can be their operand; `go(x);` calls a function named go. */
static bool stmt_word_is_keyword(Unit *u, int i, int prev)
{
    switch (prev) {
    case 0: case TK_SEMI: case TK_LBRACE: case TK_RBRACE: case TK_COLON:
    case TK_RPAREN: case TK_ELSE: case TK_DO:
        break;
    default:
        return false;
    }
    if (i + 1 >= u->ntoks)
        return false;
    switch (u->toks[i + 1].kind) {
    case TK_IDENT: case TK_LBRACE: case TK_LARROW: case TK_STAR:
        return true;
    case TK_LPAREN: {       /* go (*fp)(x);  but go(x); is a call */
        int close = match_close(u, i + 1, TK_LPAREN, TK_RPAREN);
        return close + 1 < u->ntoks && u->toks[close + 1].kind == TK_LPAREN;
    }
    }
    return false;
}

/* ---- the driver loop -------------------------------------------------- */

/* Kinds after which an identifier can only be a declarator. */
static bool is_type_word(int k)
{
    switch (k) {
    case TK_VOID: case TK_CHAR: case TK_SHORT: case TK_INT: case TK_LONG:
    case TK_FLOAT: case TK_DOUBLE: case TK_SIGNED: case TK_UNSIGNED:
    case TK_BOOL: case TK_INT128: case TK_TYPE_NAME: case TK_CHAN_END:
        return true;
    }
    return false;
}

enum { BR_BLOCK, BR_TAG, BR_SELECT };

bool parse_unit(Unit *u)
{
    Parser p = {.u = u};
    scope_reset();
    seed_builtins();
    void *lp = CParseAlloc(malloc, &p);

    char *braces = NULL;        /* BR_* per open brace */
    char *case_scope = NULL;    /* BR_SELECT: a case's scope is open */
    int chan_ends[256], nchan_ends = 0;   /* where element types end, innermost last */
    int nbraces = 0, capbraces = 0;
    int prev = 0, prev2 = 0;    /* kinds of the last two tokens fed */
    bool tag_pending = false;   /* after struct/union/enum, before '{' or other */
    bool after_tag_body = false;

    for (int i = 0; i < u->ntoks && !p.failed; i++) {
        Tok *t = &u->toks[i];
        int k = t->kind;
        CParseFlush(lp);
        if (p.failed)
            break;

        /* the dialect's words (lex.c made them identifiers elsewhere) */
        if (k == TK_CHAN) {
            if (is_type_word(prev) || !chan_is_keyword(u, i))
                k = TK_IDENT;
            else {
                if (i + 1 < u->ntoks && u->toks[i + 1].kind == TK_LARROW) {
                    k = TK_CHAN_SEND;
                    t->end = i + 1;
                }
                chan_ends[nchan_ends++] = chan_elem_end(u, t->end + 1);
            }
        } else if (k == TK_LARROW && i + 1 < u->ntoks && u->toks[i + 1].kind == TK_CHAN &&
                   chan_is_keyword(u, i + 1)) {
            k = TK_CHAN_RECV;
            t->end = i + 1;
            chan_ends[nchan_ends++] = chan_elem_end(u, i + 2);
        } else if (k == TK_GO || k == TK_DEFER) {
            if (!stmt_word_is_keyword(u, i, prev))
                k = TK_IDENT;
        } else if (k == TK_SELECT) {
            if (i + 1 >= u->ntoks || u->toks[i + 1].kind != TK_LBRACE)
                k = TK_IDENT;
        } else if (u->dialect && !t->sys && k == TK_IDENT && tok_is(t, "make") &&
                   !is_type_word(prev) &&
                   i + 1 < u->ntoks && u->toks[i + 1].kind == TK_LPAREN &&
                   type_starts(u, i + 2)) {
            k = TK_MAKE;
        } else if ((k == TK_CASE || k == TK_DEFAULT) && nbraces > 0 &&
                   braces[nbraces - 1] == BR_SELECT) {
            if (case_scope[nbraces - 1])
                scope_pop();
            scope_push();
            case_scope[nbraces - 1] = true;
            k = k == TK_CASE ? TK_SCASE : TK_SDEFAULT;
        }
        if (nchan_ends == (int)(sizeof chan_ends / sizeof chan_ends[0]))
            fatal("channel types nested too deeply");

        if (k == TK_ATTRIBUTE) {
            int close = i + 1 < u->ntoks && u->toks[i + 1].kind == TK_LPAREN
                      ? match_close(u, i + 1, TK_LPAREN, TK_RPAREN) : -1;
            if (close < 0) {
                error_at_tok(t, "expected '(' after '%.*s'", t->len, t->text);
                p.failed = true;
                break;
            }
            t->end = close;
        } else if (k == TK_ATOMIC && i + 1 < u->ntoks && u->toks[i + 1].kind == TK_LPAREN) {
            k = TK_ATOMIC_LPAREN;
            t->end = i + 1;
        } else if (k == TK_IDENT) {
            Sym *s = scope_lookup(tok_str(t));
            bool declarator_only = is_type_word(prev) || after_tag_body ||
                                   ((prev == TK_IDENT || prev == TK_TYPE_NAME) &&
                                    (prev2 == TK_STRUCT || prev2 == TK_UNION || prev2 == TK_ENUM));
            if (s && s->kind == SYM_TYPEDEF && !declarator_only)
                k = TK_TYPE_NAME;
        }
        t->kind = k;

        if (k == TK_LBRACE) {
            if (nbraces == capbraces) {
                capbraces = capbraces ? capbraces * 2 : 64;
                braces = xrealloc(braces, (size_t)capbraces);
                case_scope = xrealloc(case_scope, (size_t)capbraces);
            }
            case_scope[nbraces] = false;
            braces[nbraces++] = tag_pending ? BR_TAG : prev == TK_SELECT ? BR_SELECT : BR_BLOCK;
            if (braces[nbraces - 1] == BR_BLOCK) {
                scope_push();
                if (p.kr_dcl) {         /* a K&R definition's body */
                    declare_params(p.kr_type);
                    declare_oldnames(p.kr_dcl);
                    p.kr_dcl = NULL;
                }
                p.in_kr = false;
            }
        }
        if (k == TK_LPAREN && prev == TK_FOR)
            scope_push();       /* closed by p_for_end */
        if (k == TK_STRUCT || k == TK_UNION || k == TK_ENUM)
            tag_pending = true;
        else if (k != TK_ATTRIBUTE && k != TK_IDENT && k != TK_TYPE_NAME)
            tag_pending = false;

        p.cur = t;
        CParse(lp, k, t);
        after_tag_body = false;
        if (k == TK_RBRACE && nbraces > 0) {
            int kind = braces[--nbraces];
            if (kind == BR_BLOCK || (kind == BR_SELECT && case_scope[nbraces]))
                scope_pop();
            else if (kind == BR_TAG)
                after_tag_body = true;
        }
        prev2 = prev;
        prev = k;
        i = t->end;
        /* close the element types of channel types that end here */
        while (nchan_ends > 0 && chan_ends[nchan_ends - 1] <= i && !p.failed) {
            nchan_ends--;
            Tok *z = xalloc(sizeof *z);
            *z = u->toks[i];
            z->kind = TK_CHAN_END;
            z->text += z->len;
            z->len = 0;
            CParseFlush(lp);
            p.cur = z;
            CParse(lp, TK_CHAN_END, z);
            prev2 = prev;
            prev = TK_CHAN_END;
        }
    }
    if (!p.failed) {
        p.cur = &u->toks[u->ntoks];
        CParse(lp, 0, p.cur);
    }
    CParseFree(lp, free);
    free(braces);
    free(case_scope);
    u->ast = p.result;
    return !p.failed && diag_errors == 0;
}

/* `go f(x);` / `defer f(x);`.  A compiler builtin has no function type to
 * build a thunk from (the <stdatomic.h> macros expand to __atomic_* calls),
 * so such a statement becomes the block `go { f(x); }`: its arguments are
 * evaluated when the call runs (man/gocc-dialect.7). */
Node *p_go_call(NodeKind k, Tok *kw, Node *call, Tok *semi)
{
    if (call->kind != N_CALL || !call->a || call->a->kind != N_IDENT ||
        !tok_is_builtin(call->a->tok))
        return mk2(k, kw, semi, call, NULL);
    Node *stmt = mk2(N_EXPR_STMT, call->first, semi, call, NULL);
    Node *blk = mk2(N_BLOCK, call->first, semi, stmt, NULL);
    return mk2(k, kw, semi, NULL, blk);
}
