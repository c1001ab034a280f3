#include <stdio.h>

static int trace;
static int t(int v) { trace = trace * 10 + v; return v; }

int main(void)
{
    int a = (1, 2, 3);
    printf("%d\n", a);
    int b, c;
    b = (c = 4, c * 2);
    printf("%d %d\n", b, c);
    trace = 0;
    int r = (t(1), t(2), t(3));
    printf("%d %d\n", r, trace);
    int i, j;
    for (i = 0, j = 10; i < j; i += 2, j -= 2) ;
    printf("%d %d\n", i, j);
    int x = 0;
    while (x++, x < 5) ;
    printf("%d\n", x);
    int arr[5] = { 0, 1, 2, 3, 4 };
    printf("%d\n", arr[(1, 3)]);
    int y = 5;
    int z = (y += 1, y *= 2, y - 1);
    printf("%d %d\n", y, z);
    printf("%d\n", (a, b) ? (c, 7) : (c, 8));
    int *p = (x = 2, &arr[x]);
    printf("%d\n", *p);
    if (x = 0, x) printf("never\n"); else printf("comma in condition\n");
    printf("%zu\n", sizeof(0, (char)1));
    return 0;
}
