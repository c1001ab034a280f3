#include <stdio.h>

#define SWAP(a, b) do { __typeof__(a) _t = (a); (a) = (b); (b) = _t; } while (0)
#define MAX(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a > _b ? _a : _b; })

static int counter;
static int next(void) { return ++counter; }

int main(void)
{
    int i = 3, j = 4;
    SWAP(i, j);
    printf("%d %d\n", i, j);
    double x = 1.5, y = -2.5;
    SWAP(x, y);
    printf("%.1f %.1f\n", x, y);
    printf("%d\n", MAX(next(), next()));     /* each argument evaluated once */
    printf("%d\n", counter);
    typeof(i) k = 10;
    __typeof__(x) dd = 0.25;
    typeof(&i) pi = &k;
    printf("%d %.2f %d\n", k, dd, *pi);
    typeof(1 + 2.0f) f = 1.5f;
    printf("%zu\n", sizeof f);
    typeof(next()) n = 7;                    /* not evaluated */
    printf("%d %d\n", n, counter);
    char buf[17];
    typeof(buf) buf2;
    printf("%zu\n", sizeof buf2);
    typeof(buf[0]) c = 'c';
    printf("%c\n", c);
    typeof(*pi) deref = 99;
    printf("%d\n", deref);
    const int ci = 1;
    __typeof__(ci) cj = 2;                   /* const int */
    printf("%d\n", cj);
    __typeof(i) old_spelling = 5;
    printf("%d\n", old_spelling);
    struct { int a; } s = { 3 };
    typeof(s) s2 = s;
    s2.a++;
    printf("%d %d\n", s.a, s2.a);
    typeof(s.a) member = 8;
    printf("%d\n", member);
    typeof(next) *fp = next;
    printf("%d\n", fp());
    return 0;
}
