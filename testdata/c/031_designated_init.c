#include <stdio.h>

struct point { int x, y, z; };
struct config { const char *name; int port; int flags; double ratio; };

int main(void)
{
    int a[6] = { [4] = 40, [1] = 10, 11, [0] = 5 };
    for (int i = 0; i < 6; i++) printf("%d ", a[i]);
    printf("\n");
    struct point p = { .z = 3, .x = 1 };
    printf("%d %d %d\n", p.x, p.y, p.z);
    struct point q = { .y = 2, 3 };        /* positional continues after .y */
    printf("%d %d %d\n", q.x, q.y, q.z);
    struct config c = { .port = 8080, .name = "srv", .ratio = 0.25 };
    printf("%s %d %d %.2f\n", c.name, c.port, c.flags, c.ratio);
    struct point arr[3] = { [2] = { .y = 9 }, [0].x = 4, [0].z = 6 };
    for (int i = 0; i < 3; i++) printf("(%d,%d,%d)", arr[i].x, arr[i].y, arr[i].z);
    printf("\n");
    int b[] = { [9] = 1 };                  /* size from largest index */
    printf("%zu\n", sizeof b / sizeof b[0]);
    char s[8] = { [3] = 'x', [0] = 'a' };
    printf("%d %c %c\n", s[1], s[0], s[3]);
    int m[3][3] = { [0][0] = 1, [1][1] = 1, [2][2] = 1 };
    for (int i = 0; i < 3; i++) printf("%d%d%d\n", m[i][0], m[i][1], m[i][2]);
    int over[3] = { [1] = 5, [1] = 7 };      /* later overrides */
    printf("%d\n", over[1]);
    union { int i; float f; char c[4]; } u = { .c = { 'A', 'B' } };
    printf("%c%c\n", u.c[0], u.c[1]);
    static const int lut[] = { ['a'] = 1, ['e'] = 2, ['i'] = 3, ['o'] = 4, ['u'] = 5 };
    printf("%d %d %zu\n", lut['e'], lut['b'], sizeof lut / sizeof *lut);
    return 0;
}
