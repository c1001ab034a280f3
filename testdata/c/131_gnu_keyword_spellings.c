#include <stdio.h>

static __inline__ int add(int a, int b) { return a + b; }
static __inline int sub(int a, int b) { return a - b; }

int main(void)
{
    __const int c1 = 1;
    __const__ int c2 = 2;
    __volatile int v1 = 3;
    __volatile__ int v2 = 4;
    __signed__ char sc = -5;
    __signed int si = -6;
    int *__restrict rp = &v2;
    int *__restrict__ rp2 = (int *)&v1;
    printf("%d %d %d %d %d %d %d %d\n", c1, c2, v1, v2, sc, si, *rp, *rp2);
    printf("%zu %zu\n", __alignof__(double), __alignof(long));
    __typeof__(c1) t1 = 7;
    __typeof(c2) t2 = 8;
    printf("%d %d\n", t1, t2);
    double __complex__ z = 1.0 + 2.0i;
    printf("%.1f %.1f\n", __real z, __imag z);
    float _Complex __attribute((unused)) unused_z = 0;
    int r = 0;
    __asm__ __volatile__("movl $11, %0" : "=r"(r));
    printf("%d\n", r);
    __asm volatile("addl $1, %0" : "+r"(r));
    printf("%d\n", r);
    int e = __extension__ 5;
    printf("%d %d %d\n", add(e, 1), sub(e, 1), (int)sizeof(__signed__ short));
    __attribute__((__unused__)) int k = 0;
    (void)k;
    {
        __label__ local_done;      /* must open the block */
        goto local_done;
    local_done:
        printf("done\n");
    }
    return 0;
}
