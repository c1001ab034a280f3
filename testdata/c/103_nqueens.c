/* N-queens: counts solutions for N = 1..10 with bitmask backtracking,
   prints the first solution for N = 8 as a board, cross-checks with a
   simple array-based solver, and counts fundamental solutions (distinct
   up to rotation and reflection) by canonicalising every solution under
   the 8 symmetries of the square. */
#include <stdio.h>
#include <string.h>

static int count_bitmask(int n, unsigned cols, unsigned d1, unsigned d2)
{
    unsigned full = (1u << n) - 1;
    if (cols == full) return 1;
    int count = 0;
    unsigned avail = full & ~(cols | d1 | d2);
    while (avail) {
        unsigned bit = avail & -avail;
        avail ^= bit;
        count += count_bitmask(n, cols | bit, (d1 | bit) << 1, (d2 | bit) >> 1);
    }
    return count;
}

static int queens[16];

static int safe(int row, int col)
{
    for (int r = 0; r < row; r++) {
        int c = queens[r];
        if (c == col || c - col == r - row || c - col == row - r) return 0;
    }
    return 1;
}

static int solve_array(int n, int row, int *found_first, int first[16])
{
    if (row == n) {
        if (!*found_first) { memcpy(first, queens, sizeof queens); *found_first = 1; }
        return 1;
    }
    int total = 0;
    for (int c = 0; c < n; c++) {
        if (safe(row, c)) {
            queens[row] = c;
            total += solve_array(n, row + 1, found_first, first);
        }
    }
    return total;
}

static void print_board(int n, const int *q)
{
    for (int r = 0; r < n; r++) {
        for (int c = 0; c < n; c++) putchar(q[r] == c ? 'Q' : '.');
        putchar('\n');
    }
}

/* ---- fundamental solutions ---- */

typedef struct { int n; int q[16]; } board;

static board transform(const board *b, int t)
{
    board r = { b->n, { 0 } };
    int n = b->n;
    for (int row = 0; row < n; row++) {
        int col = b->q[row], nr, nc;
        switch (t) {
        case 0: nr = row;         nc = col;         break;
        case 1: nr = col;         nc = n - 1 - row; break;   /* rotate 90 */
        case 2: nr = n - 1 - row; nc = n - 1 - col; break;   /* rotate 180 */
        case 3: nr = n - 1 - col; nc = row;         break;   /* rotate 270 */
        case 4: nr = row;         nc = n - 1 - col; break;   /* mirror */
        case 5: nr = col;         nc = row;         break;   /* transpose */
        case 6: nr = n - 1 - row; nc = col;         break;   /* flip */
        default: nr = n - 1 - col; nc = n - 1 - row; break;  /* anti-transpose */
        }
        r.q[nr] = nc;
    }
    return r;
}

static int board_cmp(const board *a, const board *b)
{
    for (int i = 0; i < a->n; i++)
        if (a->q[i] != b->q[i]) return a->q[i] < b->q[i] ? -1 : 1;
    return 0;
}

static int is_canonical(const board *b)
{
    for (int t = 1; t < 8; t++) {
        board x = transform(b, t);
        if (board_cmp(&x, b) < 0) return 0;
    }
    return 1;
}

static int fundamental;

static void enumerate(int n, int row)
{
    if (row == n) {
        board b = { n, { 0 } };
        memcpy(b.q, queens, sizeof(int) * (size_t)n);
        fundamental += is_canonical(&b);
        return;
    }
    for (int c = 0; c < n; c++)
        if (safe(row, c)) { queens[row] = c; enumerate(n, row + 1); }
}

int main(void)
{
    for (int n = 1; n <= 10; n++) {
        int a = count_bitmask(n, 0, 0, 0);
        int found = 0, first[16];
        int b = solve_array(n, 0, &found, first);
        printf("N=%2d solutions=%4d %s\n", n, a, a == b ? "agree" : "DISAGREE");
    }
    int found = 0, first[16];
    solve_array(8, 0, &found, first);
    print_board(8, first);
    for (int n = 4; n <= 9; n++) {
        fundamental = 0;
        enumerate(n, 0);
        printf("N=%d fundamental=%d\n", n, fundamental);
    }
    return 0;
}
