/* unit.h — helpers for the compiler's unit tests: a Unit from a string. */
#ifndef GOCC_TEST_UNIT_H
#define GOCC_TEST_UNIT_H

#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include "gocc.h"
#include "c.h"

static inline Unit *unit_from(const char *src, bool dialect)
{
    Unit *u = xalloc(sizeof *u);
    u->path = "test.gc";
    u->buf = xstrdup(src);
    u->len = strlen(src);
    u->dialect = dialect;
    return u;
}

static inline Unit *parsed(const char *src)
{
    Unit *u = unit_from(src, true);
    cr_assert(lex_unit(u), "lexing failed: %s", src);
    cr_assert(parse_unit(u), "parsing failed: %s", src);
    return u;
}

/* The n-th external declaration of a parsed unit. */
static inline Node *nth_decl(Unit *u, int n)
{
    Node *d = u->ast;
    while (d && n-- > 0)
        d = d->next;
    cr_assert_not_null(d);
    return d;
}
#endif
