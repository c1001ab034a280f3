#include <stdio.h>

static int id(int x) { return x; }

int a = 1, *pa = &a, arr3[3] = { 4, 5, 6 }, (*fp)(int) = id, f2(int);
static const char *const names[2] = { "n0", "n1" }, single = 'z';
unsigned long long int big = 1ull << 40, *pbig = &big;
long const volatile lcv = 9;
char const *const *volatile ppc = names;
int f2(int v) { return v * 2; }

struct s { int x; } s1 = { 1 }, *ps = &s1, sarr[2] = { { 2 }, { 3 } };
enum e { E1 = 5 } ev = E1, *pev = &ev;
union u { int i; char c; } uv = { 66 };

int main(void)
{
    printf("%d %d %d %d %d\n", a, *pa, arr3[2], fp(7), f2(8));
    printf("%s %s %c\n", names[0], names[1], single);
    printf("%llu %llu %ld\n", big, *pbig, lcv);
    printf("%s\n", ppc[1]);
    printf("%d %d %d %d\n", s1.x, ps->x, sarr[0].x, sarr[1].x);
    printf("%d %d %d\n", ev, *pev, uv.i);
    int i = 0, j = i + 1, k = j * 2, *pk = &k, **ppk = &pk;
    printf("%d %d %d %d\n", i, j, k, **ppk);
    double d1 = 1.5, d2[2] = { 2.5, 3.5 }, (*pd2)[2] = &d2;
    printf("%.1f %.1f\n", d1, (*pd2)[1]);
    char c1 = 'a', cs[] = "xyz", *cp = cs + 1;
    printf("%c %s %c\n", c1, cs, *cp);
    int m[2][2] = { { 1, 2 }, { 3, 4 } }, (*row)[2] = m, *flat = &m[0][0];
    printf("%d %d\n", row[1][1], flat[2]);
    struct { int q; } anon1 = { 10 }, anon2 = { 20 };
    printf("%d\n", anon1.q + anon2.q);
    const int ci = 3, cj = ci * 2;
    printf("%d %d\n", ci, cj);
    int *ptrs[3] = { &i, &j, &k }, *(*pptrs)[3] = &ptrs;
    printf("%d\n", *(*pptrs)[2]);
    static int st1 = 1, st2;
    printf("%d %d\n", st1, st2);
    extern int f2(int), a;
    printf("%d\n", f2(a));
    return 0;
}
