/*
 * c.y — the C11 + GNU C grammar of gocc (Lemon source; the generated parser
 * goes to build/gen/c.c).  Edit this file, never the generated one.
 *
 * The parser is pushed one token at a time by compiler/parse.c, which does
 * the lexer hack (IDENT vs TYPE_NAME from the scoped symbol table), opens and
 * closes block scopes at braces, and folds each __attribute__((...)) into a
 * single ATTRIBUTE token.  Actions build the AST (compiler/ast.c) and the
 * declared types (compiler/types.c); declarations enter the symbol table as
 * soon as their declarator is complete, so `typedef int T; T x;` works.
 */

%include {
#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include "gocc.h"

static Node *bin(Node *l, Tok *op, Node *r)
{
    Node *n = mk2(N_BINARY, l->first, r->last, l, r);
    n->tok = op;
    n->op = op->kind;
    return n;
}

static Node *unary(NodeKind k, Tok *op, Node *e)
{
    Node *n = mk2(k, op, e->last, e, NULL);
    n->tok = op;
    n->op = op->kind;
    return n;
}

static Node *type_node(DeclSpec *ds, Declarator *d)
{
    Node *n = mk(N_TYPE_NAME, ds->first, d && d->last ? d->last : ds->last);
    n->spec = ds;
    n->ty = dcl_apply(d, ds_finish(ds));
    return n;
}

static Node *decl_node(DeclSpec *ds, Declarator *d, Tok *last)
{
    Node *n = mk(N_DECL, d->first ? d->first : ds->first, last ? last : d->last);
    n->tok = d->name;
    n->spec = ds;
    n->storage = ds->storage;
    n->ty = dcl_apply(d, ds_finish(ds));
    n->d = d->asm_label;
    return n;
}

static Node *chan_node(Parser *p, Tok *first, Tok *last, Node *elem, int dir)
{
    Node *n = mk2(N_CHAN_TYPE, first, last, elem, NULL);
    n->ty = ty_chan(elem->ty, dir);
    p_chan_type(p, n);
    return n;
}

static Declarator *deriv(Declarator *inner, DerivKind k, Tok *last)
{
    Deriv x = {0};
    x.kind = k;
    dcl_push(inner, x);
    inner->last = last;
    return inner;
}
}

%name CParse
%token_prefix TK_
%token_type {Tok *}
%extra_context {Parser *p}
%stack_size 0
%start_symbol translation_unit

%syntax_error {
    int exp[512], n = 0;
    for (int i = 1; i < YYNTOKEN && n < 512; i++) {
        int a = yy_find_shift_action((YYCODETYPE)i, yypParser->yytos->stateno);
        if (a != YY_ERROR_ACTION)
            exp[n++] = i;
    }
    p_syntax_error(p, TOKEN, exp, n);
}
%stack_overflow { p->failed = true; fatal("parser stack overflow"); }

/* Tokens the grammar does not use yet (the dialect, pseudo-kinds). */
%token LARROW CHAN GO DEFER SELECT NULLABILITY ATOMIC_LPAREN BAD.
/* Made by parse.c: the end of a channel's element type (zero width), and
 * `make`, `case`, `default` where they are the dialect's. */
%token CHAN_END CHAN_SEND CHAN_RECV MAKE SCASE SDEFAULT.

%nonassoc KR_DECLS.
%nonassoc ATTRIBUTE.
%right ASSIGN.
%left OROR.
%left ANDAND.
%left OR.
%left XOR.
%left AMP.
%left EQEQ NE.
%left LT GT LE GE.
%left SHL SHR.
%left PLUS MINUS.
%left STAR SLASH PERCENT.
%nonassoc SIZEOF_TYPE.
%nonassoc LBRACE.
%nonassoc IFX.
%nonassoc ELSE.

%type translation_unit {Node *}
%type ext_list {Node *}
%type ext_decl {Node *}
%type function_definition {Node *}
%type fdef_sig {Node *}
%type fdef_spec {Node *}
%type kr_decls {Node *}
%type declaration {Node *}
%type decl_list {Node *}
%type implicit_decl {Node *}
%type decl_one {Node *}
%type static_assert_decl {Node *}
%type declaration_specifiers {DeclSpec *}
%type ds_word {Tok *}
%type type_spec {Node *}
%type struct_head {Type *}
%type struct_body {Member *}
%type struct_member {Member *}
%type struct_decls {Member *}
%type struct_declarator {Member *}
%type enum_head {Type *}
%type attrs {Tok *}
%type declarator {Declarator *}
%type direct_declarator {Declarator *}
%type pointer {Declarator *}
%type abstract_declarator {Declarator *}
%type direct_abstract {Declarator *}
%type qual_list {int}
%type array_quals {int}
%type params {Declarator *}
%type param_list {Declarator *}
%type param_decl {Param *}
%type ident_list {Node *}
%type type_name {Node *}
%type initializer {Node *}
%type init_list {Node *}
%type init_item {Node *}
%type designation {Node *}
%type designator {Node *}
%type statement {Node *}
%type compound_statement {Node *}
%type block_open {Tok *}
%type block_items {Node *}
%type block_item {Node *}
%type label_names {Node *}
%type expr_stmt {Node *}
%type asm_statement {Node *}
%type asm_quals {Tok *}
%type asm_args {Node *}
%type asm_ops {Node *}
%type asm_op {Node *}
%type asm_names {Node *}
%type for_init {Node *}
%type expr_opt {Node *}
%type expr {Node *}
%type assign_expr {Node *}
%type assign_op {Tok *}
%type cond_expr {Node *}
%type bin_expr {Node *}
%type cast_expr {Node *}
%type unary_expr {Node *}
%type postfix_expr {Node *}
%type primary_expr {Node *}
%type args {Node *}
%type strings {Node *}
%type generic_assocs {Node *}
%type generic_assoc {Node *}
%type offsetof_member {Node *}
%type any_ident {Tok *}
%type struct_or_union {Tok *}
%type chan_type {Node *}
%type chan_elem {Node *}
%type range_head {Node *}
%type select_cases {Node *}
%type select_case {Node *}
%type select_comm {Node *}

/////////////////////////////// Translation unit ///////////////////////////

translation_unit ::= ext_list(L).          { p->result = L; }
translation_unit ::= .                     { p->result = NULL; }

ext_list(A) ::= ext_decl(D).               { A = D; }
ext_list(A) ::= ext_list(L) ext_decl(D).   { A = list_append(L, D); }

