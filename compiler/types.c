/*
 * types.c — the type representation: basic types, pointers, arrays,
 * functions with their parameters, struct/union/enum with members, typedef
 * names and qualifiers; declaration specifiers and declarators.
 *
 * Types are built once and shared; a qualified or typedef-named type is a
 * shallow copy whose `origin` points back, so identity questions (is this
 * the same struct?) compare tags, not copies.
 */
#include "gocc.h"
#include "c.h"

Type *ty_new(TypeKind k)
{
    Type *t = xalloc(sizeof *t);
    t->kind = k;
    t->complete = true;
    return t;
}

Type *ty_basic(TypeKind k)
{
    static Type *cache[TY_CHAN + 1];
    if (!cache[k]) {
        cache[k] = ty_new(k);
        cache[k]->is_unsigned = k == TY_BOOL || k == TY_UCHAR || k == TY_USHORT ||
                                k == TY_UINT || k == TY_ULONG || k == TY_ULLONG ||
                                k == TY_UINT128;
    }
    return cache[k];
}

Type *ty_ptr(Type *base)
{
    Type *t = ty_new(TY_PTR);
    t->base = base;
    return t;
}

Type *ty_array(Type *base, Node *len)
{
    Type *t = ty_new(TY_ARRAY);
    t->base = base;
    t->len = len;
    t->complete = len != NULL;
    return t;
}

Type *ty_func(Type *ret, Param *params, bool variadic, bool oldstyle)
{
    Type *t = ty_new(TY_FUNC);
    t->base = ret;
    t->params = params;
    t->variadic = variadic;
    t->oldstyle = oldstyle;
    t->prototyped = !oldstyle;
    return t;
}

Type *ty_qualified(Type *t, int quals)
{
    if (!quals || (t->quals & quals) == quals)
        return t;
    Type *q = xalloc(sizeof *q);
    *q = *t;
    q->quals |= quals;
    q->origin = t->origin ? t->origin : t;
    return q;
}

Type *ty_typedef(Type *t, const char *name)
{
    Type *q = xalloc(sizeof *q);
    *q = *t;
    q->name = name;
    q->origin = t->origin ? t->origin : t;
    return q;
}

Type *ty_chan(Type *elem, int dir)
{
    Type *t = ty_new(TY_CHAN);
    t->base = elem;
    t->dir = dir;
    return t;
}

bool ty_is_integer(const Type *t)
{
    return (t->kind >= TY_BOOL && t->kind <= TY_UINT128) || t->kind == TY_ENUM;
}

bool ty_is_arith(const Type *t)
{
    return ty_is_integer(t) || (t->kind >= TY_FLOAT && t->kind <= TY_FLOATN);
}

bool ty_is_scalar(const Type *t)
{
    return ty_is_arith(t) || t->kind == TY_PTR;
}

static const char *basic_name(TypeKind k)
{
    static const char *names[] = {
        [TY_VOID] = "void", [TY_BOOL] = "_Bool", [TY_CHAR] = "char",
        [TY_SCHAR] = "signed char", [TY_UCHAR] = "unsigned char",
        [TY_SHORT] = "short", [TY_USHORT] = "unsigned short", [TY_INT] = "int",
        [TY_UINT] = "unsigned int", [TY_LONG] = "long",
        [TY_ULONG] = "unsigned long", [TY_LLONG] = "long long",
        [TY_ULLONG] = "unsigned long long", [TY_INT128] = "__int128",
        [TY_UINT128] = "unsigned __int128", [TY_FLOAT] = "float",
        [TY_DOUBLE] = "double", [TY_LDOUBLE] = "long double",
        [TY_TYPEOF] = "typeof(...)", [TY_AUTO] = "__auto_type",
    };
    return k < sizeof names / sizeof names[0] ? names[k] : NULL;
}

