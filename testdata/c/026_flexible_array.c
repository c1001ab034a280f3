#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct buffer {
    size_t len;
    char data[];               /* flexible array member */
};

struct ints {
    int count;
    int values[];
};

static struct buffer *make_buffer(const char *s)
{
    size_t n = strlen(s);
    struct buffer *b = malloc(sizeof *b + n + 1);
    b->len = n;
    memcpy(b->data, s, n + 1);
    return b;
}

static struct ints static_ints = { 3, { 7, 8, 9 } };   /* GNU: static init of flexible member */

int main(void)
{
    struct buffer *b = make_buffer("flexible");
    printf("%zu %s\n", b->len, b->data);
    printf("%zu\n", sizeof(struct buffer));
    free(b);
    struct ints *iv = malloc(sizeof(struct ints) + 5 * sizeof(int));
    iv->count = 5;
    for (int i = 0; i < iv->count; i++) iv->values[i] = i * i;
    int s = 0;
    for (int i = 0; i < iv->count; i++) s += iv->values[i];
    printf("%d\n", s);
    free(iv);
    printf("%d %d %d %d\n", static_ints.count, static_ints.values[0], static_ints.values[1], static_ints.values[2]);
    printf("%zu\n", sizeof(struct ints));
    return 0;
}
