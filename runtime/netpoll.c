/* netpoll.c — placeholder until the epoll netpoller lands (issue 5). */
#include "runtime.h"

void rt_netpoll_init(void) {}
G *rt_netpoll(int64_t wait_ns) { (void)wait_ns; return NULL; }
void rt_netpoll_break(void) {}
bool rt_netpoll_waiting(void) { return false; }
