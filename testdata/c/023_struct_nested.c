#include <stdio.h>

struct outer {
    int id;
    struct inner {
        int a;
        struct deepest { char tag; int vals[3]; } d;
    } in;
    struct inner arr[2];
    union { int i; float f; } u;
    enum kind { K_ONE = 1, K_TWO } k;
};

struct list { int v; struct list *next; };
struct tree { int key; struct tree *left, *right; };

static int tree_sum(const struct tree *t) { return t ? t->key + tree_sum(t->left) + tree_sum(t->right) : 0; }

int main(void)
{
    struct outer o = { 1, { 2, { 'x', { 3, 4, 5 } } }, { { 6, { 'y', { 7 } } }, { 8 } }, { 9 }, K_TWO };
    printf("%d %d %c %d %d %d\n", o.id, o.in.a, o.in.d.tag, o.in.d.vals[0], o.in.d.vals[1], o.in.d.vals[2]);
    printf("%d %c %d %d %d\n", o.arr[0].a, o.arr[0].d.tag, o.arr[0].d.vals[0], o.arr[0].d.vals[1], o.arr[1].a);
    printf("%d %d\n", o.u.i, o.k);
    struct inner standalone = { 11, { 'q', { 1, 2, 3 } } };   /* tag visible at file scope */
    struct deepest dd = standalone.d;
    enum kind kk = K_ONE;
    printf("%d %c %d %d\n", standalone.a, dd.tag, dd.vals[2], kk);
    struct list c = { 3, 0 }, b = { 2, &c }, a = { 1, &b };
    for (struct list *l = &a; l; l = l->next) printf("%d ", l->v);
    printf("\n");
    struct tree l1 = { 2, 0, 0 }, r1 = { 3, 0, 0 }, root = { 1, &l1, &r1 };
    struct tree r2 = { 10, 0, 0 };
    l1.right = &r2;
    printf("%d\n", tree_sum(&root));
    o.in.d.vals[1] = 40;
    struct outer copy = o;
    copy.in.d.vals[1]++;
    printf("%d %d\n", o.in.d.vals[1], copy.in.d.vals[1]);
    printf("%zu %zu\n", sizeof(struct outer), sizeof(struct inner));
    return 0;
}
