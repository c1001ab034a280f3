#include <stdio.h>
#include <stdatomic.h>
#include <stdbool.h>

static atomic_int ai = ATOMIC_VAR_INIT(10);
static atomic_flag lock = ATOMIC_FLAG_INIT;

int main(void)
{
    printf("%d\n", atomic_load(&ai));
    atomic_store(&ai, 20);
    printf("%d\n", atomic_fetch_add(&ai, 5));
    printf("%d\n", atomic_fetch_sub(&ai, 3));
    printf("%d\n", atomic_fetch_or(&ai, 0x100));
    printf("%d\n", atomic_fetch_and(&ai, 0xff));
    printf("%d\n", atomic_fetch_xor(&ai, 1));
    printf("%d\n", atomic_exchange(&ai, 7));
    int expected = 7;
    bool ok = atomic_compare_exchange_strong(&ai, &expected, 8);
    printf("%d %d %d\n", ok, expected, atomic_load(&ai));
    expected = 100;
    ok = atomic_compare_exchange_strong(&ai, &expected, 9);
    printf("%d %d %d\n", ok, expected, atomic_load(&ai));
    do { expected = atomic_load(&ai); } while (!atomic_compare_exchange_weak(&ai, &expected, expected * 2));
    printf("%d\n", atomic_load_explicit(&ai, memory_order_relaxed));
    atomic_store_explicit(&ai, 1, memory_order_release);
    printf("%d\n", atomic_load_explicit(&ai, memory_order_acquire));
    printf("%d\n", atomic_flag_test_and_set(&lock));
    printf("%d\n", atomic_flag_test_and_set(&lock));
    atomic_flag_clear(&lock);
    printf("%d\n", atomic_flag_test_and_set(&lock));
    atomic_thread_fence(memory_order_seq_cst);
    atomic_signal_fence(memory_order_seq_cst);
    atomic_long al;
    atomic_init(&al, 1000L);
    atomic_fetch_add_explicit(&al, 24, memory_order_relaxed);
    printf("%ld\n", atomic_load(&al));
    atomic_bool ab = false;
    atomic_store(&ab, true);
    printf("%d\n", atomic_load(&ab));
    printf("%d\n", atomic_is_lock_free(&ai));
    printf("%d\n", ATOMIC_INT_LOCK_FREE);
    int plain = 5;
    __atomic_add_fetch(&plain, 3, __ATOMIC_SEQ_CST);
    printf("%d\n", __atomic_load_n(&plain, __ATOMIC_SEQ_CST));
    printf("%d\n", __sync_fetch_and_add(&plain, 2));
    printf("%d\n", __sync_val_compare_and_swap(&plain, 10, 11));
    printf("%d\n", plain);
    return 0;
}
