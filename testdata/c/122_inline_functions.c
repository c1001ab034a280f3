#include <stdio.h>

static inline int sq(int x) { return x * x; }
inline static int cube(int x) { return x * sq(x); }
__inline__ static int quad(int x) { return sq(sq(x)); }
__inline static int neg(int x) { return -x; }

/* C99 inline definition plus one external definition in this TU */
inline int twice(int x) { return 2 * x; }
extern int twice(int x);

/* GNU89 inline semantics via attribute */
extern inline __attribute__((gnu_inline)) int gnu_add(int a, int b) { return a + b; }
int gnu_add(int a, int b);

static inline __attribute__((always_inline)) int forced(int v) { return v + 7; }

int main(void)
{
    printf("%d %d %d %d\n", sq(5), cube(3), quad(2), neg(4));
    printf("%d\n", twice(21));
    int (*fp)(int) = twice;
    printf("%d\n", fp(4));
    printf("%d\n", forced(1));
    printf("%d\n", gnu_add(2, 3));
    return 0;
}

int gnu_add(int a, int b) { return a + b + 0; }
