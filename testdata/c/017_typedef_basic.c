#include <stdio.h>

typedef int Int;
typedef unsigned long ULong;
typedef char *String;
typedef int Arr5[5];
typedef int (*Fn)(int);
typedef struct node { int value; struct node *next; } Node, *NodePtr;
typedef enum { RED, GREEN, BLUE } Color;
typedef union { int i; float f; } Num;
typedef Arr5 Matrix[2];
typedef const char *CStr;
typedef void Void;
typedef Fn FnTable[3];

static int inc(int x) { return x + 1; }
static int dbl(int x) { return x * 2; }
static int neg(int x) { return -x; }

static Void say(CStr s) { printf("say %s\n", s); }

int main(void)
{
    Int a = 5;
    ULong b = 6;
    String s = "typedef";
    Arr5 arr = {1, 2, 3, 4, 5};
    Fn f = inc;
    Node n2 = {2, 0};
    Node n1 = {1, &n2};
    NodePtr np = &n1;
    Color c = GREEN;
    Num num; num.i = 7;
    Matrix m = {{1, 2, 3, 4, 5}, {6, 7, 8, 9, 10}};
    FnTable tbl = { inc, dbl, neg };
    printf("%d %lu %s %d %d\n", a, b, s, arr[4], f(a));
    printf("%d %d\n", np->value, np->next->value);
    printf("%d %d\n", c, BLUE);
    printf("%d\n", num.i);
    printf("%zu %d\n", sizeof(Matrix), m[1][3]);
    for (int i = 0; i < 3; i++) printf("%d ", tbl[i](10));
    printf("\n");
    say("hi");
    typedef Int Inner;         /* block-scope typedef */
    Inner q = 3;
    printf("%d\n", q);
    typedef int Int;           /* redeclaring same typedef in inner scope is fine */
    Int z = 4;
    printf("%d\n", z);
    return 0;
}
