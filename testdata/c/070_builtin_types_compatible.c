#include <stdio.h>

typedef int myint;
typedef struct { int x; } S1;
typedef struct { int x; } S2;
enum E { E0 };

#define IS_ARRAY(a) (!__builtin_types_compatible_p(__typeof__(a), __typeof__(&(a)[0])))
#define SAME(a, b) __builtin_types_compatible_p(__typeof__(a), __typeof__(b))

int main(void)
{
    printf("%d\n", __builtin_types_compatible_p(int, int));
    printf("%d\n", __builtin_types_compatible_p(int, myint));
    printf("%d\n", __builtin_types_compatible_p(int, const int));      /* qualifiers ignored */
    printf("%d\n", __builtin_types_compatible_p(int, unsigned));
    printf("%d\n", __builtin_types_compatible_p(long, long long));
    printf("%d\n", __builtin_types_compatible_p(char, signed char));
    printf("%d\n", __builtin_types_compatible_p(int *, const int *));
    printf("%d\n", __builtin_types_compatible_p(int[5], int[]));
    printf("%d\n", __builtin_types_compatible_p(int[5], int[6]));
    printf("%d\n", __builtin_types_compatible_p(S1, S2));
    printf("%d\n", __builtin_types_compatible_p(int (*)(int), int (*)(int)));
    printf("%d\n", __builtin_types_compatible_p(float, double));
    int arr[4], *ptr = arr;
    printf("%d %d\n", IS_ARRAY(arr), IS_ARRAY(ptr));
    double d = 0; float f = 0;
    printf("%d %d\n", SAME(d, 1.0), SAME(f, 1.0));
    enum E e = E0;
    printf("%d\n", SAME(e, (unsigned)0));
    _Static_assert(__builtin_types_compatible_p(__typeof__(arr[0]), int), "element type");
    return 0;
}
