#include <stdio.h>
#include <stddef.h>

struct rec { char tag; int vals[4]; double d; };

enum {
    SZ_INT = sizeof(int),
    OFF_D = offsetof(struct rec, d),
    CAST_V = (int)3.9 + (char)258,
    SHIFTED = 1 << 10 | 1 >> 1,
    TERN = SZ_INT > 2 ? 100 : 200,
    NEG = -(5 % 3) * ~0,
    LOGIC = (3 && 0) + (3 || 0) + !5,
    CHARS = 'a' - 'A',
};

static int arr[SZ_INT * 2 + 1];
static char buf[sizeof(struct rec) / sizeof(int)];
static const int table[] = { [SHIFTED & 7] = 1, [CAST_V] = 2 };

static int global = 5;
static int garr[10];
static int *const p_elem = &garr[3];              /* address constant */
static const char *const str_off = "constant" + 3;
static int *const p_end = garr + 10;
static const size_t diff = sizeof garr / sizeof garr[0];
static int (*const fp)(const char *, ...) = printf;
static struct rec const rc = { 'r', { 1, 2 }, 2.5 };
static int *pglobal = &global;
static long addr_diff_ok = (long)sizeof(&garr[5] - &garr[1]);
static double dconst = 1.0 / 4 + 2 * 0.5;
static unsigned long long ull = 0xffffffffULL * 0x10;
static _Bool b = 0.5;

int main(void)
{
    printf("%d %d %d %d %d %d %d %d\n", SZ_INT, OFF_D, CAST_V, SHIFTED, TERN, NEG, LOGIC, CHARS);
    printf("%zu %zu %zu\n", sizeof arr / sizeof arr[0], sizeof buf, sizeof table / sizeof table[0]);
    p_elem[0] = 33;
    printf("%d %s %td %zu\n", garr[3], str_off, p_end - garr, diff);
    fp("%c %d %.1f %d\n", rc.tag, rc.vals[1], rc.d, *pglobal);
    printf("%ld %.2f %llu %d\n", addr_diff_ok, dconst, ull, b);
    _Static_assert(OFF_D == 24, "offset");
    _Static_assert(sizeof(int[CAST_V]) == 20, "vla-free constant");
    switch (7) { case SZ_INT + 3: printf("case constant\n"); break; default: break; }
    return 0;
}
