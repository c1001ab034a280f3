#include <stdio.h>

/* a tiny threaded-code interpreter using computed goto */
enum { OP_PUSH, OP_ADD, OP_MUL, OP_DUP, OP_PRINT, OP_JNZ, OP_DEC, OP_HALT };

static int run(const int *code)
{
    static void *dispatch[] = { &&do_push, &&do_add, &&do_mul, &&do_dup, &&do_print, &&do_jnz, &&do_dec, &&do_halt };
    int stack[32], sp = 0, pc = 0;
#define NEXT goto *dispatch[code[pc++]]
    NEXT;
do_push:
    stack[sp++] = code[pc++];
    NEXT;
do_add:
    sp--; stack[sp - 1] += stack[sp];
    NEXT;
do_mul:
    sp--; stack[sp - 1] *= stack[sp];
    NEXT;
do_dup:
    stack[sp] = stack[sp - 1]; sp++;
    NEXT;
do_print:
    printf("top=%d\n", stack[sp - 1]);
    NEXT;
do_jnz:
    if (stack[sp - 1]) { pc = code[pc]; } else pc++;
    NEXT;
do_dec:
    stack[sp - 1]--;
    NEXT;
do_halt:
    return sp ? stack[sp - 1] : 0;
#undef NEXT
}

static int state_machine(const char *s)
{
    void *state = &&start;
    int count = 0;
    goto *state;
start:
    if (!*s) return count;
    state = (*s == 'a') ? &&saw_a : &&start;
    s++;
    goto *state;
saw_a:
    if (!*s) return count;
    if (*s == 'b') count++;
    state = (*s == 'a') ? &&saw_a : &&start;
    s++;
    goto *state;
}

int main(void)
{
    int prog[] = { OP_PUSH, 6, OP_PUSH, 7, OP_MUL, OP_PRINT, OP_PUSH, 3, OP_DEC, OP_DUP, OP_PRINT,
                   OP_JNZ, 8, OP_ADD, OP_HALT };
    printf("result %d\n", run(prog));
    printf("%d\n", state_machine("abxaabab"));
    static const int offsets[] = { &&l1 - &&l0, &&l2 - &&l0 };   /* label differences */
    int idx = 1;
    goto *(&&l0 + offsets[idx]);
l0: printf("l0\n");
l1: printf("l1\n");
l2: printf("l2\n");
    return 0;
}
