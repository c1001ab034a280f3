#include <stdio.h>
#include <stdlib.h>

static int find_pair(int m[3][3], int target, int *ri, int *rj)
{
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
            if (m[i][j] == target) { *ri = i; *rj = j; goto found; }
    return 0;
found:
    return 1;
}

static int cleanup_chain(int fail_at)
{
    int status = 0;
    char *a = NULL, *b = NULL, *c = NULL;
    a = malloc(8);
    if (fail_at == 1) { status = 1; goto out_a; }
    b = malloc(8);
    if (fail_at == 2) { status = 2; goto out_b; }
    c = malloc(8);
    if (fail_at == 3) { status = 3; goto out_c; }
    printf("all allocated\n");
out_c:
    free(c);
    printf("freed c\n");
out_b:
    free(b);
    printf("freed b\n");
out_a:
    free(a);
    printf("freed a\n");
    return status;
}

int main(void)
{
    int m[3][3] = { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 9 } };
    int i, j;
    if (find_pair(m, 6, &i, &j)) printf("found at %d,%d\n", i, j);
    if (!find_pair(m, 10, &i, &j)) printf("not found\n");
    printf("status %d\n", cleanup_chain(2));
    printf("status %d\n", cleanup_chain(0));
    int n = 0;
loop:
    n++;
    if (n < 5) goto loop;
    printf("%d\n", n);
    goto skip;
    printf("skipped\n");
skip:
    {
        int k = 0;
    back:
        if (k < 3) { k++; goto back; }
        printf("k=%d\n", k);
    }
    return 0;
}
