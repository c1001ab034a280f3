#include <stdio.h>
#include <stddef.h>

#define DO_PRAGMA(x) _Pragma(#x)
#define IGNORE_WARNING(w) DO_PRAGMA(GCC diagnostic ignored w)
#define PACKED_BEGIN _Pragma("pack(push, 1)")
#define PACKED_END _Pragma("pack(pop)")

_Pragma("GCC diagnostic push")
IGNORE_WARNING("-Wunused-function")
static int quiet(void) { return 3; }
_Pragma("GCC diagnostic pop")

PACKED_BEGIN
struct wire { char tag; long value; };
PACKED_END

struct loose { char tag; long value; };

#define LOOP_UNROLL(n) DO_PRAGMA(GCC unroll n)

int main(void)
{
    printf("%zu %zu\n", sizeof(struct wire), sizeof(struct loose));
    _Pragma("GCC diagnostic push") _Pragma("GCC diagnostic ignored \"-Wunused-variable\"")
    int x = 5;
    _Pragma("GCC diagnostic pop")
    int total = 0;
    LOOP_UNROLL(2)
    for (int i = 0; i < 10; i++) total += i * x;
    printf("%d\n", total);
    printf("%d\n", quiet());
    return 0;
}
