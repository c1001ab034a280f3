/* Shunting-yard infix -> RPN conversion and RPN evaluation over doubles,
   with unary minus, right-associative power, functions of one argument
   (neg, abs, sq) and error reporting. */
#include <stdio.h>
#include <string.h>
#include <ctype.h>
#include <stdlib.h>

typedef enum { T_NUM, T_OP, T_LPAREN, T_RPAREN, T_FUNC } ttype;

typedef struct {
    ttype type;
    double value;
    char op;            /* + - * / ^ ~ (unary minus) */
    char name[8];
} token;

static int precedence(char op)
{
    switch (op) {
    case '+': case '-': return 1;
    case '*': case '/': case '%': return 2;
    case '~': return 3;
    case '^': return 4;
    default: return 0;
    }
}

static int right_assoc(char op) { return op == '^' || op == '~'; }

static double ipow(double b, int e)
{
    double r = 1;
    int neg = e < 0;
    if (neg) e = -e;
    while (e) { if (e & 1) r *= b; b *= b; e >>= 1; }
    return neg ? 1 / r : r;
}

static int to_rpn(const char *s, token *out, int *nout, char *err)
{
    token ops[64];
    int nops = 0, n = 0;
    int expect_operand = 1;
    while (*s) {
        if (isspace((unsigned char)*s)) { s++; continue; }
        if (isdigit((unsigned char)*s) || *s == '.') {
            char *end;
            out[n].type = T_NUM;
            out[n].value = strtod(s, &end);
            n++;
            s = end;
            expect_operand = 0;
        } else if (isalpha((unsigned char)*s)) {
            token t = { T_FUNC, 0, 0, "" };
            int k = 0;
            while (isalpha((unsigned char)*s) && k < 7) t.name[k++] = *s++;
            t.name[k] = 0;
            ops[nops++] = t;
        } else if (*s == '(') {
            ops[nops++] = (token){ T_LPAREN, 0, '(', "" };
            s++;
            expect_operand = 1;
        } else if (*s == ')') {
            while (nops && ops[nops - 1].type != T_LPAREN) out[n++] = ops[--nops];
            if (!nops) { strcpy(err, "mismatched )"); return 0; }
            nops--;
            if (nops && ops[nops - 1].type == T_FUNC) out[n++] = ops[--nops];
            s++;
            expect_operand = 0;
        } else if (strchr("+-*/%^", *s)) {
            char op = *s++;
            if (expect_operand) {
                if (op == '-') op = '~';
                else if (op == '+') continue;
                else { sprintf(err, "unexpected operator %c", op); return 0; }
            }
            while (op != '~' && nops && ops[nops - 1].type == T_OP) {   /* prefix ops pop nothing */
                char top = ops[nops - 1].op;
                if (precedence(top) > precedence(op) || (precedence(top) == precedence(op) && !right_assoc(op)))
                    out[n++] = ops[--nops];
                else break;
            }
            ops[nops++] = (token){ T_OP, 0, op, "" };
            expect_operand = 1;
        } else {
            sprintf(err, "bad character '%c'", *s);
            return 0;
        }
    }
    while (nops) {
        if (ops[nops - 1].type == T_LPAREN) { strcpy(err, "mismatched ("); return 0; }
        out[n++] = ops[--nops];
    }
    *nout = n;
    return 1;
}

static int eval_rpn(const token *t, int n, double *result, char *err)
{
    double st[64];
    int sp = 0;
    for (int i = 0; i < n; i++) {
        switch (t[i].type) {
        case T_NUM: st[sp++] = t[i].value; break;
        case T_FUNC:
            if (sp < 1) { strcpy(err, "stack underflow"); return 0; }
            if (!strcmp(t[i].name, "abs")) st[sp - 1] = st[sp - 1] < 0 ? -st[sp - 1] : st[sp - 1];
            else if (!strcmp(t[i].name, "sq")) st[sp - 1] *= st[sp - 1];
            else if (!strcmp(t[i].name, "neg")) st[sp - 1] = -st[sp - 1];
            else { sprintf(err, "unknown function %s", t[i].name); return 0; }
            break;
        case T_OP:
            if (t[i].op == '~') {
                if (sp < 1) { strcpy(err, "stack underflow"); return 0; }
                st[sp - 1] = -st[sp - 1];
                break;
            }
            if (sp < 2) { strcpy(err, "stack underflow"); return 0; }
            double b = st[--sp], a = st[--sp], r = 0;
            switch (t[i].op) {
            case '+': r = a + b; break;
            case '-': r = a - b; break;
            case '*': r = a * b; break;
            case '/': if (b == 0) { strcpy(err, "division by zero"); return 0; } r = a / b; break;
            case '%': r = (double)((long)a % (long)b); break;
            case '^': r = ipow(a, (int)b); break;
            }
            st[sp++] = r;
            break;
        default: break;
        }
    }
    if (sp != 1) { strcpy(err, "malformed expression"); return 0; }
    *result = st[0];
    return 1;
}

static void show_rpn(const token *t, int n)
{
    for (int i = 0; i < n; i++) {
        if (t[i].type == T_NUM) printf("%g ", t[i].value);
        else if (t[i].type == T_FUNC) printf("%s ", t[i].name);
        else printf("%c ", t[i].op);
    }
}

int main(void)
{
    const char *exprs[] = {
        "1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "10 / 4 - 1.5", "sq(3) + abs(-4)",
        "17 % 5 * 2", "((2))", "1 / 0", "(1 + 2", "3 + * 4", "neg(neg(7)) - -3", "2 ^ -2", "1.5e1 + .5",
    };
    for (size_t i = 0; i < sizeof exprs / sizeof *exprs; i++) {
        token rpn[64];
        int n;
        char err[64] = "";
        double v;
        printf("%-18s => ", exprs[i]);
        if (!to_rpn(exprs[i], rpn, &n, err)) { printf("error: %s\n", err); continue; }
        show_rpn(rpn, n);
        if (eval_rpn(rpn, n, &v, err)) printf("= %g\n", v);
        else printf("error: %s\n", err);
    }
    return 0;
}
