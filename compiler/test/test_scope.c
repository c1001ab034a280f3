/* test_scope.c — the scoped symbol table. */
#include "unit.h"

static const char *S(const char *s)
{
    return intern(s, strlen(s));
}

Test(scope, inner_declaration_shadows_and_pops)
{
    scope_reset();
    scope_declare(scope_cur(), S("x"), SYM_TYPEDEF, ty_basic(TY_INT), NULL);
    scope_push();
    cr_assert_eq(scope_depth(), 1);
    scope_declare(scope_cur(), S("x"), SYM_VAR, ty_basic(TY_LONG), NULL);
    cr_assert_eq(scope_lookup(S("x"))->kind, SYM_VAR);
    scope_pop();
    cr_assert_eq(scope_lookup(S("x"))->kind, SYM_TYPEDEF);
    cr_assert_null(scope_lookup(S("y")));
}

Test(scope, redeclaration_in_same_scope_replaces)
{
    scope_reset();
    Sym *a = scope_declare(scope_cur(), S("f"), SYM_VAR, ty_basic(TY_INT), NULL);
    Sym *b = scope_declare(scope_cur(), S("f"), SYM_FUNC, ty_basic(TY_INT), NULL);
    cr_assert_eq(a, b);
    cr_assert_eq(scope_lookup(S("f"))->kind, SYM_FUNC);
}

Test(scope, tags_are_a_separate_namespace)
{
    scope_reset();
    Type *st = ty_new(TY_STRUCT);
    scope_declare_tag(scope_cur(), S("s"), st, NULL);
    scope_declare(scope_cur(), S("s"), SYM_VAR, ty_basic(TY_INT), NULL);
    cr_assert_eq(scope_lookup_tag(S("s"))->ty, st);
    cr_assert_eq(scope_lookup(S("s"))->kind, SYM_VAR);
}

Test(scope, many_names)
{
    scope_reset();
    char name[16];
    for (int i = 0; i < 5000; i++) {
        snprintf(name, sizeof name, "v%d", i);
        scope_declare(scope_cur(), S(name), SYM_VAR, ty_basic(TY_INT), NULL);
    }
    for (int i = 0; i < 5000; i += 499) {
        snprintf(name, sizeof name, "v%d", i);
        cr_assert_not_null(scope_lookup(S(name)));
    }
}
