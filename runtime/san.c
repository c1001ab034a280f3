/*
 * san.c — sanitizer fiber annotations for the fixed-stack build
 * (runtime-facts Q7).  Compiled to nothing in the split-stack build.
 *
 *   - TSan: one fiber per live G, created when the G is (re)started and
 *     destroyed only after it died and was switched off (never reused while
 *     another G may have synchronised through its address); the switch
 *     itself is a happens-before edge (flags 0), the runtime's hand-offs
 *     then need no annotation.
 *   - ASan: __sanitizer_start_switch_fiber right before rt_swap,
 *     __sanitizer_finish_switch_fiber right after, on the resumed side; a
 *     dying G passes NULL so its fake stack is released.
 */
#include "runtime.h"

#ifdef RT_FIXED_STACK
#if defined(__SANITIZE_THREAD__)
void *__tsan_get_current_fiber(void);
void *__tsan_create_fiber(unsigned flags);
void __tsan_destroy_fiber(void *fiber);
void __tsan_switch_to_fiber(void *fiber, unsigned flags);
#endif
#if defined(__SANITIZE_ADDRESS__)
void __sanitizer_start_switch_fiber(void **fake_stack_save, const void *bottom,
                                    size_t size);
void __sanitizer_finish_switch_fiber(void *fake_stack_save,
                                     const void **bottom_old, size_t *size_old);
#endif

void rt_san_newg(G *g)
{
#if defined(__SANITIZE_THREAD__)
    if (g->tsan_fiber)
        __tsan_destroy_fiber(g->tsan_fiber);
    g->tsan_fiber = __tsan_create_fiber(0);
#else
    (void)g;
#endif
}

void rt_san_g0(M *m)
{
#if defined(__SANITIZE_THREAD__)
    m->g0.tsan_fiber = __tsan_get_current_fiber();
#else
    (void)m;
#endif
}

void rt_san_switch(G *from, G *to)
{
#if defined(__SANITIZE_ADDRESS__)
    int st = atomic_load(&from->state);
    __sanitizer_start_switch_fiber(st == G_DEAD ? NULL : &from->asan_fake,
                                   to->stack_lo, (size_t)(to->stack_hi - to->stack_lo));
#endif
#if defined(__SANITIZE_THREAD__)
    __tsan_switch_to_fiber(to->tsan_fiber, 0);
#endif
    (void)from;
    (void)to;
}

void rt_san_done(G *g)
{
#if defined(__SANITIZE_ADDRESS__)
    __sanitizer_finish_switch_fiber(g->asan_fake, NULL, NULL);
#endif
    (void)g;
}
#endif
