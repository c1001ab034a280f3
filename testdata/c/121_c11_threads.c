#include <stdio.h>
#include <threads.h>

static mtx_t lock;
static cnd_t cond;
static int shared_total;
static int ready_count;
static tss_t key;
static once_flag once = ONCE_FLAG_INIT;
static int init_calls;

static void init_once(void) { init_calls++; }

static int worker(void *arg)
{
    int id = *(int *)arg;
    call_once(&once, init_once);
    tss_set(key, arg);
    int local = 0;
    for (int i = 1; i <= 1000; i++) local += i % (id + 2);
    mtx_lock(&lock);
    shared_total += local;
    ready_count++;
    cnd_signal(&cond);
    mtx_unlock(&lock);
    return *(int *)tss_get(key) * 10;
}

int main(void)
{
    mtx_init(&lock, mtx_plain);
    cnd_init(&cond);
    tss_create(&key, NULL);
    thrd_t t[4];
    int ids[4] = { 0, 1, 2, 3 };
    for (int i = 0; i < 4; i++) thrd_create(&t[i], worker, &ids[i]);
    mtx_lock(&lock);
    while (ready_count < 4) cnd_wait(&cond, &lock);
    mtx_unlock(&lock);
    int sum_rc = 0;
    for (int i = 0; i < 4; i++) {
        int rc;
        thrd_join(t[i], &rc);
        sum_rc += rc;
    }
    printf("total %d, return codes %d, init calls %d\n", shared_total, sum_rc, init_calls);
    tss_delete(key);
    cnd_destroy(&cond);
    mtx_destroy(&lock);
    printf("%d\n", thrd_success == 0 || thrd_success != thrd_error);
    return 0;
}
