#!/bin/sh
# gdb_helper.sh GOCC WORKDIR — runtime/gdb/gocc-gdb.py against a real program:
# `info goroutines` lists main and a goroutine blocked on a channel (with its
# wait reason and creation site), `goroutine 2 bt` shows the blocked
# function, and the selected thread's own backtrace is intact afterwards.
# Exit 0 when all holds, 1 otherwise (the gdb log is printed).
gocc=$1; work=$2
here=$(cd "$(dirname "$0")" && pwd)
helper=$here/../../runtime/gdb/gocc-gdb.py
mkdir -p "$work" || exit 1
log=$work/gdb_helper.log
fail() { echo "gdb_helper: $1"; cat "$log"; exit 1; }

(cd "$here" && "$gocc" -g -O0 gdb_helper.gc -o "$work/gdb_helper") > "$log" 2>&1 ||
    fail "build failed"
GOMAXPROCS=1 gdb -batch -nx -x "$helper" \
    -ex "break checkpoint" -ex run \
    -ex "echo ==info\n" -ex "info goroutines" \
    -ex "echo ==bt2\n" -ex "goroutine 2 bt" \
    -ex "echo ==bt\n" -ex "bt" \
    -ex "echo ==bt1\n" -ex "goroutine 1 bt" \
    -ex "echo ==end\n" -ex continue \
    "$work/gdb_helper" > "$log" 2>&1 || fail "gdb failed"

section() { sed -n "/^==$1\$/,/^==/p" "$log"; }
section info | grep -Eq '^\* 1 +running +main\(\)' || fail "info goroutines: no running main"
section info | grep -Eq '^  2 +chan receive +created at gdb_helper\.gc:19$' ||
    fail "info goroutines: no goroutine 2 blocked in chan receive"
section bt2 | grep -q ' blocked_receiver (' || fail "goroutine 2 bt: no blocked_receiver frame"
section bt2 | grep -q 'gocc_chanrecv' || fail "goroutine 2 bt: not parked in a receive"
section bt | grep -q '^#0 .*checkpoint' || fail "bt after goroutine 2 bt: registers not restored"
section bt1 | grep -Eq ' (__gocc_)?main \(' || fail "goroutine 1 bt: no main frame"
grep -q '^received 42$' "$log" || fail "the program did not finish normally"
exit 0
