#include <stdio.h>
#include <stdint.h>

typedef struct { int x, y; } Point;

static int add(int a, int b) { return a + b; }

int main(void)
{
    double d = 3.99;
    printf("%d\n", (int)d);
    printf("%d\n", (int)-d);
    printf("%u\n", (unsigned)(unsigned char)300);
    printf("%d\n", (signed char)200);
    printf("%d\n", (short)70000);
    printf("%ld\n", (long)(int)0x7fffffff + 1);
    printf("%.3f\n", (double)7 / 2);
    printf("%.3f\n", (float)1 / 3);
    printf("%d\n", (_Bool)0.0 + (_Bool)-0.1);
    int i = 0x01020304;
    unsigned char *bp = (unsigned char *)&i;
    printf("%d %d %d %d\n", bp[0], bp[1], bp[2], bp[3]);
    void *vp = &i;
    int *ip = (int *)vp;
    printf("%x\n", *ip);
    uintptr_t up = (uintptr_t)ip;
    printf("%d\n", (int *)up == ip);
    int (*fp)(int, int) = (int (*)(int, int))add;
    printf("%d\n", fp(2, 3));
    void (*gp)(void) = (void (*)(void))add;
    printf("%d\n", ((int (*)(int, int))gp)(10, 20));
    Point p = {1, 2};
    Point *pp = (Point *)(void *)&p;
    printf("%d %d\n", pp->x, pp->y);
    const char *s = "hello";
    char *m = (char *)s;
    printf("%c\n", m[1]);
    printf("%d\n", (int)'A');
    printf("%c\n", (char)66);
    printf("%lld\n", (long long)1e15);
    printf("%.1f\n", (double)(1LL << 53));
    printf("%u\n", (unsigned)-1);
    printf("%llu\n", (unsigned long long)-1);
    printf("%d\n", (int)(float)16777217);
    (void)printf("cast to void\n");
    int arr[3][4];
    int (*rowp)[4] = (int (*)[4])arr;
    printf("%zu\n", sizeof(*rowp));
    printf("%zu\n", sizeof((char (*)[10])0)[0]);
    return 0;
}
