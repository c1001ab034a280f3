#include <stdio.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

struct s1 { char c; };
struct s2 { char c; int i; };
struct s3 { char c; double d; char e; };
struct s4 { int i; char c[3]; };
union u1 { char c; long l; };
enum e1 { A, B };

int main(void)
{
    printf("char %zu short %zu int %zu long %zu llong %zu\n", sizeof(char), sizeof(short), sizeof(int), sizeof(long), sizeof(long long));
    printf("float %zu double %zu ldouble %zu bool %zu\n", sizeof(float), sizeof(double), sizeof(long double), sizeof(_Bool));
    printf("ptr %zu fnptr %zu size_t %zu ptrdiff %zu\n", sizeof(void *), sizeof(void (*)(void)), sizeof(size_t), sizeof(ptrdiff_t));
    printf("wchar %zu int8 %zu int16 %zu int32 %zu int64 %zu intptr %zu\n", sizeof(wchar_t), sizeof(int8_t), sizeof(int16_t), sizeof(int32_t), sizeof(int64_t), sizeof(intptr_t));
    printf("s1 %zu s2 %zu s3 %zu s4 %zu u1 %zu e1 %zu\n", sizeof(struct s1), sizeof(struct s2), sizeof(struct s3), sizeof(struct s4), sizeof(union u1), sizeof(enum e1));
    int arr[7];
    int *p = arr;
    printf("%zu %zu %zu %zu\n", sizeof arr, sizeof p, sizeof *p, sizeof arr / sizeof arr[0]);
    printf("%zu %zu\n", sizeof "literal", sizeof L"wide");
    printf("%zu %zu %zu\n", sizeof 'x', sizeof((char)'x'), sizeof 1.0f);
    printf("%zu\n", sizeof(int[3][5]));
    double m[4][6];
    printf("%zu %zu %zu\n", sizeof m, sizeof m[0], sizeof m[0][0]);
    int n = 0;
    size_t sz = sizeof(n++);          /* operand not evaluated */
    printf("%zu %d\n", sz, n);
    printf("%zu\n", sizeof(struct { int a : 3; int b : 5; }));
    printf("%zu\n", sizeof(max_align_t) >= 16);
    printf("%zu\n", sizeof(int (*)[10]));
    printf("%zu\n", sizeof(&arr));
    printf("%zu\n", sizeof(arr + 0));
    printf("%zu\n", sizeof(main));      /* GNU: sizeof function is 1 */
    printf("%zu\n", sizeof(void));      /* GNU: sizeof void is 1 */
    printf("%zu\n", sizeof(p[0] + 0LL));
    printf("%zu %zu\n", _Alignof(struct s3), __alignof__(struct s4));
    printf("%zu\n", sizeof(struct s2[10]));
    printf("%zu\n", sizeof(signed char) + sizeof(unsigned char) + sizeof(unsigned long long));
    return 0;
}
