#include <stdio.h>

int main(void)
{
    int i = 0;
    do {
        printf("%d ", i);
        i += 3;
    } while (i < 10);
    printf("\n");
    do printf("once\n"); while (0);
    int n = 27, steps = 0;
    while (n != 1) { n = n % 2 ? 3 * n + 1 : n / 2; steps++; }
    printf("collatz %d\n", steps);
    for (int a = 0, b = 10; a < b; a++, b--) printf("(%d,%d)", a, b);
    printf("\n");
    int k;
    for (k = 0; ; k++) if (k * k > 50) break;
    printf("%d\n", k);
    int evens = 0;
    for (int j = 0; j < 20; j++) { if (j % 2) continue; evens++; }
    printf("%d\n", evens);
    int count = 0;
    for (int x = 0; x < 5; x++)
        for (int y = 0; y < 5; y++) {
            if (y > x) break;
            count++;
        }
    printf("%d\n", count);
    int w = 5;
    while (w--) ;
    printf("%d\n", w);
    unsigned u = 3;
    do { printf("u=%u ", u); } while (u-- > 0);
    printf("\n");
    for (;;) { printf("forever once\n"); break; }
    int m = 0;
    while (1) { if (++m == 4) break; }
    printf("%d\n", m);
    char s[] = "reverse";
    for (char *p = s, *q = s + sizeof s - 2; p < q; p++, q--) { char t = *p; *p = *q; *q = t; }
    printf("%s\n", s);
    do { int inner = 1; if (inner) continue; printf("never\n"); } while (0);
    return 0;
}
