#include <stdio.h>
#include <setjmp.h>

static jmp_buf env;
static int depth;

static void deep(int n)
{
    depth++;
    if (n == 0) longjmp(env, 42);
    deep(n - 1);
}

typedef struct { jmp_buf buf; const char *msg; } try_ctx;
static try_ctx *current;

static void throw_(const char *msg)
{
    current->msg = msg;
    longjmp(current->buf, 1);
}

static int checked(int v)
{
    if (v < 0) throw_("negative");
    if (v > 100) throw_("too big");
    return v * 2;
}

int main(void)
{
    volatile int attempts = 0;
    int r = setjmp(env);
    attempts++;
    if (r == 0) {
        deep(5);
        printf("unreachable\n");
    }
    printf("returned %d after depth %d, attempts %d\n", r, depth, attempts);
    int inputs[] = { 5, -1, 50, 200 };
    for (int i = 0; i < 4; i++) {
        try_ctx ctx;
        current = &ctx;
        if (setjmp(ctx.buf) == 0) printf("ok %d\n", checked(inputs[i]));
        else printf("error: %s\n", ctx.msg);
    }
    jmp_buf zero;
    volatile int count = 0;
    if (setjmp(zero) < 3) { count++; if (count < 3) longjmp(zero, count); }
    printf("count %d\n", count);
    jmp_buf j0;
    if (setjmp(j0) == 0) longjmp(j0, 0);  /* longjmp with 0 returns 1 */
    else printf("zero became one\n");
    sigjmp_buf sj;
    if (sigsetjmp(sj, 1) == 0) siglongjmp(sj, 7);
    else printf("sigsetjmp path\n");
    return 0;
}
