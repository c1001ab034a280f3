#include <stdio.h>
#include <stdlib.h>
#include <stdnoreturn.h>
#include <setjmp.h>

static jmp_buf env;

_Noreturn static void bail(int code)
{
    printf("bailing with %d\n", code);
    longjmp(env, code);
}

noreturn static void bail2(void)
{
    longjmp(env, 99);
}

__attribute__((noreturn)) static void finish(void)
{
    printf("finishing\n");
    fflush(stdout);
    exit(0);
}

static int checked_div(int a, int b)
{
    if (b == 0) bail(3);
    return a / b;
}

int main(void)
{
    int rc = setjmp(env);
    if (rc == 0) {
        printf("%d\n", checked_div(10, 2));
        printf("%d\n", checked_div(1, 0));
        printf("not reached\n");
    } else if (rc == 3) {
        printf("caught %d\n", rc);
        if (setjmp(env) == 0) bail2();
        printf("caught again\n");
    }
    finish();
}