void ty_print(Buf *b, const Type *t)
{
    if (!t) {
        buf_puts(b, "?");
        return;
    }
    if (t->quals & Q_CONST)
        buf_puts(b, "const ");
    if (t->quals & Q_VOLATILE)
        buf_puts(b, "volatile ");
    if (t->name && t->kind != TY_FLOATN && t->kind != TY_BUILTIN) {
        buf_puts(b, t->name);
        return;
    }
    switch (t->kind) {
    case TY_PTR:
        buf_puts(b, "pointer to ");
        ty_print(b, t->base);
        return;
    case TY_ARRAY:
        buf_puts(b, t->len ? "array of " : "array[] of ");
        ty_print(b, t->base);
        return;
    case TY_FUNC:
        buf_puts(b, "function(");
        if (!t->params && t->prototyped && !t->variadic)
            buf_puts(b, "void");
        for (Param *p = t->params; p; p = p->next) {
            ty_print(b, p->ty);
            if (p->next)
                buf_puts(b, ", ");
        }
        if (t->variadic)
            buf_puts(b, ", ...");
        buf_puts(b, ") returning ");
        ty_print(b, t->base);
        return;
    case TY_STRUCT:
    case TY_UNION:
    case TY_ENUM:
        buf_puts(b, t->kind == TY_STRUCT ? "struct " : t->kind == TY_UNION ? "union " : "enum ");
        if (t->tag)
            buf_add(b, t->tag->text, (size_t)t->tag->len);
        else
            buf_puts(b, "<anonymous>");
        return;
    case TY_FLOATN:
    case TY_BUILTIN:
        buf_puts(b, t->name);
        return;
    case TY_CHAN:
        buf_puts(b, t->dir == CH_SEND ? "chan<- " : t->dir == CH_RECV ? "<-chan " : "chan ");
        ty_print(b, t->base);
        return;
    default:
        if (t->is_complex)
            buf_puts(b, "_Complex ");
        buf_puts(b, basic_name(t->kind));
    }
}

/* ---- declaration specifiers ------------------------------------------- */

DeclSpec *ds_new(Tok *first)
{
    DeclSpec *ds = xalloc(sizeof *ds);
    ds->first = ds->last = first;
    return ds;
}

void ds_keyword(DeclSpec *ds, Tok *t)
{
    ds->last = t;
    switch (t->kind) {
    case TK_TYPEDEF:  ds->storage = SC_TYPEDEF; return;
    case TK_EXTERN:   ds->storage = SC_EXTERN; return;
    case TK_STATIC:   ds->storage = SC_STATIC; return;
    case TK_AUTO:     ds->storage = SC_AUTO; return;
    case TK_REGISTER: ds->storage = SC_REGISTER; return;
    case TK_THREAD_LOCAL: ds->thread_local = true; return;
    case TK_INLINE:   ds->is_inline = true; return;
    case TK_NORETURN: ds->noreturn = true; return;
    case TK_CONST:    ds->quals |= Q_CONST; return;
    case TK_VOLATILE: ds->quals |= Q_VOLATILE; return;
    case TK_RESTRICT: ds->quals |= Q_RESTRICT; return;
    case TK_ATOMIC:   ds->quals |= Q_ATOMIC; return;
    case TK_VOID:     ds->counter += K_VOID; return;
    case TK_BOOL:     ds->counter += K_BOOL; return;
    case TK_CHAR:     ds->counter += K_CHAR; return;
    case TK_SHORT:    ds->counter += K_SHORT; return;
    case TK_INT:      ds->counter += K_INT; return;
    case TK_LONG:     ds->counter += K_LONG; return;
    case TK_FLOAT:    ds->counter += K_FLOAT; return;
    case TK_DOUBLE:   ds->counter += K_DOUBLE; return;
    case TK_SIGNED:   ds->counter |= K_SIGNED; return;
    case TK_UNSIGNED: ds->counter |= K_UNSIGNED; return;
    case TK_INT128:   ds->counter |= K_INT128; return;
    case TK_COMPLEX:
    case TK_IMAGINARY: ds->counter |= K_COMPLEX; return;
    case TK_AUTO_TYPE: ds->ty = ty_basic(TY_AUTO); ds->counter += K_OTHER; return;
    default:          return;   /* attributes, nullability */
    }
}

