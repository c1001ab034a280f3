#include <stdio.h>

static int counter;
static int f(int v) { counter = counter * 10 + v; return v; }

int main(void)
{
    int a = 2, b = 3, c = 4, d = 5;
    printf("%d\n", a + b * c);
    printf("%d\n", (a + b) * c);
    printf("%d\n", a + b * c - d / a);
    printf("%d\n", a << b + 1);
    printf("%d\n", (a << b) + 1);
    printf("%d\n", a < b == c < d);
    printf("%d\n", a & b | c ^ d);
    printf("%d\n", a | b & c);
    printf("%d\n", a ^ b & c);
    printf("%d\n", a && b || !c);
    printf("%d\n", !a || b && 0);
    printf("%d\n", a > b ? c : d);
    printf("%d\n", a < b ? c > d ? 1 : 2 : 3);
    printf("%d\n", -a * -b);
    printf("%d\n", ~a & 0xff);
    printf("%d\n", !!d);
    printf("%d\n", a == 2 && b == 3);
    printf("%d\n", a != 2 || b != 3);
    printf("%d\n", c % b * a);
    printf("%d\n", 100 / 10 / 5);
    printf("%d\n", 2 - 3 - 4);
    int x, y, z;
    x = y = z = 7;
    printf("%d %d %d\n", x, y, z);
    x += y -= z *= 2;
    printf("%d %d %d\n", x, y, z);
    int arr[5] = {10, 20, 30, 40, 50};
    int *p = arr;
    printf("%d\n", *p++);
    printf("%d\n", *++p);
    printf("%d\n", ++*p);
    printf("%d\n", (*p)++);
    printf("%d\n", *p);
    printf("%d\n", p[1] + 1[p]);
    printf("%d\n", *(p + 2) - *(p - 2));
    printf("%td\n", &arr[4] - p);
    counter = 0;
    int r = f(1) && f(0) && f(2);
    printf("%d %d\n", r, counter);
    counter = 0;
    r = f(0) || f(3) || f(4);
    printf("%d %d\n", r, counter);
    printf("%d\n", sizeof a + 1 == sizeof(int) + 1);
    printf("%d\n", (a, b, c));
    printf("%d\n", a < b < c);
    printf("%d\n", 7 & 3 << 1);
    printf("%d\n", 1 ? 2 : 3 ? 4 : 5);
    return 0;
}
