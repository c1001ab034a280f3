/* A small interpreter for an expression language with variables, while
   loops, if/else and print. Recursive-descent parser builds an AST which
   is then evaluated by a tree-walking evaluator. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

typedef enum { N_NUM, N_VAR, N_BIN, N_NEG, N_ASSIGN, N_PRINT, N_WHILE, N_IF, N_BLOCK } NodeKind;

typedef struct Node {
    NodeKind kind;
    long num;
    char name[16];
    int op;                       /* operator token for N_BIN */
    struct Node *a, *b, *c;       /* children */
    struct Node **items;          /* for N_BLOCK */
    int nitems;
} Node;

static const char *src;
static char tok[32];
static int tok_kind;              /* 'n' number, 'i' ident, 'k' keyword, 'o' operator, 0 eof */

static void next(void)
{
    while (isspace((unsigned char)*src)) src++;
    if (!*src) { tok_kind = 0; tok[0] = 0; return; }
    int n = 0;
    if (isdigit((unsigned char)*src)) {
        while (isdigit((unsigned char)*src)) tok[n++] = *src++;
        tok_kind = 'n';
    } else if (isalpha((unsigned char)*src)) {
        while (isalnum((unsigned char)*src)) tok[n++] = *src++;
        tok[n] = 0;
        tok_kind = (!strcmp(tok, "while") || !strcmp(tok, "if") || !strcmp(tok, "else") || !strcmp(tok, "print")) ? 'k' : 'i';
    } else {
        static const char *two[] = { "==", "!=", "<=", ">=", "&&", "||" };
        tok_kind = 'o';
        for (int i = 0; i < 6; i++)
            if (!strncmp(src, two[i], 2)) { tok[n++] = *src++; tok[n++] = *src++; goto done; }
        tok[n++] = *src++;
    }
done:
    tok[n] = 0;
}

static int is(const char *s) { return tok_kind && !strcmp(tok, s); }
static void expect(const char *s)
{
    if (!is(s)) { printf("parse error: expected '%s' got '%s'\n", s, tok); exit(1); }
    next();
}

static Node *new_node(NodeKind k)
{
    Node *n = calloc(1, sizeof *n);
    n->kind = k;
    return n;
}

static Node *expr(void);
static Node *stmt(void);

static Node *primary(void)
{
    if (tok_kind == 'n') { Node *n = new_node(N_NUM); n->num = strtol(tok, NULL, 10); next(); return n; }
    if (tok_kind == 'i') { Node *n = new_node(N_VAR); strcpy(n->name, tok); next(); return n; }
    if (is("(")) { next(); Node *n = expr(); expect(")"); return n; }
    if (is("-")) { next(); Node *n = new_node(N_NEG); n->a = primary(); return n; }
    printf("parse error at '%s'\n", tok);
    exit(1);
}

static int prec(const char *op)
{
    static const struct { const char *op; int p; } table[] = {
        { "||", 1 }, { "&&", 2 }, { "==", 3 }, { "!=", 3 }, { "<", 4 }, { ">", 4 }, { "<=", 4 },
        { ">=", 4 }, { "+", 5 }, { "-", 5 }, { "*", 6 }, { "/", 6 }, { "%", 6 },
    };
    for (size_t i = 0; i < sizeof table / sizeof *table; i++)
        if (!strcmp(op, table[i].op)) return table[i].p;
    return 0;
}

static int op_code(const char *s) { return s[1] ? (s[0] << 8 | s[1]) : s[0]; }

static Node *binary(int min_prec)
{
    Node *lhs = primary();
    while (tok_kind == 'o' && prec(tok) >= min_prec) {
        int p = prec(tok);
        int op = op_code(tok);
        next();
        Node *rhs = binary(p + 1);
        Node *n = new_node(N_BIN);
        n->op = op; n->a = lhs; n->b = rhs;
        lhs = n;
    }
    return lhs;
}

static Node *expr(void) { return binary(1); }

