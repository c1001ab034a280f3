#include <stdio.h>

/* a function written entirely in top-level assembly */
__asm__(".text\n"
        ".globl gocc_asm_add3\n"
        ".type gocc_asm_add3, @function\n"
        "gocc_asm_add3:\n"
        "    leal (%rdi,%rsi), %eax\n"
        "    addl %edx, %eax\n"
        "    ret\n"
        ".size gocc_asm_add3, .-gocc_asm_add3\n");

asm(".data\n"
    ".globl gocc_asm_value\n"
    "gocc_asm_value: .long 1234\n"
    ".text\n");

extern int gocc_asm_add3(int a, int b, int c);
extern int gocc_asm_value;

static inline unsigned long long read_flags(void)
{
    unsigned long long f;
    __asm__ __volatile__("pushfq\n\tpopq %0" : "=r"(f));
    return f;
}

static int cpuid_max_leaf_positive(void)
{
    unsigned a, b, c, d;
    __asm__ __volatile__("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(0), "c"(0));
    return a > 0;
}

static long syscall_getpid_matches(void)
{
    long ret;
    __asm__ volatile("syscall" : "=a"(ret) : "a"(39L) : "rcx", "r11", "memory");   /* SYS_getpid */
    return ret > 0;
}

static int xchg(int *p, int v)
{
    __asm__ __volatile__("xchgl %0, %1" : "+r"(v), "+m"(*p) : : "memory");
    return v;
}

int main(void)
{
    printf("%d\n", gocc_asm_add3(1, 20, 300));
    printf("%d\n", gocc_asm_value);
    printf("%d\n", (int)((read_flags() >> 1) & 1));      /* bit 1 of RFLAGS is always 1 */
    printf("%d\n", cpuid_max_leaf_positive());
    printf("%ld\n", syscall_getpid_matches());
    int cell = 5;
    int old = xchg(&cell, 9);
    printf("%d %d\n", old, cell);
    return 0;
}
