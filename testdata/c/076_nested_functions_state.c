/* gocc-test: gcc-only */
/* Nested functions called directly (no address taken, so no trampoline
   and no executable stack is needed). */
#include <stdio.h>

static int count_matching(const int *v, int n, int lo, int hi)
{
    int seen = 0;
    int in_range(int x)
    {
        if (x >= lo && x <= hi) { seen++; return x; }
        return 0;
    }
    int s = 0;
    for (int i = 0; i < n; i++) s += in_range(v[i]);
    return s * 1000 + seen;
}

static int nested_twice(int m)
{
    int level1(int a)
    {
        int level2(int b) { return a * b + m; }
        return level2(a + 1);
    }
    return level1(3);
}

static int accumulate(int n)
{
    int total = 0;
    void add(int k) { total += k; }
    static int helper_calls;
    inline int sq(int k) { helper_calls++; return k * k; }
    for (int i = 1; i <= n; i++) add(sq(i));
    return total * 10 + (helper_calls > 0);
}

int main(void)
{
    int data[] = { 5, 12, 7, 20, 3, 9 };
    printf("%d\n", count_matching(data, 6, 5, 12));
    printf("%d\n", nested_twice(100));
    int counter = 0;
    void tick(void) { counter += 3; }
    for (int i = 0; i < 4; i++) tick();
    printf("%d\n", counter);
    printf("%d\n", accumulate(5));
    return 0;
}
