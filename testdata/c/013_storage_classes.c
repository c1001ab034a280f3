#include <stdio.h>

int global_counter = 10;          /* external linkage */
static int file_counter = 20;     /* internal linkage */
extern int declared_later;        /* declaration */
int tentative;                    /* tentative definition */
int tentative;                    /* again, allowed */

static int next_id(void)
{
    static int id = 100;          /* static local */
    return id++;
}

extern int helper(int);           /* extern function declaration */

int helper(int x)
{
    auto int doubled = x * 2;
    register int r = doubled + 1;
    return r;
}

static inline int square(int x) { return x * x; }

int declared_later = 55;

void bump(void)
{
    extern int global_counter;    /* block-scope extern */
    global_counter++;
}

int main(void)
{
    int id1 = next_id();
    int id2 = next_id();
    int id3 = next_id();
    printf("%d %d %d\n", id1, id2, id3);
    printf("%d\n", helper(5));
    printf("%d\n", square(7));
    bump(); bump();
    printf("%d %d %d %d\n", global_counter, file_counter, declared_later, tentative);
    {
        static const char *const names[] = { "a", "b" };
        printf("%s%s\n", names[0], names[1]);
    }
    for (int i = 0; i < 3; i++) {
        static int acc;
        auto int local = i;
        acc += local;
        printf("acc=%d\n", acc);
    }
    register unsigned char rc = 250;
    rc += 10;
    printf("%d\n", rc);
    _Thread_local static int tls = 3;
    printf("%d\n", tls);
    return 0;
}
