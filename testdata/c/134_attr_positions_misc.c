#include <stdio.h>

enum level {
    LOW __attribute__((unused)) = 1,
    MID,
    HIGH __attribute__((deprecated)) = 10,
};

__attribute__((unused)) static int a1;
static __attribute__((unused)) int a2;
static int __attribute__((unused)) a3;
static int a4 __attribute__((unused));
static int __attribute__((unused)) b1, __attribute__((unused)) b2 = 2, b3 __attribute__((unused)) = 3;

int proto(int x) __attribute__((const));
int proto(int x) { return x + 1; }

__attribute__((noinline)) __attribute__((unused)) static int stacked(void) { return 7; }
static int __attribute__((noinline, unused, used)) listed(void) { return 8; }
static int attr_after_params(int x) __attribute__((pure));
static int attr_after_params(int x) { return x * 2; }

struct s {
    int x __attribute__((aligned(8))), y;
    __attribute__((unused)) int z;
    char tail[] __attribute__((aligned(4)));
};

typedef struct s __attribute__((aligned(16))) s_aligned;

static void (*fp_attr)(void) __attribute__((unused));
static int arr_attr[3] __attribute__((unused)) = { 1, 2, 3 };

int main(void)
{
    printf("%d %d %d\n", LOW, MID, HIGH);
    printf("%d %d %d\n", b1, b2, b3);
    printf("%d %d %d %d\n", proto(1), stacked(), listed(), attr_after_params(4));
    printf("%zu %zu\n", sizeof(struct s), _Alignof(s_aligned));
    int __attribute__((unused)) local1, local2 __attribute__((unused)) = 5;
    printf("%d\n", local2);
    for (__attribute__((unused)) int i = 0; i < 1; i++) printf("loop\n");
    printf("%d\n", arr_attr[2]);
    int r = 0;
    switch (r) {
    case 0:
        r = 1;
        __attribute__((fallthrough));
    case 1:
        r += 10;
        break;
    }
    printf("%d\n", r);
    return 0;
}