ext_decl(A) ::= function_definition(F).    { A = F; }
ext_decl(A) ::= declaration(D).            { A = D; }
ext_decl(A) ::= SEMI(T).                   { A = mk(N_EMPTY, T, T); }
ext_decl(A) ::= ASM(K) LPAREN strings(S) RPAREN SEMI(E).
                                           { A = mk2(N_ASM_TOP, K, E, S, NULL); }
ext_decl(A) ::= implicit_decl(D) SEMI(E).  { A = D; A->last = E; }
ext_decl(A) ::= EXTENSION(K) function_definition(F).
                                           { A = F; A->first = K; }

/////////////////////////////// Function definitions ///////////////////////

function_definition(A) ::= fdef_sig(S) compound_statement(B).
        { A = S; A->b = B; A->last = B->last; }
function_definition(A) ::= fdef_sig(S) kr_decls(K) compound_statement(B).
        { A = S; A->c = K; A->b = B; A->last = B->last; }

fdef_sig(A) ::= fdef_spec(S).             { A = S; }
fdef_sig(A) ::= declarator(D). [KR_DECLS]
        { DeclSpec *s = ds_new(D->first);
          Node *d = decl_node(s, D, NULL);
          A = mk2(N_FUNCDEF, D->first, D->last, d, NULL);
          A->spec = s;
          p_funcdef_head(p, s, D, d); }

fdef_spec(A) ::= declaration_specifiers(S) declarator(D). [KR_DECLS]
        { Node *d = decl_node(S, D, NULL);
          A = mk2(N_FUNCDEF, S->first, D->last, d, NULL);
          A->spec = S;
          p_funcdef_head(p, S, D, d); }

kr_decls(A) ::= declaration(D).             { A = D; }
kr_decls(A) ::= kr_decls(L) declaration(D). { A = list_append(L, D); }

/////////////////////////////// Declarations ///////////////////////////////

declaration(A) ::= declaration_specifiers(S) SEMI(E).
        { A = mk(N_DECLARATION, S->first, E); A->spec = S; ds_finish(S); }
declaration(A) ::= decl_list(L) SEMI(E).    { A = L; A->last = E; }
declaration(A) ::= static_assert_decl(X).   { A = X; }
declaration(A) ::= EXTENSION(K) declaration(D). { A = D; A->first = K; }

static_assert_decl(A) ::= STATIC_ASSERT(K) LPAREN cond_expr(E) COMMA strings(S) RPAREN SEMI(Z).
        { A = mk2(N_STATIC_ASSERT, K, Z, E, S); }
static_assert_decl(A) ::= STATIC_ASSERT(K) LPAREN cond_expr(E) RPAREN SEMI(Z).
        { A = mk2(N_STATIC_ASSERT, K, Z, E, NULL); }

/* A declaration's declarators enter scope one by one, as soon as each is
 * complete (before its initializer), as C's scope rules say. */
decl_one(A) ::= declaration_specifiers(S) declarator(D) decl_suffix(X).
        { Node *d = decl_node(S, D, X);
          A = mk(N_DECLARATION, S->first, d->last);
          A->spec = S;
          A->a = d;
          p_declare(p, S, D, d); }
decl_one(A) ::= decl_list(L) COMMA declarator(D) decl_suffix(X).
        { Node *d = decl_node(L->spec, D, X);
          A = L;
          A->a = list_append(A->a, d);
          A->last = d->last;
          p_declare(p, L->spec, D, d); }
decl_one(A) ::= decl_list(L) COMMA attrs declarator(D) decl_suffix(X).
        { Node *d = decl_node(L->spec, D, X);
          A = L;
          A->a = list_append(A->a, d);
          A->last = d->last;
          p_declare(p, L->spec, D, d); }

%type decl_suffix {Tok *}
/* `int f(void) __attribute__((x))` is a declaration: gcc rejects attributes
 * between a function definition's declarator and its body, so ATTRIBUTE
 * after a declarator never starts a K&R parameter declaration. */
decl_suffix(A) ::= . [ATTRIBUTE]                           { A = NULL; }
decl_suffix(A) ::= decl_suffix ASM LPAREN strings RPAREN(E). { A = E; }
decl_suffix(A) ::= decl_suffix ATTRIBUTE(T).              { A = T; }

/* `f();` and `x, y;` at file scope: old C's implicit int, which gcc accepts. */
implicit_decl(A) ::= declarator(D) decl_suffix(X).
        { DeclSpec *s = ds_new(D->first);
          Node *d = decl_node(s, D, X);
          A = mk(N_DECLARATION, d->first, d->last);
          A->spec = s;
          A->a = d;
          p_declare(p, s, D, d); }
implicit_decl(A) ::= implicit_decl(L) COMMA declarator(D) decl_suffix(X).
        { Node *d = decl_node(L->spec, D, X);
          A = L;
          A->a = list_append(A->a, d);
          A->last = d->last;
          p_declare(p, L->spec, D, d); }

decl_list(A) ::= decl_one(D).               { A = D; }
decl_list(A) ::= decl_one(D) ASSIGN initializer(I).
        { Node *last = D->a;
          while (last->next) last = last->next;
          last->a = I;
          last->last = I->last;
          A = D;
          A->last = I->last; }

declaration_specifiers(A) ::= ds_word(T).   { A = ds_new(T); ds_keyword(A, T); }
declaration_specifiers(A) ::= declaration_specifiers(S) ds_word(T).
        { A = S; ds_keyword(A, T); }
declaration_specifiers(A) ::= type_spec(Y).
        { A = ds_new(Y->first); ds_type(A, Y->ty, Y->last); if (Y->a) A->align = Y->a; }
declaration_specifiers(A) ::= declaration_specifiers(S) type_spec(Y).
        { A = S; ds_type(A, Y->ty, Y->last); if (Y->a) A->align = Y->a; }

