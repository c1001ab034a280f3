#include <stdio.h>
#include <stdint.h>

static int add_asm(int x, int y)
{
    __asm__ volatile("addl %1, %0" : "+r"(x) : "r"(y));
    return x;
}

static unsigned mul3(unsigned a)
{
    unsigned r;
    asm("leal (%1,%1,2), %0" : "=r"(r) : "r"(a));
    return r;
}

static uint64_t swap64(uint64_t v)
{
    __asm__("bswap %0" : "=r"(v) : "0"(v));
    return v;
}

static int named_ops(int a, int b)
{
    int out;
    __asm__ __volatile__("movl %[lhs], %[res]\n\t"
                         "imull %[rhs], %[res]"
                         : [res] "=&r"(out)
                         : [lhs] "r"(a), [rhs] "r"(b)
                         : "cc");
    return out;
}

static void store_mem(int *p, int v)
{
    __asm__("movl %1, %0" : "=m"(*p) : "ri"(v) : "memory");
}

static int imm_add(int x)
{
    __asm__("addl %1, %0" : "+r"(x) : "i"(100));
    return x;
}

static unsigned long long rdtsc_like_split(void)
{
    unsigned lo = 0x11111111, hi = 0x2;
    unsigned long long r;
    __asm__("shlq $32, %1\n\torq %2, %1\n\tmovq %1, %0" : "=r"(r), "+r"(*(unsigned long long[]){ hi }) : "r"((unsigned long long)lo));
    return r;
}

static int count_bits(unsigned v)
{
    int c;
    __asm__("popcntl %1, %0" : "=r"(c) : "rm"(v) : "cc");
    return c;
}

int main(void)
{
    printf("%d\n", add_asm(40, 2));
    printf("%u\n", mul3(14));
    printf("%016llx\n", (unsigned long long)swap64(0x0102030405060708ull));
    printf("%d\n", named_ops(6, 7));
    int m = 0;
    store_mem(&m, 55);
    printf("%d\n", m);
    printf("%d\n", imm_add(5));
    printf("%llx\n", rdtsc_like_split());
    __asm__ volatile("" ::: "memory");          /* compiler barrier */
    asm volatile("nop");
    __asm__("nop\n\tnop");
    printf("%d\n", __builtin_cpu_supports("popcnt") ? count_bits(0xf0f0u) : 8);
    return 0;
}
