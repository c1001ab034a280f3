#include <stdio.h>

struct empty {};               /* GNU extension */
struct has_empty { int a; struct empty e; int b; };
union empty_u {};

static struct empty make(void) { struct empty e; return e; }
static int take(struct empty e, int x) { (void)e; return x * 2; }

int main(void)
{
    struct empty e = {};
    struct empty arr[10];
    printf("%zu %zu\n", sizeof e, sizeof arr);
    printf("%zu\n", sizeof(struct has_empty));
    printf("%zu\n", sizeof(union empty_u));
    struct has_empty h = { 1, {}, 2 };
    printf("%d %d\n", h.a, h.b);
    e = make();
    printf("%d\n", take(e, 21));
    int zero[0];
    printf("%zu\n", sizeof zero);
    return 0;
}
