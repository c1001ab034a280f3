#include <stdio.h>

#define SQUARE(x) ({ __typeof__(x) _v = (x); _v * _v; })
#define ABS(x) ({ int _y = (x); _y < 0 ? -_y : _y; })

struct pair { int a, b; };

int main(void)
{
    int v = ({ int a = 2, b = 3; a * b; });
    printf("%d\n", v);
    printf("%d\n", SQUARE(7));
    printf("%.2f\n", SQUARE(1.5));
    printf("%d\n", ABS(-12));
    int i = 0;
    int r = ({ i++; i++; i + 10; });
    printf("%d %d\n", r, i);
    int total = 0;
    for (int k = 0; k < 5; k++)
        total += ({ int t = k * k; if (t > 5) t = 5; t; });
    printf("%d\n", total);
    struct pair p = ({ struct pair tmp = { 1, 2 }; tmp.b *= 10; tmp; });
    printf("%d %d\n", p.a, p.b);
    ({ printf("statement expr with void value\n"); });
    int nested = ({ int x = ({ 4; }) + ({ int y = 5; y; }); x * 2; });
    printf("%d\n", nested);
    const char *s = ({ const char *msg = v > 5 ? "big" : "small"; msg; });
    printf("%s\n", s);
    int w = ({ int acc = 0; for (int k = 1; k <= 10; k++) { if (k % 2) continue; acc += k; } acc; });
    printf("%d\n", w);
    int early = 0;
    for (int k = 0; k < 10; k++) {
        ({ if (k == 3) break; early += k; });   /* break out of enclosing loop */
    }
    printf("%d\n", early);
    return 0;
}
