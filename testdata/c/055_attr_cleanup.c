#include <stdio.h>
#include <stdlib.h>

static int depth;

static void free_ptr(void *p)
{
    void **pp = p;
    printf("free %s\n", *pp ? (char *)*pp : "(null)");
    free(*pp);
}

static void leave(int *level)
{
    printf("leave level %d\n", *level);
    depth--;
}

#define SCOPED __attribute__((cleanup(leave)))
#define AUTOFREE __attribute__((cleanup(free_ptr)))

static int work(int n)
{
    SCOPED int lvl = ++depth;
    AUTOFREE char *buf = malloc(16);
    snprintf(buf, 16, "buf%d", n);
    if (n > 1) {
        SCOPED int inner = ++depth;
        printf("inner %d\n", inner);
        return n * 10;          /* both cleanups run */
    }
    for (int i = 0; i < 2; i++) {
        __attribute__((cleanup(leave))) int loop = ++depth;
        printf("loop %d\n", loop);
    }
    return n;
}

int main(void)
{
    printf("result %d\n", work(1));
    printf("result %d\n", work(2));
    {
        AUTOFREE char *nothing = NULL;
        printf("block\n");
    }
    printf("depth %d\n", depth);
    return 0;
}
