/* test_emit.c — the token-preserving emitter. */
#include "unit.h"

static char *emitted(Unit *u, Edits *es)
{
    Buf b = {0};
    emit_unit(&b, u, es);
    return b.p ? b.p : xstrdup("");
}

Test(emit, unchanged_unit_is_reproduced_byte_for_byte)
{
    const char *src = "# 1 \"a.gc\"\n#pragma once\nint  main ( void ) {\n\treturn 0 ; /* c */ }\n";
    Unit *u = parsed(src);
    cr_assert_str_eq(emitted(u, NULL), src);
}

Test(emit, replacement_resyncs_line_and_column)
{
    Unit *u = parsed("# 5 \"a.gc\"\nint f(void) { return 1 + 2; }\nint g;\n");
    /* tokens: int f ( void ) { return 1 + 2 ; } int g ; */
    Edits es = {0};
    edits_add(&es, 7, 9, xstrdup("(3)"));
    cr_assert_str_eq(emitted(u, &es),
                     fmt("# 5 \"a.gc\"\nint f(void) { return (3)\n# 5 \"a.gc\"\n"
                         "%*s; }\nint g;\n", 26, ""));
}

Test(emit, edits_apply_in_token_order)
{
    Unit *u = parsed("int a = 1, b = 2;");
    Edits es = {0};
    edits_add(&es, 7, 7, xstrdup("20"));
    edits_add(&es, 3, 3, xstrdup("10"));
    char *out = emitted(u, &es);
    cr_assert(strstr(out, "int a = 10"), "%s", out);
    cr_assert(strstr(out, ", b = 20"), "%s", out);
}

Test(emit, grouped_attribute_is_replaced_whole)
{
    Unit *u = parsed("int x __attribute__((aligned(8))) = 1;");
    Edits es = {0};
    edits_add(&es, 2, 2, xstrdup("/*attr*/"));
    char *out = emitted(u, &es);
    cr_assert(strstr(out, "int x /*attr*/"), "%s", out);
    cr_assert(!strstr(out, "aligned"), "%s", out);
    cr_assert(strstr(out, "= 1;"), "%s", out);
}
