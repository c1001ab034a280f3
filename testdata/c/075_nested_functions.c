/* gocc-test: gcc-only */
#include <stdio.h>
#include <stdlib.h>

static void apply(int *arr, int n, void (*fn)(int *))
{
    for (int i = 0; i < n; i++) fn(&arr[i]);
}

static int outer(int base)
{
    int total = 0;
    void add_base(int *p) { *p += base; total += *p; }   /* captures base and total */
    int arr[4] = { 1, 2, 3, 4 };
    apply(arr, 4, add_base);
    return total;
}

static int sort_desc(void)
{
    int direction = -1;
    int cmp(const void *a, const void *b)
    {
        return direction * (*(const int *)a - *(const int *)b);
    }
    int v[6] = { 3, 1, 4, 1, 5, 9 };
    qsort(v, 6, sizeof v[0], cmp);
    int r = 0;
    for (int i = 0; i < 6; i++) r = r * 10 + v[i];
    return r;
}

static int recursive_nested(int n)
{
    int calls = 0;
    int fact(int k) { calls++; return k <= 1 ? 1 : k * fact(k - 1); }
    int r = fact(n);
    return r * 100 + calls;
}

static int with_goto(int x)
{
    __label__ out;
    int check(int v) { if (v > 10) goto out; return v * 2; }
    int r = check(x);
    return r;
out:
    return -1;
}

int main(void)
{
    printf("%d\n", outer(10));
    printf("%d\n", sort_desc());
    printf("%d\n", recursive_nested(5));
    printf("%d %d\n", with_goto(3), with_goto(20));
    auto int helper(int);               /* forward declaration of nested function */
    int twice(int q) { return helper(q) * 2; }
    int helper(int q) { return q + 1; }
    printf("%d\n", twice(4));
    return 0;
}
