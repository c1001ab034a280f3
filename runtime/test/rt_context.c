/*
 * rt_context.c — context.c: cancellation trees, deadlines, values, and the
 * release of a context's timer (a white-box check through the timer heaps).
 */
#include <errno.h>
#include "rt_util.h"
#include "runtime.h"

static struct {
    int err_parent, err_child, err_grandchild, err_other, err_late;
    bool done_closed;
    void *value;
    bool timer_armed, timer_after_cancel, timer_after_expiry;
    int err_timeout, err_inherited;
} r;

static bool closed(gocc_chan *c)
{
    gocc_selcase sc = {c, NULL, GOCC_SELECT_RECV, false};
    return gocc_select(&sc, 1, true) == 0 && !sc.recv_ok;
}

static int tree_main(int argc, char **argv, char **envp)
{
    (void)argc; (void)argv; (void)envp;
    Context *parent = context_with_cancel(context_background());
    Context *valued = context_with_value(parent, &r, "v");
    Context *child = context_with_cancel(valued);
    Context *grandchild = context_with_cancel(child);
    Context *other = context_with_cancel(context_background());
    context_cancel(child);
    r.err_parent = context_err(parent);         /* a child does not cancel up */
    context_cancel(parent);
    gocc_chanrecv(context_done(grandchild), NULL);
    r.err_child = context_err(child);
    r.err_grandchild = context_err(grandchild);
    r.err_other = context_err(other);
    r.done_closed = closed(context_done(valued));
    r.value = context_value(grandchild, &r);
    r.err_late = context_err(context_with_cancel(parent));   /* born cancelled */
    return 0;
}

Test(context, cancelling_a_parent_cancels_every_descendant)
{
    cr_assert_eq(gocc_start(tree_main, 0, NULL, NULL), 0);
    cr_assert_eq(r.err_parent, 0);
    cr_assert_eq(r.err_child, ECANCELED);
    cr_assert_eq(r.err_grandchild, ECANCELED);
    cr_assert_eq(r.err_other, 0);
    cr_assert(r.done_closed);
    cr_assert_str_eq(r.value, "v");
    cr_assert_eq(r.err_late, ECANCELED);
}

static int timer_main(int argc, char **argv, char **envp)
{
    (void)argc; (void)argv; (void)envp;
    Context *c = context_with_timeout(context_background(), HOUR);
    r.timer_armed = rt_timers_pending();
    context_cancel(c);
    r.timer_after_cancel = rt_timers_pending();

    Context *t = context_with_timeout(context_background(), MILLISECOND);
    Context *inherits = context_with_timeout(t, HOUR);   /* parent expires first */
    gocc_chanrecv(context_done(inherits), NULL);
    r.err_timeout = context_err(t);
    r.err_inherited = context_err(inherits);
    r.timer_after_expiry = rt_timers_pending();
    return 0;
}

Test(context, a_cancelled_or_expired_context_releases_its_timer)
{
    cr_assert_eq(gocc_start(timer_main, 0, NULL, NULL), 0);
    cr_assert(r.timer_armed);
    cr_assert(!r.timer_after_cancel, "cancel left the deadline timer armed");
    cr_assert_eq(r.err_timeout, ETIMEDOUT);
    cr_assert_eq(r.err_inherited, ETIMEDOUT);
    cr_assert(!r.timer_after_expiry, "a timer is still armed after every deadline passed");
}
