#include <stdio.h>
#include <string.h>

struct point { int x, y; };
struct rect { struct point tl, br; };
struct person { char name[16]; int age; double height; };

static int area(struct rect r) { return (r.br.x - r.tl.x) * (r.br.y - r.tl.y); }
static void grow(struct rect *r, int d) { r->tl.x -= d; r->tl.y -= d; r->br.x += d; r->br.y += d; }

int main(void)
{
    struct point p = { 1, 2 };
    struct point q;
    q = p;
    q.x += 10;
    printf("%d %d %d %d\n", p.x, p.y, q.x, q.y);
    struct rect r = { { 0, 0 }, { 4, 3 } };
    printf("%d\n", area(r));
    grow(&r, 1);
    printf("%d %d %d %d %d\n", r.tl.x, r.tl.y, r.br.x, r.br.y, area(r));
    struct person people[3] = {
        { "alice", 30, 1.65 },
        { "bob", 25, 1.80 },
        { "carol", 35, 1.72 },
    };
    int oldest = 0;
    for (int i = 1; i < 3; i++)
        if (people[i].age > people[oldest].age) oldest = i;
    printf("%s %d %.2f\n", people[oldest].name, people[oldest].age, people[oldest].height);
    struct person *pp = &people[1];
    strcpy(pp->name, "robert");
    printf("%s %zu\n", people[1].name, strlen((*pp).name));
    struct { int a; char b; } anon = { 9, 'z' };
    printf("%d %c\n", anon.a, anon.b);
    struct point pts[] = { {1, 1}, {2, 4}, {3, 9} };
    int sum = 0;
    for (size_t i = 0; i < sizeof pts / sizeof pts[0]; i++) sum += pts[i].y;
    printf("%d\n", sum);
    struct forward;                 /* incomplete declaration */
    struct forward *fp = 0;
    printf("%d\n", fp == 0);
    printf("%zu %zu %zu\n", sizeof(struct point), sizeof(struct rect), sizeof(struct person));
    struct point cmp1 = {5, 6}, cmp2 = {5, 6};
    printf("%d\n", memcmp(&cmp1, &cmp2, sizeof cmp1) == 0);
    return 0;
}
