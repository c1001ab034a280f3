/* test_parse.c — the grammar, the lexer hack and the declared types. */
#include "unit.h"

static char *type_of(Node *decl)
{
    Buf b = {0};
    ty_print(&b, decl->ty);
    return b.p;
}

Test(parse, typedef_name_starts_a_declaration)
{
    Unit *u = parsed("typedef int T; void f(void) { T * x; }");
    Node *body = nth_decl(u, 1)->b;
    cr_assert_eq(body->a->kind, N_DECLARATION, "T * x; declares x");
    cr_assert_str_eq(type_of(body->a->a), "pointer to T");
}

Test(parse, multiplication_of_variables_is_an_expression)
{
    Unit *u = parsed("int a, b; void f(void) { a * b; }");
    Node *stmt = nth_decl(u, 1)->b->a;
    cr_assert_eq(stmt->kind, N_EXPR_STMT);
    cr_assert_eq(stmt->a->kind, N_BINARY);
}

Test(parse, inner_variable_shadows_typedef)
{
    Unit *u = parsed("typedef int T; int f(void) { int T = 2; return T * 3; }");
    Node *ret = nth_decl(u, 1)->b->a->next;
    cr_assert_eq(ret->kind, N_RETURN);
    cr_assert_eq(ret->a->kind, N_BINARY, "T * 3 multiplies the variable");
}

Test(parse, typedef_visible_again_after_scope_ends)
{
    parsed("typedef int T; void f(void) { { double T = 1; (void)T; } T y = 0; (void)y; }");
}

Test(parse, parameter_shadows_typedef_in_body)
{
    Unit *u = parsed("typedef int T; int f(int T) { return T + 1; }");
    cr_assert_eq(nth_decl(u, 1)->b->a->a->kind, N_BINARY);
}

Test(parse, member_named_like_typedef)
{
    parsed("typedef int T; struct s { T T; int x; }; int g(struct s *p) { return p->T; }");
}

Test(parse, for_clause_scope_ends_with_the_statement)
{
    parsed("typedef int T; void f(void) { for (T T = 0; T < 3; T++) ; T after = 1; (void)after; }");
}

Test(parse, declarator_types)
{
    Unit *u = parsed("int (*fp[3])(char *, ...); char *(*g(void))[4];");
    cr_assert_str_eq(type_of(nth_decl(u, 0)->a),
                     "array of pointer to function(pointer to char, ...) returning int");
    cr_assert_str_eq(type_of(nth_decl(u, 1)->a),
                     "function(void) returning pointer to array of pointer to char");
}

Test(parse, struct_tag_refers_to_itself)
{
    Unit *u = parsed("struct node { struct node *next; int v; } n;");
    Type *t = nth_decl(u, 0)->a->ty;
    cr_assert_eq(t->kind, TY_STRUCT);
    cr_assert(t->complete);
    cr_assert_eq(t->members->ty->base, t, "next points to the same struct type");
}

Test(parse, gnu_extensions)
{
    parsed("struct __attribute__((packed)) p { char c; int i __attribute__((aligned(4))); };\n"
           "int f(int x) __asm__(\"g\") __attribute__((noinline));\n"
           "int h(int x) { __label__ out; void *l = &&out; int y = ({ int z = x; z * 2; });"
           " switch (x) { case 1 ... 3: y++; __attribute__((fallthrough)); default: break; }"
           " __asm__ volatile(\"\" : \"+r\"(y) : \"r\"(x) : \"memory\"); goto *l; out: return y; }\n"
           "__extension__ typedef __typeof__(1 + 1) I; _Static_assert(sizeof(I) == 4, \"int\");\n"
           "int k(int a[static 3]) { return _Generic(a[0], int: 1, default: 0); }\n");
}

Test(parse, old_style_definition_and_implicit_int)
{
    Unit *u = parsed("add(a, b) int a; int b; { return a + b; }\nstatic x = 3;");
    Node *f = nth_decl(u, 0);
    cr_assert_eq(f->kind, N_FUNCDEF);
    cr_assert_not_null(f->c, "K&R declarations kept");
    cr_assert_str_eq(type_of(nth_decl(u, 1)->a), "int");
}

Test(parse, spans_cover_whole_constructs)
{
    Unit *u = parsed("int main(void) { return (1 + 2) * 3; }");
    Node *ret = nth_decl(u, 0)->b->a;
    cr_assert(tok_is(ret->first, "return"));
    cr_assert(tok_is(ret->last, ";"));
    cr_assert(tok_is(ret->a->first, "("));
    cr_assert(tok_is(ret->a->last, "3"));
}

Test(parse, syntax_error_reports_expected_token, .init = cr_redirect_stderr)
{
    Unit *u = unit_from("int main(void)\n{\n    int x = 1\n    return x;\n}\n", true);
    cr_assert(lex_unit(u));
    cr_assert(!parse_unit(u));
    fflush(stderr);
    cr_assert_stderr_eq_str("test.gc:3:14: error: expected ';' or ',' before 'return'\n"
                            "    int x = 1\n"
                            "             ^\n");
}