ds_word(A) ::= TYPEDEF(T).      { A = T; }
ds_word(A) ::= EXTERN(T).       { A = T; }
ds_word(A) ::= STATIC(T).       { A = T; }
ds_word(A) ::= AUTO(T).         { A = T; }
ds_word(A) ::= REGISTER(T).     { A = T; }
ds_word(A) ::= THREAD_LOCAL(T). { A = T; }
ds_word(A) ::= INLINE(T).       { A = T; }
ds_word(A) ::= NORETURN(T).     { A = T; }
ds_word(A) ::= CONST(T).        { A = T; }
ds_word(A) ::= VOLATILE(T).     { A = T; }
ds_word(A) ::= RESTRICT(T).     { A = T; }
ds_word(A) ::= ATOMIC(T).       { A = T; }
ds_word(A) ::= NULLABILITY(T).  { A = T; }
ds_word(A) ::= ATTRIBUTE(T).    { A = T; }
ds_word(A) ::= VOID(T).         { A = T; }
ds_word(A) ::= CHAR(T).         { A = T; }
ds_word(A) ::= SHORT(T).        { A = T; }
ds_word(A) ::= INT(T).          { A = T; }
ds_word(A) ::= LONG(T).         { A = T; }
ds_word(A) ::= FLOAT(T).        { A = T; }
ds_word(A) ::= DOUBLE(T).       { A = T; }
ds_word(A) ::= SIGNED(T).       { A = T; }
ds_word(A) ::= UNSIGNED(T).     { A = T; }
ds_word(A) ::= BOOL(T).         { A = T; }
ds_word(A) ::= COMPLEX(T).      { A = T; }
ds_word(A) ::= IMAGINARY(T).    { A = T; }
ds_word(A) ::= INT128(T).       { A = T; }
ds_word(A) ::= AUTO_TYPE(T).    { A = T; }

type_spec(A) ::= TYPE_NAME(T).
        { A = mk(N_TYPE_NAME, T, T); A->ty = p_typedef_type(p, T); }
type_spec(A) ::= TYPEOF(K) LPAREN expr(E) RPAREN(R).
        { A = mk(N_TYPE_NAME, K, R); A->ty = ty_new(TY_TYPEOF); A->ty->expr = E; }
type_spec(A) ::= TYPEOF(K) LPAREN type_name(T) RPAREN(R).
        { A = mk(N_TYPE_NAME, K, R); A->ty = T->ty; }
type_spec(A) ::= ATOMIC_LPAREN(K) type_name(T) RPAREN(R).
        { A = mk(N_TYPE_NAME, K, R); A->ty = ty_qualified(T->ty, Q_ATOMIC); }
type_spec(A) ::= ALIGNAS(K) LPAREN type_name(T) RPAREN(R).
        { A = mk(N_TYPE_NAME, K, R); A->ty = NULL; A->a = T; }
type_spec(A) ::= ALIGNAS(K) LPAREN cond_expr(E) RPAREN(R).
        { A = mk(N_TYPE_NAME, K, R); A->ty = NULL; A->a = E; }
type_spec(A) ::= struct_head(H) struct_body(M) RBRACE(R).
        { A = mk(N_TYPE_NAME, H->kw, R); A->ty = H; H->members = M; H->complete = true; }
type_spec(A) ::= struct_or_union(K) attrs any_ident(T).
        { A = mk(N_TYPE_NAME, K, T); A->ty = p_tag_type(p, K, T, false); }
type_spec(A) ::= struct_or_union(K) any_ident(T).
        { A = mk(N_TYPE_NAME, K, T); A->ty = p_tag_type(p, K, T, false); }
type_spec(A) ::= enum_head(H) enumerators comma_opt RBRACE(R).
        { A = mk(N_TYPE_NAME, H->kw, R); A->ty = H; H->complete = true; }
type_spec(A) ::= ENUM(K) attrs any_ident(T).
        { A = mk(N_TYPE_NAME, K, T); A->ty = p_tag_type(p, K, T, false); }
type_spec(A) ::= ENUM(K) any_ident(T).
        { A = mk(N_TYPE_NAME, K, T); A->ty = p_tag_type(p, K, T, false); }

/* Channel types.  parse.c decides where `chan` is the keyword, folds
 * `chan <-` into CHAN_SEND and `<- chan` into CHAN_RECV (the arrow binds to
 * the leftmost chan: `chan<- chan int` is a send-only channel of chan int),
 * and closes the element type with CHAN_END: `chan int *p` is a pointer to
 * a chan int. */
type_spec(A) ::= chan_type(C).                        { A = C; }
chan_type(A) ::= CHAN(K) chan_elem(E) CHAN_END(Z).            { A = chan_node(p, K, Z, E, CH_BOTH); }
chan_type(A) ::= CHAN_SEND(K) chan_elem(E) CHAN_END(Z).       { A = chan_node(p, K, Z, E, CH_SEND); }
chan_type(A) ::= CHAN_RECV(K) chan_elem(E) CHAN_END(Z).       { A = chan_node(p, K, Z, E, CH_RECV); }
chan_elem(A) ::= LPAREN(L) type_name(T) RPAREN(R).    { A = T; A->first = L; A->last = R; A->op = 1; }
chan_elem(A) ::= declaration_specifiers(S).           { A = type_node(S, NULL); }

struct_or_union(A) ::= STRUCT(T).  { A = T; }
struct_or_union(A) ::= UNION(T).   { A = T; }

/* The tag is declared at the '{' so that members can refer to it. */
struct_head(A) ::= struct_or_union(K) attrs any_ident(T) LBRACE.  { A = p_tag_type(p, K, T, true); }
struct_head(A) ::= struct_or_union(K) any_ident(T) LBRACE.        { A = p_tag_type(p, K, T, true); }
struct_head(A) ::= struct_or_union(K) attrs LBRACE.               { A = p_tag_type(p, K, NULL, true); }
struct_head(A) ::= struct_or_union(K) LBRACE.                     { A = p_tag_type(p, K, NULL, true); }

struct_body(A) ::= .                                   { A = NULL; }
struct_body(A) ::= struct_body(L) struct_member(M).
        { if (!L) A = M;
          else { Member *x = L; while (x->next) x = x->next; x->next = M; A = L; } }

struct_member(A) ::= declaration_specifiers(S) struct_decls(L) SEMI.
        { Type *base = ds_finish(S);
          for (Member *m = L; m; m = m->next)
              m->ty = m->dcl ? dcl_apply(m->dcl, base) : base;
          A = L; }
struct_member(A) ::= declaration_specifiers(S) SEMI.
        { A = xalloc(sizeof *A); A->ty = ds_finish(S); }
struct_member(A) ::= SEMI.                             { A = NULL; }
struct_member(A) ::= static_assert_decl.               { A = NULL; }
struct_member(A) ::= EXTENSION struct_member(M).       { A = M; }

/* Members are not ordinary identifiers: they never enter the scope. */
struct_decls(A) ::= struct_declarator(M).              { A = M; }
struct_decls(A) ::= struct_decls(L) COMMA struct_declarator(M).
        { Member *x = L; while (x->next) x = x->next; x->next = M; A = L; }

struct_declarator(A) ::= declarator(D) decl_suffix.
        { A = xalloc(sizeof *A); A->name = D->name; A->dcl = D; }
