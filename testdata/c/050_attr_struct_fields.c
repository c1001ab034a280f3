#include <stdio.h>
#include <stddef.h>

struct fields {
    char a;
    int b __attribute__((aligned(16)));
    char c;
    long d __attribute__((packed));
    int e __attribute__((unused));
    __attribute__((aligned(8))) char f;
    short g __attribute__((deprecated));
};

struct partially_packed {
    char tag;
    int value __attribute__((packed));
    double ratio;
};

struct with_flex {
    int n;
    int data[] __attribute__((aligned(8)));
};

int main(void)
{
    printf("%zu %zu\n", sizeof(struct fields), _Alignof(struct fields));
    printf("%zu %zu %zu %zu %zu %zu\n", offsetof(struct fields, b), offsetof(struct fields, c),
           offsetof(struct fields, d), offsetof(struct fields, e), offsetof(struct fields, f),
           offsetof(struct fields, g));
    printf("%zu %zu %zu\n", sizeof(struct partially_packed), offsetof(struct partially_packed, value),
           offsetof(struct partially_packed, ratio));
    printf("%zu %zu\n", sizeof(struct with_flex), offsetof(struct with_flex, data));
    struct fields f = { 'a', 2, 'c', 4, 5, 'f' };
    printf("%c %d %c %ld %d %c\n", f.a, f.b, f.c, f.d, f.e, f.f);
    return 0;
}
