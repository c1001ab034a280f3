#include <stdio.h>

struct __attribute__((packed)) after_keyword { char c; int i; };
struct after_brace { char c; int i; } __attribute__((packed));
struct __attribute__((aligned(16))) both { char c; } __attribute__((unused));
union __attribute__((packed)) u_pk { char c; int i; };
enum __attribute__((packed)) e_pk { EA, EB, EC };
enum e_after { XA = 300, XB } __attribute__((packed));
struct __attribute__((packed)) __attribute__((aligned(2))) multi { char c; int i; };
struct __attribute__((__packed__, __aligned__(4))) combined { char a; short b; char c; };
struct declared_then_attr { int x; } __attribute__((aligned(8))) var_after = { 42 };
__attribute__((unused)) struct leading { int y; } leading_var = { 7 };
struct trailing_var { int z; } trailing_obj __attribute__((aligned(32))) = { 9 };
typedef struct __attribute__((packed)) { char a; long b; } tpk;

int main(void)
{
    printf("%zu\n", sizeof(struct after_keyword));
    printf("%zu\n", sizeof(struct after_brace));
    printf("%zu %zu\n", sizeof(struct both), _Alignof(struct both));
    printf("%zu\n", sizeof(union u_pk));
    printf("%zu %zu\n", sizeof(enum e_pk), sizeof(enum e_after));
    printf("%zu %zu\n", sizeof(struct multi), _Alignof(struct multi));
    printf("%zu %zu\n", sizeof(struct combined), _Alignof(struct combined));
    printf("%d %zu\n", var_after.x, _Alignof(struct declared_then_attr));
    printf("%d %d\n", leading_var.y, trailing_obj.z);
    printf("%zu\n", sizeof(tpk));
    struct __attribute__((packed)) { char a; int b; } local_anon = { 1, 2 };
    printf("%zu %d\n", sizeof local_anon, local_anon.b);
    return 0;
}
