#include <stdio.h>

struct small { int a; };
struct pair { int x, y; };
struct mixed { char c; double d; };
struct big { long v[8]; char name[16]; };
struct floats { float a, b, c; };
union num { int i; double d; };

static struct small make_small(int v) { return (struct small){ v }; }
static struct pair swap(struct pair p) { return (struct pair){ p.y, p.x }; }
static struct mixed scale(struct mixed m, double k) { m.d *= k; m.c++; return m; }
static struct big fill(int seed)
{
    struct big b;
    for (int i = 0; i < 8; i++) b.v[i] = (long)seed * i;
    snprintf(b.name, sizeof b.name, "big%d", seed);
    return b;
}
static long sum_big(struct big b) { long s = 0; for (int i = 0; i < 8; i++) s += b.v[i]; b.v[0] = 999; return s; }
static struct floats addf(struct floats p, struct floats q) { return (struct floats){ p.a + q.a, p.b + q.b, p.c + q.c }; }
static union num as_double(double d) { union num n; n.d = d; return n; }
static struct pair many(int a, int b, int c, int d, int e, int f, int g, struct pair p, struct big bb, double h)
{
    return (struct pair){ a + b + c + d + e + f + g + p.x + (int)bb.v[1], p.y + (int)h };
}

int main(void)
{
    printf("%d\n", make_small(7).a);
    struct pair p = swap((struct pair){ 1, 2 });
    printf("%d %d\n", p.x, p.y);
    struct mixed m = scale((struct mixed){ 'a', 1.5 }, 4);
    printf("%c %.1f\n", m.c, m.d);
    struct big b = fill(3);
    printf("%s %ld %ld\n", b.name, b.v[7], sum_big(b));
    printf("%ld\n", b.v[0]);                       /* unchanged by callee */
    struct floats f = addf((struct floats){ 1, 2, 3 }, (struct floats){ 0.5f, 0.25f, 0.125f });
    printf("%.3f %.3f %.3f\n", (double)f.a, (double)f.b, (double)f.c);
    printf("%.2f\n", as_double(6.25).d);
    struct pair q = many(1, 2, 3, 4, 5, 6, 7, (struct pair){ 8, 9 }, fill(2), 10.0);
    printf("%d %d\n", q.x, q.y);
    printf("%d\n", swap(swap(p)).x);
    struct pair arr[2] = { swap(p), make_small(0).a ? p : swap(p) };
    printf("%d %d\n", arr[0].x, arr[1].y);
    return 0;
}
