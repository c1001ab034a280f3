#include <stdio.h>
#include <pthread.h>

static _Thread_local int tl_counter = 100;
__thread int gnu_tl = 5;
static _Thread_local const char *tl_name = "main";

struct result { int id; int counter; int gnu; const char *name; };

static void *worker(void *arg)
{
    struct result *r = arg;
    tl_name = "worker";
    for (int i = 0; i < r->id; i++) tl_counter++;
    gnu_tl *= r->id;
    r->counter = tl_counter;
    r->gnu = gnu_tl;
    r->name = tl_name;
    return 0;
}

int main(void)
{
    pthread_t th[3];
    struct result res[3];
    for (int i = 0; i < 3; i++) {
        res[i].id = i + 1;
        pthread_create(&th[i], 0, worker, &res[i]);
    }
    for (int i = 0; i < 3; i++) pthread_join(th[i], 0);
    for (int i = 0; i < 3; i++) printf("%d %d %d %s\n", res[i].id, res[i].counter, res[i].gnu, res[i].name);
    printf("main %d %d %s\n", tl_counter, gnu_tl, tl_name);
    static _Thread_local int block_tls = 7;
    block_tls++;
    printf("%d\n", block_tls);
    return 0;
}
