/*
 * lexer.re — the C11 + GNU scanner (re2c source; the generated C goes to
 * build/gen/lexer.c).
 *
 * The input is preprocessed text, NUL-terminated.  lex_scan() returns one
 * token at a time; compiler/lex.c drives it, tracks the line markers and
 * builds the token array.  Whitespace, comments and directive lines come
 * back as pseudo-kinds (LEX_*) so that the emitter can reprint them.
 *
 * The dialect arrow `<-` is one token here (TK_LARROW); lex.c splits it
 * back into `<` `-` wherever the dialect is off (system headers, .c files).
 */
#include "gocc.h"
#include "c.h"

int lex_scan(const char **cursor, const char *limit, const char **start)
{
    const unsigned char *cur = (const unsigned char *)*cursor;
    const unsigned char *lim = (const unsigned char *)limit;
    const unsigned char *mar;
    (void)mar;

    *start = (const char *)cur;
    if (cur >= lim)
        return 0;
#define RET(k) do { *cursor = (const char *)cur; return (k); } while (0)
    /*!re2c
    re2c:define:YYCTYPE  = "unsigned char";
    re2c:define:YYCURSOR = cur;
    re2c:define:YYMARKER = mar;
    re2c:yyfill:enable   = 0;

    nl      = "\n";
    sp      = [ \t\v\f\r];
    idstart = [a-zA-Z_$] | "\\u" [0-9a-fA-F]{4} | "\\U" [0-9a-fA-F]{8} | [\x80-\xff];
    idchar  = idstart | [0-9];
    ppnum   = "."? [0-9] ([0-9a-zA-Z_.] | [eEpP] [+-] | "'" [0-9a-zA-Z_])*;
    esc     = "\\" [^\n\x00];
    cprefix = "L" | "u" | "U" | "u8";

    "\x00"                       { if ((const char *)cur > limit) { cur--; RET(0); } RET(LEX_BAD); }
    sp+                          { RET(LEX_SPACE); }
    nl                           { RET(LEX_NEWLINE); }
    "\\" nl                      { RET(LEX_SPACE); }
    "/*" ([^*\x00] | "*"+ [^*/\x00])* "*"+ "/"  { RET(LEX_SPACE); }
    "//" [^\n\x00]*              { RET(LEX_SPACE); }
    ("#" | "%:") [^\n\x00]*      { RET(LEX_DIRECTIVE); }

    idstart idchar*              { RET(lex_keyword(*start, (int)((const char *)cur - *start))); }
    ppnum                        { RET(TK_NUMBER); }
    cprefix? "'" ([^'\\\n\x00] | esc)* "'"   { RET(TK_CHARCONST); }
    cprefix? "\"" ([^"\\\n\x00] | esc)* "\"" { RET(TK_STRING); }

    "..."   { RET(TK_ELLIPSIS); }
    ">>="   { RET(TK_SHR_ASSIGN); }
    "<<="   { RET(TK_SHL_ASSIGN); }
    "+="    { RET(TK_ADD_ASSIGN); }
    "-="    { RET(TK_SUB_ASSIGN); }
    "*="    { RET(TK_MUL_ASSIGN); }
    "/="    { RET(TK_DIV_ASSIGN); }
    "%="    { RET(TK_MOD_ASSIGN); }
    "&="    { RET(TK_AND_ASSIGN); }
    "^="    { RET(TK_XOR_ASSIGN); }
    "|="    { RET(TK_OR_ASSIGN); }
    ">>"    { RET(TK_SHR); }
    "<<"    { RET(TK_SHL); }
    "++"    { RET(TK_INC); }
    "--"    { RET(TK_DEC); }
    "->"    { RET(TK_ARROW); }
    "<-"    { RET(TK_LARROW); }
    "&&"    { RET(TK_ANDAND); }
    "||"    { RET(TK_OROR); }
    "<="    { RET(TK_LE); }
    ">="    { RET(TK_GE); }
    "=="    { RET(TK_EQEQ); }
    "!="    { RET(TK_NE); }
    ";"     { RET(TK_SEMI); }
    "{" | "<%"  { RET(TK_LBRACE); }
    "}" | "%>"  { RET(TK_RBRACE); }
    ","     { RET(TK_COMMA); }
    ":"     { RET(TK_COLON); }
    "="     { RET(TK_ASSIGN); }
    "("     { RET(TK_LPAREN); }
    ")"     { RET(TK_RPAREN); }
    "[" | "<:"  { RET(TK_LBRACKET); }
    "]" | ":>"  { RET(TK_RBRACKET); }
    "."     { RET(TK_DOT); }
    "&"     { RET(TK_AMP); }
    "!"     { RET(TK_NOT); }
    "~"     { RET(TK_TILDE); }
    "-"     { RET(TK_MINUS); }
    "+"     { RET(TK_PLUS); }
    "*"     { RET(TK_STAR); }
    "/"     { RET(TK_SLASH); }
    "%"     { RET(TK_PERCENT); }
    "<"     { RET(TK_LT); }
    ">"     { RET(TK_GT); }
    "^"     { RET(TK_XOR); }
    "|"     { RET(TK_OR); }
    "?"     { RET(TK_QUESTION); }
    *       { RET(LEX_BAD); }
    */
#undef RET
}

/* Keywords: C11, the GNU spellings glibc uses, and the dialect's contextual
 * words (lex.c turns those back into identifiers where the dialect is off). */
static const struct { const char *s; int k; } keywords[] = {
    {"auto", TK_AUTO}, {"break", TK_BREAK}, {"case", TK_CASE}, {"char", TK_CHAR},
    {"const", TK_CONST}, {"__const", TK_CONST}, {"__const__", TK_CONST},
    {"continue", TK_CONTINUE}, {"default", TK_DEFAULT}, {"do", TK_DO},
    {"double", TK_DOUBLE}, {"else", TK_ELSE}, {"enum", TK_ENUM},
    {"extern", TK_EXTERN}, {"float", TK_FLOAT}, {"for", TK_FOR}, {"goto", TK_GOTO},
    {"if", TK_IF}, {"inline", TK_INLINE}, {"__inline", TK_INLINE},
    {"__inline__", TK_INLINE}, {"int", TK_INT}, {"long", TK_LONG},
    {"register", TK_REGISTER}, {"restrict", TK_RESTRICT},
    {"__restrict", TK_RESTRICT}, {"__restrict__", TK_RESTRICT},
    {"return", TK_RETURN}, {"short", TK_SHORT}, {"signed", TK_SIGNED},
    {"__signed", TK_SIGNED}, {"__signed__", TK_SIGNED}, {"sizeof", TK_SIZEOF},
    {"static", TK_STATIC}, {"struct", TK_STRUCT}, {"switch", TK_SWITCH},
    {"typedef", TK_TYPEDEF}, {"union", TK_UNION}, {"unsigned", TK_UNSIGNED},
    {"void", TK_VOID}, {"volatile", TK_VOLATILE}, {"__volatile", TK_VOLATILE},
    {"__volatile__", TK_VOLATILE}, {"while", TK_WHILE},
    {"_Alignas", TK_ALIGNAS}, {"_Alignof", TK_ALIGNOF}, {"__alignof", TK_ALIGNOF},
    {"__alignof__", TK_ALIGNOF}, {"_Atomic", TK_ATOMIC}, {"_Bool", TK_BOOL},
    {"_Complex", TK_COMPLEX}, {"__complex", TK_COMPLEX}, {"__complex__", TK_COMPLEX},
    {"_Imaginary", TK_IMAGINARY}, {"_Generic", TK_GENERIC},
    {"_Noreturn", TK_NORETURN}, {"_Static_assert", TK_STATIC_ASSERT},
    {"_Thread_local", TK_THREAD_LOCAL}, {"__thread", TK_THREAD_LOCAL},
    {"asm", TK_ASM}, {"__asm", TK_ASM}, {"__asm__", TK_ASM},
    {"__attribute__", TK_ATTRIBUTE}, {"__attribute", TK_ATTRIBUTE},
    {"__declspec", TK_ATTRIBUTE},
    {"__extension__", TK_EXTENSION}, {"typeof", TK_TYPEOF},
    {"__typeof", TK_TYPEOF}, {"__typeof__", TK_TYPEOF},
    {"__auto_type", TK_AUTO_TYPE}, {"__label__", TK_LOCAL_LABEL},
    {"__int128", TK_INT128}, {"__builtin_va_arg", TK_VA_ARG},
    {"__builtin_offsetof", TK_OFFSETOF},
    {"__builtin_types_compatible_p", TK_TYPES_COMPAT},
    {"__builtin_convertvector", TK_CONVERTVECTOR},
    {"__real__", TK_REAL}, {"__real", TK_REAL}, {"__imag__", TK_IMAG},
    {"__imag", TK_IMAG},
    {"chan", TK_CHAN}, {"go", TK_GO}, {"defer", TK_DEFER}, {"select", TK_SELECT},
    {"_Nonnull", TK_NULLABILITY}, {"_Nullable", TK_NULLABILITY},
    {"_Null_unspecified", TK_NULLABILITY}, {"__seg_fs", TK_NULLABILITY},
    {"__seg_gs", TK_NULLABILITY},
};

int lex_keyword(const char *s, int len)
{
    enum { NB = 512 };
    static short table[NB];
    static bool ready;
    int n = (int)(sizeof keywords / sizeof keywords[0]);
    if (!ready) {
        for (int i = 0; i < n; i++) {
            unsigned h = 5381;
            for (const char *c = keywords[i].s; *c; c++)
                h = h * 33 + (unsigned char)*c;
            while (table[h % NB])
                h++;
            table[h % NB] = (short)(i + 1);
        }
        ready = true;
    }
    unsigned h = 5381;
    for (int i = 0; i < len; i++)
        h = h * 33 + (unsigned char)s[i];
    for (;; h++) {
        int i = table[h % NB];
        if (!i)
            return TK_IDENT;
        const char *k = keywords[i - 1].s;
        if ((int)strlen(k) == len && !memcmp(k, s, len))
            return keywords[i - 1].k;
    }
}
