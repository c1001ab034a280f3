#include <stdio.h>
#include <string.h>

typedef enum { CMD_ADD, CMD_SUB, CMD_MUL, CMD_NEG, CMD_DUP, CMD_COUNT } cmd_t;

typedef struct {
    const char *name;
    int arity;
    void (*exec)(long *stack, int *sp);
} command;

static void do_add(long *s, int *sp) { (*sp)--; s[*sp - 1] += s[*sp]; }
static void do_sub(long *s, int *sp) { (*sp)--; s[*sp - 1] -= s[*sp]; }
static void do_mul(long *s, int *sp) { (*sp)--; s[*sp - 1] *= s[*sp]; }
static void do_neg(long *s, int *sp) { s[*sp - 1] = -s[*sp - 1]; }
static void do_dup(long *s, int *sp) { s[*sp] = s[*sp - 1]; (*sp)++; }

static const command commands[CMD_COUNT] = {
    [CMD_ADD] = { "add", 2, do_add },
    [CMD_SUB] = { "sub", 2, do_sub },
    [CMD_MUL] = { .name = "mul", .arity = 2, .exec = do_mul },
    [CMD_NEG] = { "neg", 1, do_neg },
    [CMD_DUP] = { "dup", 1, do_dup },
};

static const command *find(const char *name)
{
    for (const command *c = commands; c < commands + CMD_COUNT; c++)
        if (!strcmp(c->name, name)) return c;
    return NULL;
}

/* state machine via table of function pointers returning the next state */
struct state;
typedef const struct state *(*state_fn)(char c, int *acc);
struct state { const char *name; state_fn step; };
static const struct state S_START, S_NUM, S_DONE;
static const struct state *st_start(char c, int *acc) { if (c >= '0' && c <= '9') { *acc = c - '0'; return &S_NUM; } return &S_START; }
static const struct state *st_num(char c, int *acc) { if (c >= '0' && c <= '9') { *acc = *acc * 10 + (c - '0'); return &S_NUM; } return &S_DONE; }
static const struct state *st_done(char c, int *acc) { (void)c; (void)acc; return &S_DONE; }
static const struct state S_START = { "start", st_start }, S_NUM = { "num", st_num }, S_DONE = { "done", st_done };

int main(void)
{
    const char *prog[] = { "3", "4", "add", "dup", "mul", "5", "sub", "neg" };
    long stack[16];
    int sp = 0;
    for (size_t i = 0; i < sizeof prog / sizeof *prog; i++) {
        const command *c = find(prog[i]);
        if (c) {
            if (sp < c->arity) { printf("underflow\n"); return 1; }
            c->exec(stack, &sp);
            printf("%-4s -> %ld\n", c->name, stack[sp - 1]);
        } else {
            long v = 0;
            sscanf(prog[i], "%ld", &v);
            stack[sp++] = v;
        }
    }
    int acc = 0;
    const struct state *s = &S_START;
    for (const char *p = "  1234x99"; *p; p++) s = s->step(*p, &acc);
    printf("%s %d\n", s->name, acc);
    void (*const *ops)(long *, int *) = &commands[0].exec;
    printf("%d\n", *ops == do_add);
    return 0;
}
