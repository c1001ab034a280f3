/* test_dialect.c — parsing the dialect: contextual words, channel types. */
#include "unit.h"

static char *type_of(Node *decl)
{
    Buf b = {0};
    ty_print(&b, decl->ty);
    return b.p;
}

Test(dialect, channel_types_follow_the_declarator_rule)
{
    Unit *u = parsed("chan int *p; chan<- chan int s; <-chan long r; chan (char *) n;"
                     "chan (<-chan int) cr; chan int arr[4];");
    cr_assert_str_eq(type_of(nth_decl(u, 0)->a), "pointer to chan int");
    cr_assert_str_eq(type_of(nth_decl(u, 1)->a), "chan<- chan int");
    cr_assert_str_eq(type_of(nth_decl(u, 2)->a), "<-chan long");
    cr_assert_str_eq(type_of(nth_decl(u, 3)->a), "chan pointer to char");
    cr_assert_str_eq(type_of(nth_decl(u, 4)->a), "chan <-chan int");
    cr_assert_str_eq(type_of(nth_decl(u, 5)->a), "array of chan int");
}

Test(dialect, words_are_identifiers_where_the_grammar_does_not_need_them)
{
    Unit *u = parsed("int go(int x); int select(int, int);"
                     "void f(void) { int chan = 1, defer = 2; chan = defer; go(chan); select(1, 2); }");
    Node *body = nth_decl(u, 2)->b;
    Node *stmt = body->a->next;             /* chan = defer; */
    cr_assert_eq(stmt->kind, N_EXPR_STMT);
    cr_assert_eq(stmt->a->kind, N_ASSIGN);
    cr_assert_eq(stmt->next->a->kind, N_CALL, "go(chan) is a call");
    cr_assert_eq(stmt->next->next->a->kind, N_CALL, "select(1, 2) is a call");
}

Test(dialect, statements)
{
    Unit *u = parsed("void w(chan int c);"
                     "void f(chan int c) { c <- 1; int v = <-c; go w(c); go { c <- 2; }"
                     " for (int x : c) v += x; select { case int y = <-c: break; default: ; } }");
    Node *s = nth_decl(u, 1)->b->a;
    NodeKind want[] = {N_SEND, N_DECLARATION, N_GO, N_GO, N_FOR_RANGE, N_SELECT};
    for (int i = 0; i < 6; i++, s = s->next)
        cr_assert_eq(s->kind, want[i], "statement %d is %s", i, node_kind_name(s->kind));
}

Test(dialect, make_takes_a_type)
{
    Unit *u = parsed("typedef chan int IntChan; void f(void) { IntChan c = make(IntChan, 2); }");
    Node *init = nth_decl(u, 1)->b->a->a->a;
    cr_assert_eq(init->kind, N_MAKE);
    cr_assert_eq(init->ty->kind, TY_CHAN);
}

Test(dialect, plain_c_keeps_the_words, .init = cr_redirect_stderr)
{
    Unit *u = unit_from("int chan(int go) { return go <-1; }", false);
    cr_assert(lex_unit(u));
    cr_assert(parse_unit(u), "in .c files, go <-1 compares");
}
