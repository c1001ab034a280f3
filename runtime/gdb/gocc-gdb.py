# gocc-gdb.py — gdb commands for programs built with gocc (libgocc).
#
#   info goroutines        every live goroutine: id, state (the wait reason
#                          of a blocked one), creation site; "*" marks the
#                          one running on the selected thread
#   goroutine N [CMD]      run CMD (default: bt) in goroutine N's context;
#   goroutine all [CMD]    N = all: in every goroutine's
#
# Load with `source /path/to/gocc-gdb.py` (installed as
# $(PREFIX)/share/gocc/gocc-gdb.py) or `gdb -x gocc-gdb.py`.  Needs the
# runtime's debug information (libgocc is built with -g).
#
# How it reads the runtime (runtime/runtime.h, runtime/asm_amd64.S):
#   - every G ever created is on the list rt_allg, linked through
#     G.allnext; states G_IDLE and G_DEAD are free slots and are skipped;
#   - a goroutine that is some M's curg runs on that M's thread (M.thread is
#     its pthread_t): CMD runs in that thread;
#   - any other goroutine was switched out by rt_swap, which left at G.sp
#     8 bytes of MXCSR/x87 control word, then r15, r14, r13, r12, rbx, rbp
#     and the return address; sp after the return is G.sp + 64.  CMD runs
#     with the selected thread's registers temporarily set to those (the
#     innermost frame selected first, so the writes go to real registers),
#     and everything is restored afterwards, also when CMD fails.

import struct

import gdb

G_IDLE, G_RUNNABLE, G_RUNNING, G_WAITING, G_DEAD = range(5)
STATE_NAMES = {G_RUNNABLE: "runnable", G_RUNNING: "running", G_WAITING: "waiting"}
SAVED_REGS = ("r15", "r14", "r13", "r12", "rbx", "rbp")   # above the FP word


def _cstr(v):
    try:
        return v.string() if int(v) else None
    except gdb.error:
        return None


def _field(v, name, default=None):
    try:
        return v[name]
    except gdb.error:
        return default


def _goroutines():
    """Live Gs, by id."""
    gs = []
    g = gdb.parse_and_eval("rt_allg")
    while int(g):
        st = int(g["state"])
        if st not in (G_IDLE, G_DEAD):
            gs.append(g)
        g = g["allnext"]
    gs.sort(key=lambda g: int(g["id"]))
    return gs


def _threads_by_g():
    """G address -> gdb thread, for goroutines some M is running."""
    by_handle = {}
    for th in gdb.selected_inferior().threads():
        try:
            by_handle[int.from_bytes(th.handle(), "little")] = th
        except (gdb.error, AttributeError, TypeError):
            pass
    allm = gdb.parse_and_eval("rt_allm")
    lo, hi = allm.type.range()
    sched = gdb.parse_and_eval("rt_sched")
    count = _field(sched, "mcount") or _field(sched, "nm")
    n = min(hi - lo + 1, int(count)) if count is not None else hi - lo + 1
    out = {}
    for i in range(n):
        m = allm[i]
        curg, thread = int(m["curg"]), int(m["thread"])
        if curg and thread and curg != int(m["g0"].address) and thread in by_handle:
            out[curg] = by_handle[thread]
    return out


def _state(g):
    st = int(g["state"])
    if st == G_WAITING:
        return _cstr(g["waitreason"]) or "waiting"
    return STATE_NAMES.get(st, str(st))


def _site(g):
    if int(g["ismain"]):
        return "main()"
    return "created at %s:%d" % (_cstr(g["file"]) or "?", int(g["line"]))


def _find(gid):
    for g in _goroutines():
        if int(g["id"]) == gid:
            return g
    raise gdb.GdbError("no goroutine %d" % gid)


class InfoGoroutines(gdb.Command):
    """List the goroutines: id, state (wait reason), creation site.
A "*" marks the goroutine running on the selected thread."""

    def __init__(self):
        super().__init__("info goroutines", gdb.COMMAND_STACK)

    def invoke(self, arg, from_tty):
        running = _threads_by_g()
        cur = gdb.selected_thread()
        for g in _goroutines():
            th = running.get(int(g))
            mark = "*" if th is not None and th == cur else " "
            where = " (thread %d)" % th.num if th is not None else ""
            gdb.write("%s %-5d %-22s %s%s\n" % (mark, int(g["id"]), _state(g), _site(g), where))


def _selected_level():
    f, sel, n = gdb.newest_frame(), gdb.selected_frame(), 0
    while f is not None and f != sel:
        f, n = f.older(), n + 1
    return n if f is not None else 0


def _run_switched(g, cmd):
    """cmd with the registers rt_swap saved for g."""
    sp = int(g["sp"])
    if not sp:
        raise gdb.GdbError("goroutine %d has no saved context" % int(g["id"]))
    words = struct.unpack("<8Q", bytes(gdb.selected_inferior().read_memory(sp, 64)))
    regs = dict(zip(SAVED_REGS, words[1:7]))
    regs["pc"], regs["sp"] = words[7], sp + 64
    level = _selected_level()
    gdb.newest_frame().select()
    saved = {r: int(gdb.parse_and_eval("$" + r)) for r in regs}
    try:
        for r, v in regs.items():
            gdb.execute("set $%s = %d" % (r, v), to_string=True)
        gdb.execute(cmd, from_tty=False)
    finally:
        for r, v in saved.items():
            gdb.execute("set $%s = %d" % (r, v), to_string=True)
        gdb.execute("frame %d" % level, to_string=True)


def _run_in_thread(th, cmd):
    old = gdb.selected_thread()
    level = _selected_level()
    th.switch()
    try:
        gdb.execute(cmd, from_tty=False)
    finally:
        old.switch()
        gdb.execute("frame %d" % level, to_string=True)


def _run_in(g, cmd, running):
    th = running.get(int(g))
    if th is not None:
        _run_in_thread(th, cmd)
    elif int(g["state"]) == G_RUNNING:
        raise gdb.GdbError("goroutine %d is running on a thread gdb cannot name" % int(g["id"]))
    else:
        _run_switched(g, cmd)


class Goroutine(gdb.Command):
    """goroutine N [CMD]: run CMD (default bt) in goroutine N's context.
goroutine all [CMD]: in every goroutine's, one after the other."""

    def __init__(self):
        super().__init__("goroutine", gdb.COMMAND_STACK)

    def invoke(self, arg, from_tty):
        parts = arg.split(None, 1)
        if not parts:
            raise gdb.GdbError("usage: goroutine N|all [CMD]")
        cmd = parts[1] if len(parts) > 1 else "bt"
        running = _threads_by_g()
        if parts[0] == "all":
            for g in _goroutines():
                gdb.write("\ngoroutine %d [%s]:\n" % (int(g["id"]), _state(g)))
                _run_in(g, cmd, running)
            return
        try:
            gid = int(parts[0], 0)
        except ValueError:
            raise gdb.GdbError("goroutine: %r is not a goroutine id" % parts[0])
        _run_in(_find(gid), cmd, running)


InfoGoroutines()
Goroutine()
