/* test_lex.c — the re2c scanner and lex.c's line-marker tracking. */
#include "unit.h"

static Unit *lexed(const char *src, bool dialect)
{
    Unit *u = unit_from(src, dialect);
    cr_assert(lex_unit(u));
    return u;
}

Test(lex, kinds_and_spellings)
{
    Unit *u = lexed("int x = a->b + 0x1p-3 * 1e+5f; ... <<= >>=", false);
    int want[] = {TK_INT, TK_IDENT, TK_ASSIGN, TK_IDENT, TK_ARROW, TK_IDENT,
                  TK_PLUS, TK_NUMBER, TK_STAR, TK_NUMBER, TK_SEMI, TK_ELLIPSIS,
                  TK_SHL_ASSIGN, TK_SHR_ASSIGN};
    cr_assert_eq(u->ntoks, (int)(sizeof want / sizeof want[0]));
    for (int i = 0; i < u->ntoks; i++)
        cr_assert_eq(u->toks[i].kind, want[i], "token %d", i);
    cr_assert(tok_is(&u->toks[7], "0x1p-3"));
    cr_assert(tok_is(&u->toks[9], "1e+5f"));
    cr_assert_eq(u->toks[u->ntoks].kind, 0, "sentinel");
}

Test(lex, gnu_keywords_are_keywords)
{
    Unit *u = lexed("__attribute__ __extension__ __typeof__ __asm__ __inline__ "
                    "__restrict __int128 __builtin_va_arg __label__ __auto_type", false);
    int want[] = {TK_ATTRIBUTE, TK_EXTENSION, TK_TYPEOF, TK_ASM, TK_INLINE,
                  TK_RESTRICT, TK_INT128, TK_VA_ARG, TK_LOCAL_LABEL, TK_AUTO_TYPE};
    for (int i = 0; i < u->ntoks; i++)
        cr_assert_eq(u->toks[i].kind, want[i], "token %d", i);
}

Test(lex, literals_with_prefixes)
{
    Unit *u = lexed("L\"w\" u8\"s\" U'c' '\\'' \"a\\\"b\"", false);
    cr_assert_eq(u->ntoks, 5);
    cr_assert_eq(u->toks[0].kind, TK_STRING);
    cr_assert_eq(u->toks[1].kind, TK_STRING);
    cr_assert_eq(u->toks[2].kind, TK_CHARCONST);
    cr_assert_eq(u->toks[3].kind, TK_CHARCONST);
    cr_assert(tok_is(&u->toks[4], "\"a\\\"b\""));
}

Test(lex, digraphs)
{
    Unit *u = lexed("<: :> <% %>", false);
    cr_assert_eq(u->toks[0].kind, TK_LBRACKET);
    cr_assert_eq(u->toks[1].kind, TK_RBRACKET);
    cr_assert_eq(u->toks[2].kind, TK_LBRACE);
    cr_assert_eq(u->toks[3].kind, TK_RBRACE);
}

Test(lex, line_markers_set_file_line_and_system_flag)
{
    Unit *u = lexed("# 1 \"a.gc\"\nint a;\n# 40 \"/usr/include/x.h\" 1 3 4\nint b;\n"
                    "# 7 \"a.gc\" 2\n\n  int c;\n", false);
    cr_assert_eq(u->ntoks, 9);
    cr_assert_str_eq(u->toks[0].file, "a.gc");
    cr_assert_eq(u->toks[0].line, 1);
    cr_assert(!u->toks[0].sys);
    cr_assert_str_eq(u->toks[3].file, "/usr/include/x.h");
    cr_assert_eq(u->toks[3].line, 40);
    cr_assert(u->toks[3].sys);
    cr_assert_str_eq(u->toks[6].file, "a.gc");
    cr_assert_eq(u->toks[6].line, 8);
    cr_assert_eq(u->toks[6].col, 3);
    cr_assert(!u->toks[6].sys);
}

Test(lex, arrow_is_one_token_only_in_dialect_source)
{
    Unit *d = lexed("x <- c", true);
    cr_assert_eq(d->ntoks, 3);
    cr_assert_eq(d->toks[1].kind, TK_LARROW);
    Unit *c = lexed("x <- c", false);
    cr_assert_eq(c->ntoks, 4);
    cr_assert_eq(c->toks[1].kind, TK_LT);
    cr_assert_eq(c->toks[2].kind, TK_MINUS);
}

Test(lex, arrow_splits_inside_system_headers)
{
    Unit *u = lexed("# 1 \"/usr/include/h.h\" 1 3\nx<-1;\n", true);
    cr_assert_eq(u->toks[1].kind, TK_LT);
    cr_assert_eq(u->toks[2].kind, TK_MINUS);
}

Test(lex, comments_and_pragmas_are_not_tokens)
{
    Unit *u = lexed("a /* x\ny */ b // z\n#pragma once\nc", false);
    cr_assert_eq(u->ntoks, 3);
    cr_assert_eq(u->toks[1].line, 2);
    cr_assert_eq(u->toks[2].line, 4);
}

Test(lex, stray_character_is_an_error, .init = cr_redirect_stderr)
{
    Unit *u = unit_from("int @;", false);
    cr_assert(!lex_unit(u));
    fflush(stderr);
    cr_assert_stderr_eq_str("test.gc:1:5: error: stray '@' in program\nint @;\n    ^\n");
}
