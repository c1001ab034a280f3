#include <stdio.h>

struct point { int x, y; };

static int sum(const int *a, int n) { int s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
static int dist2(struct point p) { return p.x * p.x + p.y * p.y; }
static struct point *ptr_to(struct point *p) { return p; }

int *file_scope = (int[]){ 4, 5, 6 };    /* static storage */

int main(void)
{
    printf("%d\n", sum((int[]){ 1, 2, 3, 4 }, 4));
    printf("%d\n", dist2((struct point){ 3, 4 }));
    printf("%d\n", dist2((struct point){ .y = 12, .x = 5 }));
    struct point *p = &(struct point){ 7, 8 };
    p->x++;
    printf("%d %d\n", p->x, p->y);
    printf("%d\n", ptr_to(&(struct point){ 1, 1 })->y);
    int *arr = (int[10]){ [9] = 90, [0] = 1 };
    printf("%d %d %d\n", arr[0], arr[5], arr[9]);
    printf("%d\n", file_scope[2]);
    const char *s = (const char[]){ 'o', 'k', '\0' };
    printf("%s\n", s);
    printf("%zu\n", sizeof((char[]){ "abcdef" }));
    double d = (double){ 2.5 } * 2;
    printf("%.1f\n", d);
    int total = 0;
    for (int i = 0; i < 3; i++) {
        int *q = (int[]){ i, i * 10 };
        total += q[0] + q[1];
    }
    printf("%d\n", total);
    struct point pts2[2];
    pts2[0] = (struct point){ 1, 2 };
    pts2[1] = (struct point){ 3 };
    printf("%d %d %d %d\n", pts2[0].x, pts2[0].y, pts2[1].x, pts2[1].y);
    int (*m)[2] = (int[][2]){ { 1, 2 }, { 3, 4 } };
    printf("%d\n", m[1][0]);
    printf("%d\n", ((struct { int a, b; }){ 5, 6 }).b);
    return 0;
}
