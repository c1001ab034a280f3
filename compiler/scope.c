/*
 * scope.c — the scoped symbol table.
 *
 * Ordinary identifiers (variables, functions, typedef names, enumeration
 * constants) and tags (struct/union/enum) live in separate namespaces, each
 * a chain of block scopes.  The parser asks it whether an identifier is a
 * typedef name at the point where the token is read (the "lexer hack"), so a
 * declaration must enter its scope as soon as its declarator is complete.
 */
#include "gocc.h"

static Scope file_scope;
static Scope *cur = &file_scope;

static unsigned slot(const char *name, unsigned n)
{
    /* names are interned: the pointer identifies the string */
    return (unsigned)(((uintptr_t)name >> 4) * 2654435761u) % n;
}

void scope_reset(void)
{
    memset(&file_scope, 0, sizeof file_scope);
    cur = &file_scope;
}

void scope_push(void)
{
    Scope *s = xalloc(sizeof *s);
    s->up = cur;
    s->depth = cur->depth + 1;
    cur = s;
}

void scope_pop(void)
{
    if (cur->up)
        cur = cur->up;
}

int scope_depth(void)
{
    return cur->depth;
}

Scope *scope_cur(void)
{
    return cur;
}

Sym *scope_declare(Scope *s, const char *name, SymKind kind, Type *ty, Tok *tok)
{
    unsigned h = slot(name, 64);
    for (Sym *e = s->tab[h]; e; e = e->next)
        if (e->name == name) {      /* redeclaration in the same scope */
            e->kind = kind;
            e->ty = ty;
            e->tok = tok;
            e->sysdecl |= tok && tok->sys;
            return e;
        }
    Sym *e = xalloc(sizeof *e);
    e->name = name;
    e->kind = kind;
    e->ty = ty;
    e->tok = tok;
    e->sysdecl = tok && tok->sys;
    e->depth = s->depth;
    e->next = s->tab[h];
    s->tab[h] = e;
    return e;
}

Sym *scope_lookup(const char *name)
{
    unsigned h = slot(name, 64);
    for (Scope *s = cur; s; s = s->up)
        for (Sym *e = s->tab[h]; e; e = e->next)
            if (e->name == name)
                return e;
    return NULL;
}

Sym *scope_declare_tag(Scope *s, const char *name, Type *ty, Tok *tok)
{
    Sym *e = xalloc(sizeof *e);
    unsigned h = slot(name, 16);
    e->name = name;
    e->ty = ty;
    e->tok = tok;
    e->sysdecl = tok && tok->sys;
    e->depth = s->depth;
    e->next = s->tags[h];
    s->tags[h] = e;
    return e;
}

Sym *scope_lookup_tag(const char *name)
{
    unsigned h = slot(name, 16);
    for (Scope *s = cur; s; s = s->up)
        for (Sym *e = s->tags[h]; e; e = e->next)
            if (e->name == name)
                return e;
    return NULL;
}
