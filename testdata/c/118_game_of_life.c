/* Conway's Game of Life on a torus with a glider, a blinker and an
   R-pentomino; prints selected generations, population counts, and a
   hash of the board to detect cycles. */
#include <stdio.h>
#include <string.h>
#include <stdint.h>

#define W 24
#define H 14

typedef unsigned char grid[H][W];

static void place(grid g, int r, int c, const char *const *pattern, int rows)
{
    for (int i = 0; i < rows; i++)
        for (int j = 0; pattern[i][j]; j++)
            if (pattern[i][j] == '#') g[(r + i) % H][(c + j) % W] = 1;
}

static int neighbours(grid g, int r, int c)
{
    int n = 0;
    for (int dr = -1; dr <= 1; dr++)
        for (int dc = -1; dc <= 1; dc++) {
            if (!dr && !dc) continue;
            n += g[(r + dr + H) % H][(c + dc + W) % W];
        }
    return n;
}

static void step(grid g)
{
    grid next;
    for (int r = 0; r < H; r++)
        for (int c = 0; c < W; c++) {
            int n = neighbours(g, r, c);
            next[r][c] = g[r][c] ? (n == 2 || n == 3) : n == 3;
        }
    memcpy(g, next, sizeof next);
}

static int population(grid g)
{
    int p = 0;
    for (int r = 0; r < H; r++)
        for (int c = 0; c < W; c++) p += g[r][c];
    return p;
}

static uint64_t board_hash(grid g)
{
    uint64_t h = 14695981039346656037ull;
    for (int r = 0; r < H; r++)
        for (int c = 0; c < W; c++) { h ^= g[r][c]; h *= 1099511628211ull; }
    return h;
}

static void show(grid g, int gen)
{
    printf("generation %d, population %d\n", gen, population(g));
    for (int r = 0; r < H; r++) {
        for (int c = 0; c < W; c++) putchar(g[r][c] ? '#' : '.');
        putchar('\n');
    }
}

int main(void)
{
    static const char *const glider[] = { ".#.", "..#", "###" };
    static const char *const blinker[] = { "###" };
    static const char *const rpent[] = { ".##", "##.", ".#." };
    grid g;
    memset(g, 0, sizeof g);
    place(g, 1, 1, glider, 3);
    place(g, 2, 18, blinker, 1);
    place(g, 8, 10, rpent, 3);
    show(g, 0);
    uint64_t seen[64];
    int nseen = 0;
    for (int gen = 1; gen <= 60; gen++) {
        step(g);
        if (gen == 4 || gen == 30 || gen == 60) show(g, gen);
        uint64_t h = board_hash(g);
        for (int i = 0; i < nseen; i++)
            if (seen[i] == h) { printf("repeat at generation %d\n", gen); break; }
        if (nseen < 64) seen[nseen++] = h;
        else { memmove(seen, seen + 1, sizeof seen - sizeof *seen); seen[63] = h; }
    }
    printf("final hash %016llx\n", (unsigned long long)board_hash(g));
    grid only_blinker;
    memset(only_blinker, 0, sizeof only_blinker);
    place(only_blinker, 5, 5, blinker, 1);
    uint64_t h0 = board_hash(only_blinker);
    step(only_blinker);
    uint64_t h1 = board_hash(only_blinker);
    step(only_blinker);
    printf("blinker period 2: %s, differs after 1: %s\n", board_hash(only_blinker) == h0 ? "yes" : "no", h1 != h0 ? "yes" : "no");
    return 0;
}
