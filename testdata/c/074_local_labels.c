#include <stdio.h>

/* __label__ lets a macro containing labels be expanded several times in one function */
#define FIND_FIRST(arr, n, val, out) ({                      \
    __label__ found, done;                                   \
    int _i;                                                  \
    for (_i = 0; _i < (n); _i++)                             \
        if ((arr)[_i] == (val)) goto found;                  \
    (out) = -1;                                              \
    goto done;                                               \
found:                                                       \
    (out) = _i;                                              \
done:;                                                       \
})

static int search_all(void)
{
    int data[] = { 4, 8, 15, 16, 23, 42 };
    int a, b, c;
    FIND_FIRST(data, 6, 15, a);
    FIND_FIRST(data, 6, 42, b);
    FIND_FIRST(data, 6, 99, c);
    return a * 100 + b * 10 + c;
}

static int block_labels(int n)
{
    int r = 0;
    {
        __label__ retry;
        int tries = 0;
    retry:
        tries++;
        if (tries < n) goto retry;
        r += tries;
    }
    {
        __label__ retry;        /* same name, different block */
        int k = 0;
    retry:
        if (++k < 3) goto retry;
        r += k * 100;
    }
    return r;
}

int main(void)
{
    printf("%d\n", search_all());
    printf("%d\n", block_labels(4));
    return 0;
}