static Node *block(void)
{
    Node *n = new_node(N_BLOCK);
    expect("{");
    while (!is("}")) {
        n->items = realloc(n->items, (size_t)(n->nitems + 1) * sizeof *n->items);
        n->items[n->nitems++] = stmt();
    }
    next();
    return n;
}

static Node *stmt(void)
{
    if (is("{")) return block();
    if (is("print")) { next(); Node *n = new_node(N_PRINT); n->a = expr(); expect(";"); return n; }
    if (is("while")) { next(); Node *n = new_node(N_WHILE); expect("("); n->a = expr(); expect(")"); n->b = stmt(); return n; }
    if (is("if")) {
        next();
        Node *n = new_node(N_IF);
        expect("("); n->a = expr(); expect(")");
        n->b = stmt();
        if (is("else")) { next(); n->c = stmt(); }
        return n;
    }
    if (tok_kind == 'i') {
        Node *n = new_node(N_ASSIGN);
        strcpy(n->name, tok);
        next();
        expect("=");
        n->a = expr();
        expect(";");
        return n;
    }
    printf("parse error: unexpected '%s'\n", tok);
    exit(1);
}

static struct { char name[16]; long value; } vars[64];
static int nvars;
static long steps;

static long *lookup(const char *name)
{
    for (int i = 0; i < nvars; i++) if (!strcmp(vars[i].name, name)) return &vars[i].value;
    strcpy(vars[nvars].name, name);
    vars[nvars].value = 0;
    return &vars[nvars++].value;
}

static long eval(const Node *n)
{
    steps++;
    switch (n->kind) {
    case N_NUM: return n->num;
    case N_VAR: return *lookup(n->name);
    case N_NEG: return -eval(n->a);
    case N_BIN: {
        long l = eval(n->a);
        if (n->op == ('&' << 8 | '&')) return l ? eval(n->b) != 0 : 0;
        if (n->op == ('|' << 8 | '|')) return l ? 1 : eval(n->b) != 0;
        long r = eval(n->b);
        switch (n->op) {
        case '+': return l + r;
        case '-': return l - r;
        case '*': return l * r;
        case '/': return r ? l / r : 0;
        case '%': return r ? l % r : 0;
        case '<': return l < r;
        case '>': return l > r;
        case '=' << 8 | '=': return l == r;
        case '!' << 8 | '=': return l != r;
        case '<' << 8 | '=': return l <= r;
        case '>' << 8 | '=': return l >= r;
        }
        return 0;
    }
    case N_ASSIGN: return *lookup(n->name) = eval(n->a);
    case N_PRINT: printf("%ld\n", eval(n->a)); return 0;
    case N_WHILE: while (eval(n->a)) eval(n->b); return 0;
    case N_IF: if (eval(n->a)) eval(n->b); else if (n->c) eval(n->c); return 0;
    case N_BLOCK: for (int i = 0; i < n->nitems; i++) eval(n->items[i]); return 0;
    }
    return 0;
}

static const char program[] =
    "{ n = 10; a = 0; b = 1; i = 0;\n"
    "  while (i < n) { print a; t = a + b; a = b; b = t; i = i + 1; }\n"
    "  p = 2; count = 0;\n"
    "  while (p < 50) {\n"
    "    d = 2; prime = 1;\n"
    "    while (d * d <= p && prime) { if (p % d == 0) prime = 0; d = d + 1; }\n"
    "    if (prime) count = count + 1;\n"
    "    p = p + 1;\n"
    "  }\n"
    "  print count;\n"
    "  x = -(3 + 4) * 2 - -5; print x;\n"
    "  if (x > 0 || x == -9) print 1; else print 0;\n"
    "  g = 1071; h = 462; while (h != 0) { r = g % h; g = h; h = r; } print g;\n"
    "}\n";

int main(void)
{
    src = program;
    next();
    Node *root = stmt();
    eval(root);
    printf("variables: %d, eval steps: %ld\n", nvars, steps);
    for (int i = 0; i < nvars; i++) printf("%s=%ld ", vars[i].name, vars[i].value);
    printf("\n");
    return 0;
}
