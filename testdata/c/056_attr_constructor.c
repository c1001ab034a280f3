#include <stdio.h>

static int init_order[4];
static int init_count;

__attribute__((constructor)) static void init_default(void)
{
    init_order[init_count++] = 0;
}

__attribute__((constructor(101))) static void init_first(void)
{
    init_order[init_count++] = 101;
}

__attribute__((constructor(200))) static void init_second(void)
{
    init_order[init_count++] = 200;
}

static void __attribute__((destructor)) goodbye(void)
{
    printf("destructor runs after main\n");
}

__attribute__((destructor(150))) static void goodbye_prio(void)
{
    printf("priority destructor\n");
}

int main(void)
{
    printf("%d constructors ran:", init_count);
    for (int i = 0; i < init_count; i++) printf(" %d", init_order[i]);
    printf("\n");
    return 0;
}
