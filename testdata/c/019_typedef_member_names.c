#include <stdio.h>

typedef int T;
typedef unsigned int U;
typedef struct S S;

struct S {
    T T;                       /* member named like the typedef */
    U U;
    int S;                     /* member named like the struct tag/typedef */
};

union W { T T; char c[4]; };

enum { T_VAL = 7 };

static int get(S *s) { return s->T + s->U + s->S; }

int main(void)
{
    S s;
    s.T = 1;
    s.U = 2;
    s.S = 3;
    printf("%d\n", get(&s));
    T local = s.T * 10;        /* T is still a type here */
    printf("%d\n", local);
    union W w;
    w.T = 0x41424344;
    printf("%c\n", w.c[0]);
    struct { T T; T *P; } anon = { 5, 0 };
    anon.P = &anon.T;
    printf("%d\n", *anon.P);
    struct inner { struct { T T; } T2; } nest = { { 8 } };
    printf("%d\n", nest.T2.T);
    printf("%d\n", T_VAL);
    S arr[2] = { { 1, 1, 1 }, { .S = 9, .T = 4 } };
    printf("%d %d %u\n", arr[1].S, arr[1].T, arr[1].U);
    printf("%zu\n", sizeof(S));
    return 0;
}