struct_declarator(A) ::= declarator(D) COLON cond_expr(W) decl_suffix.
        { A = xalloc(sizeof *A); A->name = D->name; A->dcl = D; A->bitwidth = W; }
struct_declarator(A) ::= COLON cond_expr(W) decl_suffix.
        { A = xalloc(sizeof *A); A->bitwidth = W; }

enum_head(A) ::= ENUM(K) attrs any_ident(T) LBRACE.    { A = p_tag_type(p, K, T, true); }
enum_head(A) ::= ENUM(K) any_ident(T) LBRACE.          { A = p_tag_type(p, K, T, true); }
enum_head(A) ::= ENUM(K) attrs LBRACE.                 { A = p_tag_type(p, K, NULL, true); }
enum_head(A) ::= ENUM(K) LBRACE.                       { A = p_tag_type(p, K, NULL, true); }

enumerators ::= enumerator.
enumerators ::= enumerators COMMA enumerator.
enumerator ::= enum_name.
enumerator ::= enum_name attrs.
enumerator ::= enum_name ASSIGN cond_expr.
enumerator ::= enum_name attrs ASSIGN cond_expr.
enum_name ::= any_ident(T).                            { p_declare_enumconst(p, T); }

comma_opt ::= .
comma_opt ::= COMMA.

attrs(A) ::= ATTRIBUTE(T).           { A = T; }
attrs(A) ::= attrs ATTRIBUTE(T).     { A = T; }

any_ident(A) ::= IDENT(T).           { A = T; }
any_ident(A) ::= TYPE_NAME(T).       { A = T; }

/////////////////////////////// Declarators ////////////////////////////////

declarator(A) ::= direct_declarator(D).              { A = D; }
declarator(A) ::= pointer(P) direct_declarator(D).
        { A = D; dcl_append(A, P); A->first = P->first; }

pointer(A) ::= STAR(T).
        { A = dcl_new(NULL); A->first = A->last = T; Deriv x = {.kind = D_PTR}; dcl_push(A, x); }
pointer(A) ::= STAR(T) qual_list(Q).
        { A = dcl_new(NULL); A->first = A->last = T; Deriv x = {.kind = D_PTR}; x.quals = Q; dcl_push(A, x); }
pointer(A) ::= STAR(T) pointer(P).
        { A = P; A->first = T; Deriv x = {.kind = D_PTR}; dcl_push(A, x); }
pointer(A) ::= STAR(T) qual_list(Q) pointer(P).
        { A = P; A->first = T; Deriv x = {.kind = D_PTR}; x.quals = Q; dcl_push(A, x); }

qual_list(A) ::= qual(Q).                  { A = Q; }
qual_list(A) ::= qual_list(L) qual(Q).     { A = L | Q; }
%type qual {int}
qual(A) ::= CONST.        { A = Q_CONST; }
qual(A) ::= VOLATILE.     { A = Q_VOLATILE; }
qual(A) ::= RESTRICT.     { A = Q_RESTRICT; }
qual(A) ::= ATOMIC.       { A = Q_ATOMIC; }
qual(A) ::= NULLABILITY.  { A = 0; }
qual(A) ::= ATTRIBUTE.    { A = 0; }

direct_declarator(A) ::= IDENT(T).
        { A = dcl_new(T); A->first = A->last = T; }
direct_declarator(A) ::= LPAREN(L) declarator(D) RPAREN(R).
        { A = D; A->first = L; A->last = R; }
direct_declarator(A) ::= direct_declarator(D) LBRACKET array_quals RBRACKET(R).
        { A = deriv(D, D_ARRAY, R); }
direct_declarator(A) ::= direct_declarator(D) LBRACKET array_quals assign_expr(E) RBRACKET(R).
        { A = deriv(D, D_ARRAY, R); A->d[A->nd - 1].len = E; }
direct_declarator(A) ::= direct_declarator(D) LBRACKET array_quals STAR RBRACKET(R).
        { A = deriv(D, D_ARRAY, R); }
direct_declarator(A) ::= direct_declarator(D) LPAREN params(P) RPAREN(R).
        { A = D; A->last = R; Deriv x = P->d[0]; dcl_push(A, x); }
direct_declarator(A) ::= direct_declarator(D) LPAREN RPAREN(R).
        { A = D; A->last = R; Deriv x = {.kind = D_FUNC}; x.oldstyle = true; dcl_push(A, x); }
direct_declarator(A) ::= direct_declarator(D) LPAREN ident_list(L) RPAREN(R).
        { A = D; A->last = R; Deriv x = {.kind = D_FUNC}; x.oldstyle = true; x.oldnames = L; dcl_push(A, x); }

array_quals(A) ::= .                          { A = 0; }
array_quals(A) ::= array_quals(L) qual(Q).    { A = L | Q; }
array_quals(A) ::= array_quals(L) STATIC.     { A = L; }

ident_list(A) ::= IDENT(T).                   { A = p_ident(p, T); }
ident_list(A) ::= ident_list(L) COMMA IDENT(T). { A = list_append(L, p_ident(p, T)); }

/* params: a Declarator whose only derivation is the D_FUNC being built. */
params(A) ::= param_list(L).                  { A = L; }
params(A) ::= param_list(L) COMMA ELLIPSIS.   { A = L; A->d[0].variadic = true; }
params(A) ::= ELLIPSIS.         /* f(...): C23, and clang's headers */
        { A = dcl_new(NULL); Deriv x = {.kind = D_FUNC}; x.variadic = true; dcl_push(A, x); }

param_list(A) ::= param_decl(P).
        { A = dcl_new(NULL); Deriv x = {.kind = D_FUNC}; x.params = P; dcl_push(A, x); }
param_list(A) ::= param_list(L) COMMA param_decl(P).
        { A = L; Param *q = A->d[0].params; while (q->next) q = q->next; q->next = P; }

param_decl(A) ::= declaration_specifiers(S) declarator(D) decl_suffix.
        { A = xalloc(sizeof *A); A->name = D->name; A->ty = dcl_apply(D, ds_finish(S)); }
param_decl(A) ::= declaration_specifiers(S) abstract_declarator(D).
        { A = xalloc(sizeof *A); A->ty = dcl_apply(D, ds_finish(S)); }
param_decl(A) ::= declaration_specifiers(S).
        { A = xalloc(sizeof *A); A->ty = ds_finish(S); }

abstract_declarator(A) ::= pointer(P).                   { A = P; }
abstract_declarator(A) ::= direct_abstract(D).           { A = D; }
abstract_declarator(A) ::= pointer(P) direct_abstract(D).
        { A = D; dcl_append(A, P); A->first = P->first; }

