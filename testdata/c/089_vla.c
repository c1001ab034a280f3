#include <stdio.h>

static int sum_matrix(int rows, int cols, int m[rows][cols])
{
    int s = 0;
    for (int i = 0; i < rows; i++)
        for (int j = 0; j < cols; j++) s += m[i][j];
    return s;
}

static void fill(int n, int a[*]);
static void fill(int n, int a[n])
{
    for (int i = 0; i < n; i++) a[i] = i * i;
}

static void transpose(int n, int m, const double src[n][m], double dst[m][n])
{
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++) dst[j][i] = src[i][j];
}

int main(void)
{
    for (int n = 1; n <= 4; n++) {
        int vla[n];
        fill(n, vla);
        int s = 0;
        for (int i = 0; i < n; i++) s += vla[i];
        printf("n=%d sizeof=%zu sum=%d\n", n, sizeof vla, s);
    }
    int r = 3, c = 4;
    int m[r][c];
    for (int i = 0; i < r; i++)
        for (int j = 0; j < c; j++) m[i][j] = i * c + j;
    printf("%d\n", sum_matrix(r, c, m));
    printf("%zu %zu\n", sizeof m, sizeof m[0]);
    double src[2][3] = { { 1, 2, 3 }, { 4, 5, 6 } };
    double dst[3][2];
    transpose(2, 3, src, dst);
    printf("%.0f %.0f %.0f\n", dst[0][1], dst[2][0], dst[2][1]);
    int k = 5;
    typedef char buf_t[k * 2];      /* VLA typedef: size fixed at typedef point */
    k = 100;
    buf_t b;
    printf("%zu\n", sizeof(buf_t) + sizeof b);
    int (*p)[c] = m;                /* pointer to VLA */
    printf("%d\n", p[2][3]);
    int n = 6;
    char text[n + 1];
    for (int i = 0; i < n; i++) text[i] = (char)('a' + i);
    text[n] = 0;
    printf("%s\n", text);
    return 0;
}
