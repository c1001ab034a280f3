#include <stdio.h>
#include <stddef.h>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-variable"
#pragma GCC diagnostic ignored "-Wunused-function"
static int unused_helper(void) { return 1; }
#pragma GCC diagnostic pop

#pragma pack(push, 1)
struct packed1 { char c; int i; short s; };
#pragma pack(pop)

#pragma pack(2)
struct packed2 { char c; int i; };
#pragma pack()

struct normal { char c; int i; };

#pragma pack(push)
#pragma pack(4)
struct packed4 { char c; double d; };
#pragma pack(pop)

#pragma once
#pragma weak weak_symbol
int weak_symbol = 12;

#pragma GCC poison forbidden_identifier
#pragma STDC FP_CONTRACT OFF
#pragma GCC optimize("O2")
#pragma GCC push_options
#pragma GCC pop_options
#pragma unknown_vendor_pragma with arbitrary tokens 1 2 3
#pragma redefine_extname old_name new_name

int main(void)
{
#pragma GCC diagnostic ignored "-Wunused-variable"
    int unused = 0;
    printf("%zu %zu %zu\n", sizeof(struct packed1), offsetof(struct packed1, i), offsetof(struct packed1, s));
    printf("%zu %zu\n", sizeof(struct packed2), offsetof(struct packed2, i));
    printf("%zu %zu\n", sizeof(struct normal), offsetof(struct normal, i));
    printf("%zu %zu\n", sizeof(struct packed4), offsetof(struct packed4, d));
    struct packed1 p = { 'a', 0x12345678, 7 };
    printf("%c %x %d\n", p.c, p.i, p.s);
    printf("%d\n", weak_symbol);
    int sum = 0;
#pragma GCC unroll 4
    for (int i = 0; i < 8; i++) sum += i;
    printf("%d\n", sum);
    return 0;
}