direct_abstract(A) ::= LPAREN(L) abstract_declarator(D) RPAREN(R).
        { A = D; A->first = L; A->last = R; }
direct_abstract(A) ::= LBRACKET(L) array_quals RBRACKET(R).
        { A = dcl_new(NULL); A->first = L; A = deriv(A, D_ARRAY, R); }
direct_abstract(A) ::= LBRACKET(L) array_quals assign_expr(E) RBRACKET(R).
        { A = dcl_new(NULL); A->first = L; A = deriv(A, D_ARRAY, R); A->d[0].len = E; }
direct_abstract(A) ::= LBRACKET(L) array_quals STAR RBRACKET(R).
        { A = dcl_new(NULL); A->first = L; A = deriv(A, D_ARRAY, R); }
direct_abstract(A) ::= direct_abstract(D) LBRACKET array_quals RBRACKET(R).
        { A = deriv(D, D_ARRAY, R); }
direct_abstract(A) ::= direct_abstract(D) LBRACKET array_quals assign_expr(E) RBRACKET(R).
        { A = deriv(D, D_ARRAY, R); A->d[A->nd - 1].len = E; }
direct_abstract(A) ::= LPAREN(L) RPAREN(R).
        { A = dcl_new(NULL); A->first = L; A->last = R; Deriv x = {.kind = D_FUNC}; x.oldstyle = true; dcl_push(A, x); }
direct_abstract(A) ::= LPAREN(L) params(P) RPAREN(R).
        { A = dcl_new(NULL); A->first = L; A->last = R; dcl_push(A, P->d[0]); }
direct_abstract(A) ::= direct_abstract(D) LPAREN RPAREN(R).
        { A = D; A->last = R; Deriv x = {.kind = D_FUNC}; x.oldstyle = true; dcl_push(A, x); }
direct_abstract(A) ::= direct_abstract(D) LPAREN params(P) RPAREN(R).
        { A = D; A->last = R; dcl_push(A, P->d[0]); }

type_name(A) ::= declaration_specifiers(S).                         { A = type_node(S, NULL); }
type_name(A) ::= declaration_specifiers(S) abstract_declarator(D).  { A = type_node(S, D); }

/////////////////////////////// Initializers ///////////////////////////////

initializer(A) ::= assign_expr(E).                    { A = E; }
initializer(A) ::= LBRACE(L) init_list(I) comma_opt RBRACE(R).
        { A = mk2(N_INIT_LIST, L, R, I, NULL); }
initializer(A) ::= LBRACE(L) RBRACE(R).               { A = mk(N_INIT_LIST, L, R); }

init_list(A) ::= init_item(I).                        { A = I; }
init_list(A) ::= init_list(L) COMMA init_item(I).     { A = list_append(L, I); }

init_item(A) ::= initializer(I).                      { A = I; }
init_item(A) ::= designation(D) ASSIGN initializer(I).
        { A = mk2(N_DESIG_INIT, D->first, I->last, D, I); }

designation(A) ::= designator(D).                     { A = D; }
designation(A) ::= designation(L) designator(D).      { A = list_append(L, D); }

designator(A) ::= LBRACKET(L) cond_expr(E) RBRACKET(R).  { A = mk2(N_DESIG_INDEX, L, R, E, NULL); }
designator(A) ::= LBRACKET(L) cond_expr(E) ELLIPSIS cond_expr(F) RBRACKET(R).
        { A = mk2(N_DESIG_RANGE, L, R, E, F); }
designator(A) ::= DOT(L) any_ident(T).                { A = mk(N_DESIG_FIELD, L, T); A->tok = T; }

/////////////////////////////// Statements /////////////////////////////////

statement(A) ::= compound_statement(S).    { A = S; }
statement(A) ::= expr_stmt(S).             { A = S; }
statement(A) ::= asm_statement(S).         { A = S; }
statement(A) ::= IDENT(T) COLON statement(S).
        { A = mk2(N_LABEL, T, S->last, S, NULL); A->tok = T; }
statement(A) ::= IDENT(T) COLON attrs statement(S).
        { A = mk2(N_LABEL, T, S->last, S, NULL); A->tok = T; }
statement(A) ::= TYPE_NAME(T) COLON statement(S).     /* a label named like a typedef */
        { A = mk2(N_LABEL, T, S->last, S, NULL); A->tok = T; }
statement(A) ::= CASE(K) cond_expr(E) COLON statement(S).
        { A = mk2(N_CASE, K, S->last, E, S); }
statement(A) ::= CASE(K) cond_expr(E) ELLIPSIS cond_expr(F) COLON statement(S).
        { A = mk2(N_CASE_RANGE, K, S->last, E, S); A->c = F; }
statement(A) ::= DEFAULT(K) COLON statement(S).
        { A = mk2(N_DEFAULT, K, S->last, S, NULL); }
statement(A) ::= IF(K) LPAREN expr(C) RPAREN statement(T). [IFX]
        { A = mk2(N_IF, K, T->last, C, T); }
statement(A) ::= IF(K) LPAREN expr(C) RPAREN statement(T) ELSE statement(E).
        { A = mk2(N_IF, K, E->last, C, T); A->c = E; }
statement(A) ::= SWITCH(K) LPAREN expr(C) RPAREN statement(S).
        { A = mk2(N_SWITCH, K, S->last, C, S); }
statement(A) ::= WHILE(K) LPAREN expr(C) RPAREN statement(S).
        { A = mk2(N_WHILE, K, S->last, C, S); }
statement(A) ::= DO(K) statement(S) WHILE LPAREN expr(C) RPAREN SEMI(E).
        { A = mk2(N_DO, K, E, C, S); }
statement(A) ::= FOR(K) LPAREN for_init(I) expr_opt(C) SEMI expr_opt(N) RPAREN statement(S).
        { A = mk2(N_FOR, K, S->last, I, C); A->c = N; A->d = S; p_for_end(p); }
/* for (T v : ch) body — v is declared before the body, in the for scope */
statement(A) ::= range_head(H) expr(C) RPAREN statement(S).
        { A = mk2(N_FOR_RANGE, H->first, S->last, H, C); A->d = S; p_for_end(p); }
range_head(A) ::= FOR(K) LPAREN declaration_specifiers(S) declarator(D) COLON(Z).
        { A = decl_node(S, D, NULL); A->first = K; A->last = Z; p_declare(p, S, D, A); }

