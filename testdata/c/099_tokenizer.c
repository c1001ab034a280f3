/* A small C-like tokenizer: classifies identifiers, keywords, numbers,
   strings, chars, operators and comments, and prints a token stream
   plus summary statistics. */
#include <stdio.h>
#include <string.h>
#include <ctype.h>
#include <stdlib.h>

typedef enum {
    TK_EOF, TK_IDENT, TK_KEYWORD, TK_INT, TK_FLOAT, TK_STRING, TK_CHAR, TK_PUNCT, TK_COMMENT, TK_ERROR,
    TK__COUNT
} TokKind;

static const char *const kind_names[TK__COUNT] = {
    [TK_EOF] = "eof", [TK_IDENT] = "ident", [TK_KEYWORD] = "keyword", [TK_INT] = "int",
    [TK_FLOAT] = "float", [TK_STRING] = "string", [TK_CHAR] = "char", [TK_PUNCT] = "punct",
    [TK_COMMENT] = "comment", [TK_ERROR] = "error",
};

typedef struct {
    TokKind kind;
    const char *start;
    int len;
    int line, col;
} Token;

typedef struct {
    const char *src;
    const char *p;
    int line;
    const char *line_start;
} Lexer;

static const char *const keywords[] = {
    "int", "char", "return", "if", "else", "while", "for", "struct", "typedef", "static", "void", "sizeof",
};

static const char *const puncts[] = {   /* longest first */
    "<<=", ">>=", "...", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "+=", "-=",
    "*=", "/=", "%=", "&=", "|=", "^=", "##",
    "+", "-", "*", "/", "%", "<", ">", "=", "!", "~", "&", "|", "^", "?", ":", ";", ",", ".", "(", ")",
    "[", "]", "{", "}", "#",
};

static int is_keyword(const char *s, int len)
{
    for (size_t i = 0; i < sizeof keywords / sizeof *keywords; i++)
        if ((int)strlen(keywords[i]) == len && memcmp(keywords[i], s, (size_t)len) == 0) return 1;
    return 0;
}

static void lexer_init(Lexer *lx, const char *src)
{
    lx->src = lx->p = lx->line_start = src;
    lx->line = 1;
}

static void skip_space(Lexer *lx)
{
    while (*lx->p && isspace((unsigned char)*lx->p)) {
        if (*lx->p == '\n') { lx->line++; lx->line_start = lx->p + 1; }
        lx->p++;
    }
}

static Token make(Lexer *lx, TokKind k, const char *start)
{
    Token t = { k, start, (int)(lx->p - start), lx->line, (int)(start - lx->line_start) + 1 };
    return t;
}

static Token next_token(Lexer *lx)
{
    skip_space(lx);
    const char *s = lx->p;
    int start_line = lx->line;
    const char *start_ls = lx->line_start;
    if (!*s) return make(lx, TK_EOF, s);
    if (isalpha((unsigned char)*s) || *s == '_') {
        while (isalnum((unsigned char)*lx->p) || *lx->p == '_') lx->p++;
        return make(lx, is_keyword(s, (int)(lx->p - s)) ? TK_KEYWORD : TK_IDENT, s);
    }
    if (isdigit((unsigned char)*s) || (*s == '.' && isdigit((unsigned char)s[1]))) {
        int is_float = 0;
        if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
            lx->p += 2;
            while (isxdigit((unsigned char)*lx->p)) lx->p++;
        } else {
            while (isdigit((unsigned char)*lx->p)) lx->p++;
            if (*lx->p == '.') { is_float = 1; lx->p++; while (isdigit((unsigned char)*lx->p)) lx->p++; }
            if (*lx->p == 'e' || *lx->p == 'E') {
                is_float = 1; lx->p++;
                if (*lx->p == '+' || *lx->p == '-') lx->p++;
                while (isdigit((unsigned char)*lx->p)) lx->p++;
            }
        }
        while (strchr("uUlLfF", *lx->p) && *lx->p) lx->p++;
        return make(lx, is_float ? TK_FLOAT : TK_INT, s);
    }
    if (*s == '"' || *s == '\'') {
        char q = *s;
        lx->p++;
        while (*lx->p && *lx->p != q) {
            if (*lx->p == '\\' && lx->p[1]) lx->p++;
            if (*lx->p == '\n') return make(lx, TK_ERROR, s);
            lx->p++;
        }
        if (!*lx->p) return make(lx, TK_ERROR, s);
        lx->p++;
        return make(lx, q == '"' ? TK_STRING : TK_CHAR, s);
    }
    if (s[0] == '/' && s[1] == '/') {
        while (*lx->p && *lx->p != '\n') lx->p++;
        return make(lx, TK_COMMENT, s);
    }
    if (s[0] == '/' && s[1] == '*') {
        lx->p += 2;
        while (*lx->p && !(lx->p[0] == '*' && lx->p[1] == '/')) {
            if (*lx->p == '\n') { lx->line++; lx->line_start = lx->p + 1; }
            lx->p++;
        }
        if (*lx->p) lx->p += 2;
        Token t = make(lx, TK_COMMENT, s);
        t.line = start_line;
        t.col = (int)(s - start_ls) + 1;
        return t;
    }
    for (size_t i = 0; i < sizeof puncts / sizeof *puncts; i++) {
        size_t n = strlen(puncts[i]);
        if (strncmp(s, puncts[i], n) == 0) { lx->p += n; return make(lx, TK_PUNCT, s); }
    }
    lx->p++;
    return make(lx, TK_ERROR, s);
}

static const char sample[] =
    "/* sample program */\n"
    "typedef struct node { int value; struct node *next; } Node;\n"
    "static int sum(Node *n) {\n"
    "    int s = 0; // running total\n"
    "    for (; n != 0; n = n->next) s += n->value;\n"
    "    return s >> 1 <<= 2;\n"
    "}\n"
    "float f = 3.25e-2f + .5 + 0x1F + 42UL;\n"
    "char c = '\\n'; char *str = \"esc\\\"aped\";\n"
    "x ... y ## z @ ;\n";

int main(void)
{
    Lexer lx;
    lexer_init(&lx, sample);
    int counts[TK__COUNT] = { 0 };
    int total = 0;
    for (;;) {
        Token t = next_token(&lx);
        counts[t.kind]++;
        if (t.kind == TK_EOF) break;
        total++;
        if (t.kind != TK_COMMENT)
            printf("%2d:%-2d %-7s %.*s\n", t.line, t.col, kind_names[t.kind], t.len, t.start);
        else
            printf("%2d:%-2d %-7s (%d chars)\n", t.line, t.col, kind_names[t.kind], t.len);
    }
    printf("total tokens: %d\n", total);
    for (int k = 1; k < TK__COUNT; k++)
        if (counts[k]) printf("  %-8s %d\n", kind_names[k], counts[k]);
    printf("lines: %d\n", lx.line);
    return 0;
}
