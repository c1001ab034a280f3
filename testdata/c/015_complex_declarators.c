#include <stdio.h>

static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }

/* array of 3 pointers to functions */
static int (*ops[3])(int, int) = { add, sub, mul };

/* pointer to array of 3 pointers to functions */
static int (*(*pops)[3])(int, int) = &ops;

/* function returning pointer to function */
static int (*pick(int which))(int, int)
{
    return ops[which % 3];
}

/* function returning pointer to array of 4 ints */
static int table[2][4] = { {1, 2, 3, 4}, {5, 6, 7, 8} };
static int (*row(int i))[4] { return &table[i]; }

/* pointer to function returning pointer to function */
static int (*(*picker)(int))(int, int) = pick;

/* function taking a function pointer and returning a function pointer */
static void (*signal_like(int sig, void (*handler)(int)))(int)
{
    (void)sig;
    return handler;
}

static void show(int v) { printf("handler %d\n", v); }

/* array of pointers to arrays */
static int a1[2] = {10, 20}, a2[2] = {30, 40};
static int (*arrps[2])[2] = { &a1, &a2 };

typedef int (*binop)(int, int);

int main(void)
{
    printf("%d %d %d\n", ops[0](6, 3), ops[1](6, 3), ops[2](6, 3));
    printf("%d\n", (*pops)[2](4, 5));
    printf("%d\n", (*(*pops)[1])(9, 4));
    printf("%d\n", pick(4)(10, 3));
    printf("%d\n", (*row(1))[2]);
    printf("%d\n", picker(2)(7, 6));
    printf("%d\n", (*picker)(0)(1, 1));
    signal_like(1, show)(77);
    printf("%d %d\n", (*arrps[0])[1], (*arrps[1])[0]);
    int *(*fparr)[2] = 0;
    printf("%zu\n", sizeof(*fparr));
    char *(*(*x)[5])(void) = 0;
    printf("%zu %zu\n", sizeof x, sizeof *x);
    int (*(*(*deep)(void))[3])(int, int) = 0;
    (void)deep;
    binop bops[2] = { mul, add };
    printf("%d\n", bops[0](bops[1](1, 2), 3));
    int m[2][3][4];
    printf("%zu %zu %zu %zu\n", sizeof m, sizeof m[0], sizeof m[0][0], sizeof m[0][0][0]);
    int (*pm)[3][4] = m;
    pm[1][2][3] = 42;
    printf("%d\n", m[1][2][3]);
    const char *const *const names = (const char *const[]){ "x", "y" };
    printf("%s\n", names[1]);
    return 0;
}
