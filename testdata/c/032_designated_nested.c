#include <stdio.h>

struct inner { int b[4]; int c; };
struct outer { struct inner a; struct inner list[2]; int tail; };
struct wrap { struct outer o; const char *label; };

int main(void)
{
    struct outer o = { .a.b[2] = 7, .a.c = 9, .list[1].b[3] = 13, .list[0].c = 5, .tail = 1 };
    printf("%d %d %d %d\n", o.a.b[0], o.a.b[2], o.a.c, o.tail);
    printf("%d %d %d\n", o.list[0].c, o.list[1].b[3], o.list[1].b[0]);
    struct wrap w = { .o.a.b = { 1, 2, 3, 4 }, .o.list[0] = { { 5 }, 6 }, .label = "wrap" };
    printf("%d %d %d %d %s\n", w.o.a.b[3], w.o.list[0].b[0], w.o.list[0].c, w.o.tail, w.label);
    struct wrap ws[2] = { [1].o.a.b[1] = 42, [1].label = "second", [0] = { .label = "first" } };
    printf("%s %s %d\n", ws[0].label, ws[1].label, ws[1].o.a.b[1]);
    int grid[2][3][2] = { [1][2][1] = 8, [0][1] = { 3, 4 } };
    printf("%d %d %d %d\n", grid[1][2][1], grid[0][1][0], grid[0][1][1], grid[1][0][0]);
    struct { struct { int x, y; } pos; int id; } ent = { .pos.y = 3, .id = 4, .pos.x = 2 };
    printf("%d %d %d\n", ent.pos.x, ent.pos.y, ent.id);
    struct outer o2 = { .a = { .c = 1, .b = { [3] = 2 } }, .a.b[0] = 3 };
    printf("%d %d %d\n", o2.a.b[0], o2.a.b[3], o2.a.c);
    return 0;
}