statement(A) ::= assign_expr(C) LARROW(T) assign_expr(V) SEMI(E).
        { A = mk2(N_SEND, C->first, E, C, V); A->tok = T; }
statement(A) ::= GO(K) expr(E) SEMI(Z).               { A = p_go_call(N_GO, K, E, Z); }
statement(A) ::= GO(K) compound_statement(B).         { A = mk2(N_GO, K, B->last, NULL, B); }
statement(A) ::= DEFER(K) expr(E) SEMI(Z).            { A = p_go_call(N_DEFER, K, E, Z); }
statement(A) ::= DEFER(K) compound_statement(B).      { A = mk2(N_DEFER, K, B->last, NULL, B); }
statement(A) ::= SELECT(K) LBRACE RBRACE(Z).          { A = mk(N_SELECT, K, Z); }
statement(A) ::= SELECT(K) LBRACE select_cases(C) RBRACE(Z).
        { A = mk2(N_SELECT, K, Z, C, NULL); }

select_cases(A) ::= select_case(C).                   { A = C; }
select_cases(A) ::= select_cases(L) select_case(C).   { A = list_append(L, C); }
select_case(A) ::= SCASE(K) select_comm(C) COLON(Z).  { A = mk2(N_SELECT_CASE, K, Z, C, NULL); }
select_case(A) ::= SCASE(K) select_comm(C) COLON block_items(B).
        { Node *l = B; while (l->next) l = l->next;
          A = mk2(N_SELECT_CASE, K, l->last, C, B); }
select_case(A) ::= SDEFAULT(K) COLON(Z).              { A = mk(N_SELECT_CASE, K, Z); }
select_case(A) ::= SDEFAULT(K) COLON block_items(B).
        { Node *l = B; while (l->next) l = l->next;
          A = mk2(N_SELECT_CASE, K, l->last, NULL, B); }

/* The communication of a case: `<-a`, `v = <-a`, `v, ok = <-a` (checked
 * when lowered), a send, or a receive into a new variable. */
select_comm(A) ::= expr(E).                           { A = E; }
select_comm(A) ::= assign_expr(C) LARROW(T) assign_expr(V).
        { A = mk2(N_SEND, C->first, V->last, C, V); A->tok = T; }
select_comm(A) ::= declaration_specifiers(S) declarator(D) ASSIGN assign_expr(E).
        { A = decl_node(S, D, NULL); A->a = E; A->last = E->last; p_declare(p, S, D, A); }
select_comm(A) ::= declaration_specifiers(S) declarator(D) COMMA IDENT(O) ASSIGN assign_expr(E).
        { A = decl_node(S, D, NULL); A->a = E; A->last = E->last; A->c = p_ident(p, O);
          p_declare(p, S, D, A);
          scope_declare(scope_cur(), tok_str(O), SYM_VAR, ty_basic(TY_BOOL), O); }

statement(A) ::= GOTO(K) any_ident(T) SEMI(E).        { A = mk(N_GOTO, K, E); A->tok = T; }
statement(A) ::= GOTO(K) STAR expr(X) SEMI(E).        { A = mk2(N_GOTO_PTR, K, E, X, NULL); }
statement(A) ::= CONTINUE(K) SEMI(E).                 { A = mk(N_CONTINUE, K, E); }
statement(A) ::= BREAK(K) SEMI(E).                    { A = mk(N_BREAK, K, E); }
statement(A) ::= RETURN(K) SEMI(E).                   { A = mk(N_RETURN, K, E); }
statement(A) ::= RETURN(K) expr(X) SEMI(E).           { A = mk2(N_RETURN, K, E, X, NULL); }

for_init(A) ::= expr_opt(E) SEMI.          { A = E; }
for_init(A) ::= declaration(D).            { A = D; }

expr_opt(A) ::= .                          { A = NULL; }
expr_opt(A) ::= expr(E).                   { A = E; }

expr_stmt(A) ::= SEMI(E).                  { A = mk(N_EXPR_STMT, E, E); }
expr_stmt(A) ::= expr(X) SEMI(E).          { A = mk2(N_EXPR_STMT, X->first, E, X, NULL); }

compound_statement(A) ::= LBRACE(L) RBRACE(R).  { A = mk(N_BLOCK, L, R); }
compound_statement(A) ::= LBRACE(L) block_items(I) RBRACE(R).  { A = mk2(N_BLOCK, L, R, I, NULL); }

block_items(A) ::= block_item(I).                 { A = I; }
block_items(A) ::= block_items(L) block_item(I).  { A = list_append(L, I); }

block_item(A) ::= declaration(D).          { A = D; }
block_item(A) ::= statement(S).            { A = S; }
block_item(A) ::= fdef_spec(S) compound_statement(B).     /* GNU nested function */
        { A = S; A->b = B; A->last = B->last; }
block_item(A) ::= LOCAL_LABEL(K) label_names SEMI(E).  { A = mk(N_LOCAL_LABEL, K, E); }

label_names ::= any_ident.
label_names ::= label_names COMMA any_ident.

asm_statement(A) ::= ASM(K) asm_quals LPAREN strings(S) asm_args(O) RPAREN SEMI(E).
        { A = mk2(N_ASM, K, E, S, O); }

asm_quals ::= .
asm_quals ::= asm_quals VOLATILE.
asm_quals ::= asm_quals INLINE.
asm_quals ::= asm_quals GOTO.

/* The operand lists; operand expressions are kept (closures rewrite them). */
asm_args(A) ::= .                                                  { A = NULL; }
asm_args(A) ::= COLON asm_ops(O).                                  { A = O; }
asm_args(A) ::= COLON asm_ops(O) COLON asm_ops(I).                 { A = list_append(O, I); }
asm_args(A) ::= COLON asm_ops(O) COLON asm_ops(I) COLON asm_names.  { A = list_append(O, I); }
asm_args(A) ::= COLON asm_ops(O) COLON asm_ops(I) COLON asm_names COLON asm_names.
        { A = list_append(O, I); }

asm_ops(A) ::= .                                 { A = NULL; }
asm_ops(A) ::= asm_op(X).                        { A = X; }
asm_ops(A) ::= asm_ops(L) COMMA asm_op(X).       { A = list_append(L, X); }
asm_op(A) ::= strings(S) LPAREN expr(E) RPAREN(R).
        { A = mk2(N_ASM_OPERAND, S->first, R, E, NULL); }
asm_op(A) ::= LBRACKET(L) any_ident RBRACKET strings LPAREN expr(E) RPAREN(R).
        { A = mk2(N_ASM_OPERAND, L, R, E, NULL); }

