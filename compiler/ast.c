/*
 * ast.c — AST nodes: construction, lists, and a debugging dump
 * (`gocc --dump-ast`).
 *
 * Every node records the first and last token it covers, so the emitter can
 * replace exactly that span of the original text when a node is lowered.
 */
#include "gocc.h"

#include <stdlib.h>

Node *mk(NodeKind k, Tok *first, Tok *last)
{
    Node *n = xalloc(sizeof *n);
    n->kind = k;
    n->first = first;
    n->last = last;
    return n;
}

Node *mk2(NodeKind k, Tok *first, Tok *last, Node *a, Node *b)
{
    Node *n = mk(k, first, last);
    n->a = a;
    n->b = b;
    return n;
}

Node *list_append(Node *list, Node *item)
{
    if (!list)
        return item;
    Node *n = list;
    while (n->next)
        n = n->next;
    n->next = item;
    return list;
}

int list_len(const Node *n)
{
    int k = 0;
    for (; n; n = n->next)
        k++;
    return k;
}

const char *node_kind_name(NodeKind k)
{
    static const char *names[] = {
        "decl", "declaration", "funcdef", "static_assert", "asm_top", "empty",
        "block", "expr_stmt", "if", "while", "do", "for", "switch",
        "case", "case_range", "default", "label", "goto", "goto_ptr",
        "break", "continue", "return", "asm", "local_label",
        "ident", "num", "char", "str", "binary", "assign", "cond", "comma",
        "cast", "unary", "postinc", "postdec", "preinc", "predec", "addr",
        "deref", "sizeof_expr", "sizeof_type", "alignof_expr", "alignof_type",
        "index", "call", "member", "arrow", "compound_lit", "stmt_expr",
        "generic", "generic_assoc", "label_addr", "va_arg", "offsetof",
        "types_compat", "convertvector", "extension", "real", "imag",
        "init_list", "desig_init", "desig_field", "desig_index", "desig_range",
        "type_name", "asm_operand",
        "chan_type", "recv", "send", "make", "go", "defer", "select",
        "select_case", "for_range",
    };
    return k < sizeof names / sizeof names[0] ? names[k] : "?";
}

void ast_dump(FILE *out, const Node *n, int indent)
{
    for (; n; n = n->next) {
        fprintf(out, "%*s%s", indent, "", node_kind_name(n->kind));
        if (n->tok)
            fprintf(out, " '%.*s'", n->tok->len, n->tok->text);
        if (n->ty && (n->kind == N_DECL || n->kind == N_CAST ||
                      n->kind == N_TYPE_NAME || n->kind == N_SIZEOF_TYPE)) {
            Buf b = {0};
            ty_print(&b, n->ty);
            fprintf(out, " : %s", b.p);
            free(b.p);
        }
        if (n->kind == N_IDENT && n->sym)
            fprintf(out, n->sym->kind == SYM_TYPEDEF ? " (typedef)" : " (declared)");
        fprintf(out, "  [%d:%d-%d:%d]\n", n->first->line, n->first->col,
                n->last->line, n->last->col + n->last->len);
        const Node *kids[] = {n->a, n->b, n->c, n->d};
        for (int i = 0; i < 4; i++)
            if (kids[i])
                ast_dump(out, kids[i], indent + 2);
    }
}
