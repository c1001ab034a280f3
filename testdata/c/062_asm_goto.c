#include <stdio.h>

static int check_zero(int v)
{
    asm goto("testl %0, %0\n\t"
             "jz %l1"
             : /* no outputs */
             : "r"(v)
             : "cc"
             : is_zero);
    return 0;
is_zero:
    return 1;
}

static int compare(int a, int b)
{
    __asm__ goto("cmpl %1, %0\n\t"
                 "jl %l[less]\n\t"
                 "jg %l[greater]"
                 :
                 : "r"(a), "r"(b)
                 : "cc"
                 : less, greater);
    return 0;
less:
    return -1;
greater:
    return 1;
}

static int always_jump(void)
{
    asm goto("jmp %l0" :::: target);
    return 100;
target:
    return 200;
}

int main(void)
{
    printf("%d %d\n", check_zero(0), check_zero(5));
    printf("%d %d %d\n", compare(1, 2), compare(2, 2), compare(3, 2));
    printf("%d\n", always_jump());
    return 0;
}
