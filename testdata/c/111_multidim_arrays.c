#include <stdio.h>

static int grid[3][4] = { { 1, 2, 3, 4 }, { 5, 6, 7, 8 }, { 9, 10, 11, 12 } };
static char words[][8] = { "alpha", "beta", "gamma" };
static int jagged_a[] = { 1 }, jagged_b[] = { 2, 3 }, jagged_c[] = { 4, 5, 6 };
static int *jagged[] = { jagged_a, jagged_b, jagged_c };

static int sum_rows(int (*m)[4], int rows)
{
    int s = 0;
    for (int i = 0; i < rows; i++)
        for (int j = 0; j < 4; j++) s += m[i][j];
    return s;
}

static void rotate(int n, int m[n][n])
{
    for (int layer = 0; layer < n / 2; layer++) {
        int first = layer, last = n - 1 - layer;
        for (int i = first; i < last; i++) {
            int off = i - first;
            int top = m[first][i];
            m[first][i] = m[last - off][first];
            m[last - off][first] = m[last][last - off];
            m[last][last - off] = m[i][last];
            m[i][last] = top;
        }
    }
}

int main(void)
{
    printf("%d\n", sum_rows(grid, 3));
    printf("%d %d\n", grid[2][3], *(*(grid + 1) + 2));
    printf("%d\n", (*grid)[5]);           /* row-major layout: grid[1][1] */
    for (int i = 0; i < 3; i++) printf("%s(%zu) ", words[i], sizeof words[i]);
    printf("\n");
    for (int i = 0; i < 3; i++) {
        for (int j = 0; j <= i; j++) printf("%d", jagged[i][j]);
        printf(" ");
    }
    printf("\n");
    int cube[2][3][4];
    int v = 0;
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 3; j++)
            for (int k = 0; k < 4; k++) cube[i][j][k] = v++;
    printf("%d %d %zu\n", cube[1][2][3], cube[1][0][2], sizeof cube[1]);
    int (*plane)[4] = cube[1];
    printf("%d\n", plane[1][1]);
    int m[4][4];
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++) m[i][j] = i * 4 + j;
    rotate(4, m);
    for (int i = 0; i < 4; i++) printf("%2d %2d %2d %2d\n", m[i][0], m[i][1], m[i][2], m[i][3]);
    char board[3][3] = { "xo", "ox", { 'x', 'x', 'o' } };
    printf("%c%c%c\n", board[0][0], board[1][1], board[2][2]);
    printf("%d\n", board[0][2]);
    int identity[5][5] = { [0][0] = 1, [1][1] = 1, [2][2] = 1, [3][3] = 1, [4][4] = 1 };
    int trace = 0;
    for (int i = 0; i < 5; i++) trace += identity[i][i];
    printf("%d\n", trace);
    return 0;
}
