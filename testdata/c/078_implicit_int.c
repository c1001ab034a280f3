#include <stdio.h>

static x = 3;               /* implicit int */
const y = 4;
static volatile z = 5;
unsigned u = 6;             /* "unsigned" alone means unsigned int */
long l = 7;                 /* long int */
short s = 8;
signed sg = -9;
register_like();            /* implicit int function declaration */

twice(n)                    /* implicit int return and parameter */
{
    return n * 2;
}

static counter(void)
{
    static calls;
    return ++calls;
}

register_like() { return 42; }

main()
{
    auto a = 10;
    register r = 11;
    const c = 12;
    printf("%d %d %d %u %ld %d %d\n", x, y, z, u, l, s, sg);
    printf("%d %d %d\n", a, r, c);
    printf("%d\n", twice(21));
    counter(); counter();
    printf("%d\n", counter());
    printf("%d\n", register_like());
    printf("%zu %zu\n", sizeof x, sizeof(u));
    return 0;
}
