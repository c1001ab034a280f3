#include <stdio.h>
#include <string.h>

static void copy(char *restrict dst, const char *restrict src, size_t n)
{
    for (size_t i = 0; i < n; i++) dst[i] = src[i];
}

static int sum(const int *const arr, int n)
{
    int s = 0;
    for (int i = 0; i < n; i++) s += arr[i];
    return s;
}

static int read_volatile(volatile int *p) { return *p; }

struct config {
    const int id;
    volatile unsigned ticks;
    const char *const name;
};

int main(void)
{
    const int ci = 5;
    volatile int vi = 6;
    const volatile int cvi = 7;
    int const ic = 8;
    printf("%d %d %d %d\n", ci, vi, cvi, ic);
    int x = 1, y = 2;
    const int *pc = &x;           /* pointer to const */
    int *const cp = &x;           /* const pointer */
    const int *const cpc = &y;
    pc = &y;
    *cp = 10;
    printf("%d %d %d\n", *pc, *cp, *cpc);
    int *volatile vp = &x;
    int *restrict rp = &y;
    printf("%d %d\n", *vp, *rp);
    char buf[16];
    copy(buf, "restrict!", 10);
    printf("%s\n", buf);
    int data[] = {1, 2, 3, 4};
    printf("%d\n", sum(data, 4));
    vi = 42;
    printf("%d\n", read_volatile(&vi));
    struct config c = { 7, 0, "cfg" };
    c.ticks++;
    printf("%d %u %s\n", c.id, c.ticks, c.name);
    const char *const *pp;
    const char *strs[] = { "p", "q" };
    pp = strs;
    printf("%s%s\n", pp[0], pp[1]);
    typedef const int CI;
    CI arr2[3] = { 9, 8, 7 };
    printf("%d\n", arr2[1]);
    const struct config *pcfg = &c;
    printf("%s\n", pcfg->name);
    int *const *volatile weird = &cp;
    printf("%d\n", **weird);
    _Atomic const int aci = 3;
    printf("%d\n", aci);
    return 0;
}