asm_names(A) ::= .                               { A = NULL; }
asm_names(A) ::= asm_name_list.                  { A = NULL; }
asm_name_list ::= asm_name.
asm_name_list ::= asm_name_list COMMA asm_name.
asm_name ::= strings.
asm_name ::= any_ident.

/////////////////////////////// Expressions ////////////////////////////////

expr(A) ::= assign_expr(E).                         { A = E; }
expr(A) ::= expr(L) COMMA(T) assign_expr(R).
        { A = mk2(N_COMMA, L->first, R->last, L, R); A->tok = T; }

assign_expr(A) ::= cond_expr(E).                    { A = E; }
assign_expr(A) ::= unary_expr(L) assign_op(T) assign_expr(R).
        { A = mk2(N_ASSIGN, L->first, R->last, L, R); A->tok = T; A->op = T->kind; }

assign_op(A) ::= ASSIGN(T).      { A = T; }
assign_op(A) ::= MUL_ASSIGN(T).  { A = T; }
assign_op(A) ::= DIV_ASSIGN(T).  { A = T; }
assign_op(A) ::= MOD_ASSIGN(T).  { A = T; }
assign_op(A) ::= ADD_ASSIGN(T).  { A = T; }
assign_op(A) ::= SUB_ASSIGN(T).  { A = T; }
assign_op(A) ::= SHL_ASSIGN(T).  { A = T; }
assign_op(A) ::= SHR_ASSIGN(T).  { A = T; }
assign_op(A) ::= AND_ASSIGN(T).  { A = T; }
assign_op(A) ::= XOR_ASSIGN(T).  { A = T; }
assign_op(A) ::= OR_ASSIGN(T).   { A = T; }

cond_expr(A) ::= bin_expr(E).                       { A = E; }
cond_expr(A) ::= bin_expr(C) QUESTION(T) expr(X) COLON cond_expr(Y).
        { A = mk2(N_COND, C->first, Y->last, C, X); A->c = Y; A->tok = T; }
cond_expr(A) ::= bin_expr(C) QUESTION(T) COLON cond_expr(Y).
        { A = mk2(N_COND, C->first, Y->last, C, NULL); A->c = Y; A->tok = T; }

bin_expr(A) ::= cast_expr(E).                          { A = E; }
bin_expr(A) ::= bin_expr(L) OROR(T) bin_expr(R).       { A = bin(L, T, R); }
bin_expr(A) ::= bin_expr(L) ANDAND(T) bin_expr(R).     { A = bin(L, T, R); }
bin_expr(A) ::= bin_expr(L) OR(T) bin_expr(R).         { A = bin(L, T, R); }
bin_expr(A) ::= bin_expr(L) XOR(T) bin_expr(R).        { A = bin(L, T, R); }
bin_expr(A) ::= bin_expr(L) AMP(T) bin_expr(R).        { A = bin(L, T, R); }
bin_expr(A) ::= bin_expr(L) EQEQ(T) bin_expr(R).       { A = bin(L, T, R); }
bin_expr(A) ::= bin_expr(L) NE(T) bin_expr(R).         { A = bin(L, T, R); }
bin_expr(A) ::= bin_expr(L) LT(T) bin_expr(R).         { A = bin(L, T, R); }
bin_expr(A) ::= bin_expr(L) GT(T) bin_expr(R).         { A = bin(L, T, R); }
bin_expr(A) ::= bin_expr(L) LE(T) bin_expr(R).         { A = bin(L, T, R); }
bin_expr(A) ::= bin_expr(L) GE(T) bin_expr(R).         { A = bin(L, T, R); }
bin_expr(A) ::= bin_expr(L) SHL(T) bin_expr(R).        { A = bin(L, T, R); }
bin_expr(A) ::= bin_expr(L) SHR(T) bin_expr(R).        { A = bin(L, T, R); }
bin_expr(A) ::= bin_expr(L) PLUS(T) bin_expr(R).       { A = bin(L, T, R); }
bin_expr(A) ::= bin_expr(L) MINUS(T) bin_expr(R).      { A = bin(L, T, R); }
bin_expr(A) ::= bin_expr(L) STAR(T) bin_expr(R).       { A = bin(L, T, R); }
bin_expr(A) ::= bin_expr(L) SLASH(T) bin_expr(R).      { A = bin(L, T, R); }
bin_expr(A) ::= bin_expr(L) PERCENT(T) bin_expr(R).    { A = bin(L, T, R); }

cast_expr(A) ::= unary_expr(E).                        { A = E; }
cast_expr(A) ::= LPAREN(L) type_name(T) RPAREN cast_expr(E).
        { A = mk2(N_CAST, L, E->last, T, E); A->ty = T->ty; }

unary_expr(A) ::= postfix_expr(E).                     { A = E; }
unary_expr(A) ::= INC(T) unary_expr(E).                { A = unary(N_PREINC, T, E); }
unary_expr(A) ::= DEC(T) unary_expr(E).                { A = unary(N_PREDEC, T, E); }
unary_expr(A) ::= AMP(T) cast_expr(E).                 { A = unary(N_ADDR, T, E); }
unary_expr(A) ::= STAR(T) cast_expr(E).                { A = unary(N_DEREF, T, E); }
unary_expr(A) ::= PLUS(T) cast_expr(E).                { A = unary(N_UNARY, T, E); }
unary_expr(A) ::= MINUS(T) cast_expr(E).               { A = unary(N_UNARY, T, E); }
unary_expr(A) ::= TILDE(T) cast_expr(E).               { A = unary(N_UNARY, T, E); }
unary_expr(A) ::= NOT(T) cast_expr(E).                 { A = unary(N_UNARY, T, E); }
unary_expr(A) ::= REAL(T) cast_expr(E).                { A = unary(N_REAL, T, E); }
unary_expr(A) ::= IMAG(T) cast_expr(E).                { A = unary(N_IMAG, T, E); }
unary_expr(A) ::= EXTENSION(T) cast_expr(E).           { A = unary(N_EXTENSION, T, E); }
unary_expr(A) ::= SIZEOF(T) unary_expr(E).             { A = unary(N_SIZEOF_EXPR, T, E); }
unary_expr(A) ::= SIZEOF(T) LPAREN type_name(Y) RPAREN(R). [SIZEOF_TYPE]
        { A = mk2(N_SIZEOF_TYPE, T, R, Y, NULL); A->ty = Y->ty; }
