#include <stdio.h>
#include <stdbool.h>

static bool is_prime(unsigned n)
{
    if (n < 2) return false;
    for (unsigned d = 2; d * d <= n; d++) if (n % d == 0) return false;
    return true;
}

struct flags { bool a : 1, b : 1; _Bool c; };

int main(void)
{
    bool t = true, f = false;
    printf("%d %d %d %d\n", t, f, true + true, !t);
    _Bool x = 256;               /* any nonzero -> 1 */
    _Bool y = 0.0001;
    _Bool z = (void *)0 != 0;
    printf("%d %d %d\n", x, y, z);
    int count = 0;
    for (unsigned i = 0; i < 50; i++) count += is_prime(i);
    printf("%d\n", count);
    bool arr[4] = { 1, 0, 2, -1 };
    printf("%d %d %d %d\n", arr[0], arr[1], arr[2], arr[3]);
    struct flags fl = { true, false, 7 };
    printf("%d %d %d %zu\n", fl.a, fl.b, fl.c, sizeof(bool));
    bool toggled = t;
    toggled = !toggled;
    toggled ^= 1;
    printf("%d\n", toggled);
    toggled++;
    printf("%d\n", toggled);
    printf("%d\n", __bool_true_false_are_defined);
    printf("%d\n", (bool)2 == (bool)3);
    return 0;
}
