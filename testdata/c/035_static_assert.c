#include <stdio.h>
#include <assert.h>
#include <limits.h>

_Static_assert(sizeof(int) == 4, "int must be 32-bit");
_Static_assert(CHAR_BIT == 8, "bytes are 8 bits");
static_assert(sizeof(long) == 8, "LP64");

struct packet {
    unsigned char type;
    unsigned char len;
    unsigned short crc;
    _Static_assert(1 + 1 == 2, "inside a struct");
};

_Static_assert(sizeof(struct packet) == 4, "packet size");

enum { N = 16 };
_Static_assert(N % 4 == 0, "N multiple of 4");

static int f(void)
{
    _Static_assert(sizeof(char) == 1, "block scope");
    return 1;
}

int main(void)
{
    _Static_assert(__alignof__(double) == 8, "align double");
    for (int i = 0; i < 1; i++) {
        _Static_assert(N > 0, "in loop");
        printf("loop body\n");
    }
    printf("%d\n", f());
    printf("%zu\n", sizeof(struct packet));
    assert(f() == 1);
    printf("all static assertions passed\n");
    return 0;
}