unary_expr(A) ::= ALIGNOF(T) unary_expr(E).            { A = unary(N_ALIGNOF_EXPR, T, E); }
unary_expr(A) ::= ALIGNOF(T) LPAREN type_name(Y) RPAREN(R). [SIZEOF_TYPE]
        { A = mk2(N_ALIGNOF_TYPE, T, R, Y, NULL); A->ty = Y->ty; }
unary_expr(A) ::= LARROW(T) cast_expr(E).              { A = unary(N_RECV, T, E); }
unary_expr(A) ::= ANDAND(T) any_ident(L).
        { A = mk(N_LABEL_ADDR, T, L); A->tok = L; }

postfix_expr(A) ::= primary_expr(E).                   { A = E; }
postfix_expr(A) ::= postfix_expr(E) LBRACKET expr(I) RBRACKET(R).
        { A = mk2(N_INDEX, E->first, R, E, I); }
postfix_expr(A) ::= postfix_expr(E) LPAREN RPAREN(R).
        { A = mk2(N_CALL, E->first, R, E, NULL); }
postfix_expr(A) ::= postfix_expr(E) LPAREN args(X) RPAREN(R).
        { A = mk2(N_CALL, E->first, R, E, X); }
postfix_expr(A) ::= postfix_expr(E) DOT any_ident(T).
        { A = mk2(N_MEMBER, E->first, T, E, NULL); A->tok = T; }
postfix_expr(A) ::= postfix_expr(E) ARROW any_ident(T).
        { A = mk2(N_ARROW, E->first, T, E, NULL); A->tok = T; }
postfix_expr(A) ::= postfix_expr(E) INC(T).
        { A = mk2(N_POSTINC, E->first, T, E, NULL); A->tok = T; }
postfix_expr(A) ::= postfix_expr(E) DEC(T).
        { A = mk2(N_POSTDEC, E->first, T, E, NULL); A->tok = T; }
postfix_expr(A) ::= LPAREN(L) type_name(T) RPAREN LBRACE init_list(I) comma_opt RBRACE(R).
        { A = mk2(N_COMPOUND_LIT, L, R, T, I); A->ty = T->ty; }
postfix_expr(A) ::= LPAREN(L) type_name(T) RPAREN LBRACE RBRACE(R).
        { A = mk2(N_COMPOUND_LIT, L, R, T, NULL); A->ty = T->ty; }
postfix_expr(A) ::= VA_ARG(K) LPAREN assign_expr(E) COMMA type_name(T) RPAREN(R).
        { A = mk2(N_VA_ARG, K, R, E, T); A->ty = T->ty; }
postfix_expr(A) ::= OFFSETOF(K) LPAREN type_name(T) COMMA offsetof_member(M) RPAREN(R).
        { A = mk2(N_OFFSETOF, K, R, T, M); }
postfix_expr(A) ::= TYPES_COMPAT(K) LPAREN type_name(X) COMMA type_name(Y) RPAREN(R).
        { A = mk2(N_TYPES_COMPAT, K, R, X, Y); }
postfix_expr(A) ::= CONVERTVECTOR(K) LPAREN assign_expr(E) COMMA type_name(T) RPAREN(R).
        { A = mk2(N_CONVERTVECTOR, K, R, E, T); A->ty = T->ty; }

postfix_expr(A) ::= MAKE(K) LPAREN type_name(T) RPAREN(R).
        { A = mk2(N_MAKE, K, R, T, NULL); A->ty = T->ty; }
postfix_expr(A) ::= MAKE(K) LPAREN type_name(T) COMMA assign_expr(N) RPAREN(R).
        { A = mk2(N_MAKE, K, R, T, N); A->ty = T->ty; }

offsetof_member(A) ::= any_ident(T).
        { A = mk(N_DESIG_FIELD, T, T); A->tok = T; }
offsetof_member(A) ::= offsetof_member(L) DOT any_ident(T).
        { Node *f = mk(N_DESIG_FIELD, T, T); f->tok = T; A = list_append(L, f); }
offsetof_member(A) ::= offsetof_member(L) LBRACKET(B) expr(E) RBRACKET(R).
        { A = list_append(L, mk2(N_DESIG_INDEX, B, R, E, NULL)); }

args(A) ::= assign_expr(E).                       { A = E; }
args(A) ::= args(L) COMMA assign_expr(E).         { A = list_append(L, E); }

primary_expr(A) ::= IDENT(T).                     { A = p_ident(p, T); }
primary_expr(A) ::= NUMBER(T).                    { A = mk(N_NUM, T, T); A->tok = T; }
primary_expr(A) ::= CHARCONST(T).                 { A = mk(N_CHAR, T, T); A->tok = T; }
primary_expr(A) ::= strings(S).                   { A = S; }
primary_expr(A) ::= LPAREN(L) expr(E) RPAREN(R).
        { A = E; A->first = L; A->last = R; }
primary_expr(A) ::= LPAREN(L) compound_statement(S) RPAREN(R).
        { A = mk2(N_STMT_EXPR, L, R, S, NULL); }
primary_expr(A) ::= GENERIC(K) LPAREN assign_expr(E) COMMA generic_assocs(G) RPAREN(R).
        { A = mk2(N_GENERIC, K, R, E, G); }

generic_assocs(A) ::= generic_assoc(G).                         { A = G; }
generic_assocs(A) ::= generic_assocs(L) COMMA generic_assoc(G). { A = list_append(L, G); }
generic_assoc(A) ::= type_name(T) COLON assign_expr(E).
        { A = mk2(N_GENERIC_ASSOC, T->first, E->last, T, E); A->ty = T->ty; }
generic_assoc(A) ::= DEFAULT(K) COLON assign_expr(E).
        { A = mk2(N_GENERIC_ASSOC, K, E->last, NULL, E); }

strings(A) ::= STRING(T).                 { A = mk(N_STR, T, T); A->tok = T; }
strings(A) ::= strings(S) STRING(T).      { A = S; A->last = T; }

%code {
/* Perform the reductions that no longer depend on a lookahead.  Lemon
 * defers them to the next token; parse.c runs them before it decides
 * whether that token is a typedef name, because a reduction may close a
 * scope (`for (T T = 0;;) ; T after;`). */
void CParseFlush(void *yyp)
{
    yyParser *yypParser = (yyParser *)yyp;
    Parser *p = yypParser->p;
    while (yypParser->yytos->stateno >= YY_MIN_REDUCE &&
           yypParser->yytos->stateno <= YY_MAX_REDUCE) {
        unsigned r = yypParser->yytos->stateno - YY_MIN_REDUCE;
        yy_reduce(yypParser, r, 0, NULL, p);
    }
}
}
