#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct msg {
    int len;
    char body[0];              /* GNU zero-length array */
};

struct header { short kind; short flags; int data[0]; };

struct two_tails { int n; union { int ints[0]; double dbls[0]; }; };

int main(void)
{
    printf("%zu %zu\n", sizeof(struct msg), sizeof(struct header));
    struct msg *m = malloc(sizeof *m + 6);
    m->len = 6;
    memcpy(m->body, "zeros", 6);
    printf("%d %s\n", m->len, m->body);
    free(m);
    struct header *h = malloc(sizeof *h + 3 * sizeof(int));
    h->kind = 1;
    h->flags = 2;
    for (int i = 0; i < 3; i++) h->data[i] = (i + 1) * 11;
    printf("%d %d %d %d %d\n", h->kind, h->flags, h->data[0], h->data[1], h->data[2]);
    free(h);
    int empty[0];
    printf("%zu\n", sizeof empty);
    printf("%zu\n", sizeof(struct two_tails));
    struct two_tails *t = malloc(sizeof *t + 2 * sizeof(double));
    t->n = 2;
    t->dbls[0] = 1.5; t->dbls[1] = 2.5;
    printf("%.1f\n", t->dbls[0] + t->dbls[1]);
    free(t);
    return 0;
}