void ds_type(DeclSpec *ds, Type *ty, Tok *last)
{
    ds->last = last;
    if (!ty)
        return;             /* _Alignas */
    ds->ty = ty;
    ds->counter += K_OTHER;
}

static Type *resolve(DeclSpec *ds)
{
    int c = ds->counter & ~K_COMPLEX;
    bool u = c & K_UNSIGNED;
    int base = c & ~(K_SIGNED | K_UNSIGNED);
    if (c & K_INT128)
        return ty_basic(u ? TY_UINT128 : TY_INT128);
    if (base == K_OTHER)
        return ds->ty;
    switch (base) {
    case 0:
        return ty_basic(u ? TY_UINT : TY_INT);     /* `unsigned`, implicit int */
    case K_VOID:
        return ty_basic(TY_VOID);
    case K_BOOL:
        return ty_basic(TY_BOOL);
    case K_CHAR:
        return ty_basic(u ? TY_UCHAR : (c & K_SIGNED) ? TY_SCHAR : TY_CHAR);
    case K_SHORT:
    case K_SHORT + K_INT:
        return ty_basic(u ? TY_USHORT : TY_SHORT);
    case K_INT:
        return ty_basic(u ? TY_UINT : TY_INT);
    case K_LONG:
    case K_LONG + K_INT:
        return ty_basic(u ? TY_ULONG : TY_LONG);
    case K_LONG + K_LONG:
    case K_LONG + K_LONG + K_INT:
        return ty_basic(u ? TY_ULLONG : TY_LLONG);
    case K_FLOAT:
        return ty_basic(TY_FLOAT);
    case K_DOUBLE:
        return ty_basic(TY_DOUBLE);
    case K_LONG + K_DOUBLE:
        return ty_basic(TY_LDOUBLE);
    }
    return ty_basic(TY_INT);    /* invalid combination: cc reports it */
}

Type *ds_finish(DeclSpec *ds)
{
    if (ds->resolved)
        return ds->resolved;
    Type *t = resolve(ds);
    if (ds->counter & K_COMPLEX) {
        Type *c = xalloc(sizeof *c);
        *c = *t;
        c->is_complex = true;
        c->origin = t;
        t = c;
    }
    return ds->resolved = ty_qualified(t, ds->quals);
}

/* ---- declarators ------------------------------------------------------ */

Declarator *dcl_new(Tok *name)
{
    Declarator *d = xalloc(sizeof *d);
    d->name = name;
    return d;
}

void dcl_push(Declarator *d, Deriv x)
{
    if (d->nd == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 4;
        d->d = xrealloc(d->d, (size_t)d->cap * sizeof(Deriv));
    }
    d->d[d->nd++] = x;
}

void dcl_append(Declarator *d, const Declarator *outer)
{
    for (int i = 0; i < outer->nd; i++)
        dcl_push(d, outer->d[i]);
}

Type *dcl_apply(const Declarator *d, Type *base)
{
    if (!d)
        return base;
    Type *t = base;
    for (int i = d->nd - 1; i >= 0; i--) {
        const Deriv *x = &d->d[i];
        switch (x->kind) {
        case D_PTR:
            t = ty_qualified(ty_ptr(t), x->quals);
            break;
        case D_ARRAY:
            t = ty_array(t, x->len);
            break;
        case D_FUNC: {
            Param *ps = x->params;
            if (ps && !ps->next && !ps->name && ps->ty->kind == TY_VOID && !ps->ty->quals)
                ps = NULL;          /* (void): no parameters */
            t = ty_func(t, ps, x->variadic, x->oldstyle);
            break;
        }
        }
    }
    return t;
}

Param *dcl_params(const Declarator *d)
{
    /* The function's own parameter list is the derivation nearest the name. */
    for (int i = 0; i < d->nd; i++)
        if (d->d[i].kind == D_FUNC)
            return d->d[i].params;
    return NULL;
}
