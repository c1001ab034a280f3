#include <stdio.h>

_Atomic int counter = 0;
_Atomic(long) total;
static _Atomic unsigned flags = 3;

struct stats { _Atomic int hits; int misses; };

typedef _Atomic(int *) atomic_intptr;

int main(void)
{
    counter++;
    counter += 5;
    ++counter;
    counter -= 2;
    printf("%d\n", counter);
    total = 100;
    total *= 3;
    printf("%ld\n", total);
    flags |= 8;
    flags &= ~1u;
    flags ^= 16;
    printf("%u\n", flags);
    struct stats s = { 0, 0 };
    for (int i = 0; i < 10; i++) { if (i % 3) s.hits++; else s.misses++; }
    printf("%d %d\n", s.hits, s.misses);
    int v = 9;
    atomic_intptr p = &v;
    printf("%d\n", *p);
    _Atomic double ad = 1.5;
    ad = ad + 2.25;             /* load + store (compound FP ops would need libatomic) */
    printf("%.2f\n", ad);
    _Atomic _Bool flag = 0;
    flag = 1;
    printf("%d\n", flag);
    printf("%zu %zu\n", sizeof(_Atomic int), sizeof(_Atomic(char)));
    int plain = counter;
    printf("%d\n", plain * 2);
    return 0;
}
