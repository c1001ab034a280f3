#include <stdio.h>
#include <stddef.h>

struct inner { char c; double d; int arr[4]; };
struct outer {
    char tag;
    struct inner in;
    struct inner list[3];
    union { short s; long l; } u;
};

#define container_of(ptr, type, member) ((type *)((char *)(ptr) - __builtin_offsetof(type, member)))

struct node { int value; struct { struct node *next; } link; };

int main(void)
{
    printf("%zu\n", __builtin_offsetof(struct inner, d));
    printf("%zu\n", __builtin_offsetof(struct inner, arr));
    printf("%zu\n", __builtin_offsetof(struct inner, arr[2]));
    printf("%zu\n", __builtin_offsetof(struct outer, in.d));
    printf("%zu\n", __builtin_offsetof(struct outer, list[1].arr[3]));
    printf("%zu\n", __builtin_offsetof(struct outer, u.l));
    printf("%zu\n", offsetof(struct outer, list));
    int i = 2;
    (void)i;
    struct node a = { 5, { 0 } }, b = { 6, { &a } };
    struct node *from_link = container_of(&b.link, struct node, link);
    printf("%d %d\n", from_link->value, from_link->link.next->value);
    struct outer o;
    double *dp = &o.in.d;
    struct outer *op = container_of(dp, struct outer, in.d);
    printf("%d\n", op == &o);
    enum { OFF = __builtin_offsetof(struct inner, arr) };   /* constant expression */
    char arr[OFF];
    printf("%zu\n", sizeof arr);
    printf("%zu\n", offsetof(struct { int a; char b; long c; }, c));
    return 0;
}
