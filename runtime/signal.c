/* signal.c — placeholder until signal_notify lands (issue 5). */
#include "runtime.h"

bool rt_signal_waiting(void) { return false; }
