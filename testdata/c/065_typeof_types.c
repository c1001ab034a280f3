#include <stdio.h>

int main(void)
{
    typeof(int) a = 1;
    typeof(int *) p = &a;
    typeof(int[4]) arr = { 1, 2, 3, 4 };
    typeof(int (*)(int)) fp = 0;
    typeof(typeof(char) *) cp = "str";
    typeof(struct { int x, y; }) pt = { 3, 4 };
    printf("%d %d %zu %d %s %d\n", a, *p, sizeof arr, fp == 0, cp, pt.x + pt.y);
    /* typeof used to build complex declarators readably */
    typeof(int (*)[3]) rowp;
    int rows[2][3] = { { 1, 2, 3 }, { 4, 5, 6 } };
    rowp = rows;
    printf("%d\n", rowp[1][2]);
    typeof(typeof(int (*)(void)) [2]) table;   /* array of 2 function pointers */
    printf("%zu\n", sizeof table);
    typeof(const char *) names[] = { "a", "bb", "ccc" };
    printf("%zu %s\n", sizeof names / sizeof names[0], names[2]);
    __typeof__(unsigned long long) big = ~0ull;
    printf("%llu\n", big);
    typeof(_Bool) b = 5;
    printf("%d\n", b);
    typedef typeof(long double) ldt;
    printf("%zu\n", sizeof(ldt));
    typeof(int) *ptrs[2] = { &a, &arr[3] };
    printf("%d\n", *ptrs[1]);
    __auto_type inferred = arr[2] * 1.5;
    printf("%.1f %zu\n", inferred, sizeof inferred);
    return 0;
}
