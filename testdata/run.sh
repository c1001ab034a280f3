#!/bin/sh
# testdata/run.sh — the golden-test runner (`make golden-check`).
#
#   testdata/c/*.c         plain C: output built with gocc must equal output
#                          built with cc directly (CC=gcc and CC=clang; a first
#                          line `/* gocc-test: gcc-only */` skips clang,
#                          `/* gocc-test: ldflags=... */` adds link flags)
#   testdata/headers/*.gc  each compiles with `gocc -c`, with gcc and clang
#   testdata/dialect/*.gc  dialect programs: built with -Wall -Wextra -Werror
#                          (gcc and clang), run with GOMAXPROCS=1 and 2; stdout
#                          must equal the .out file, the exit status the
#                          .status file (default 0), and stderr the .stderr
#                          file when there is one
#   examples/*.gc          built and run like testdata/dialect (stdout against
#                          the .out file beside each); both on split stacks
#                          (the default), and again with gcc -fno-split-stack
#                          (the fixed-stack runtime)
#   testdata/split/*.gc    the same, built with gocc -fsplit-stack (split
#                          stacks: many goroutines, deep recursion, C calls)
#   testdata/errors/*.gc   gocc exits 1 and its first stderr line equals the
#                          .err file beside it; never a crash, never cc's error
#   self-host              gocc -E translates gocc's own sources, cc builds a
#                          second gocc from them, and that gocc passes the
#                          c/ and errors/ tests above
#
# Environment: GOCC (the compiler under test, default build/bin/gocc), JOBS.
# Last line: `N passed, M failed`.
top=$(cd "$(dirname "$0")/.." && pwd)
GOCC=${GOCC:-$top/build/bin/gocc}
JOBS=${JOBS:-2}
work=${WORK:-$top/build/test/golden}
results="$work/results"
if [ "$1" != --one ]; then rm -rf "$work"; mkdir -p "$work"; : > "$results"; fi

pass() { echo "pass $1" >> "$results"; }
fail() { echo "fail $1" >> "$results"; echo "FAIL: $1" >&2; [ -n "$2" ] && sed 's/^/    /' "$2" | head -20 >&2; }

have() { command -v "$1" >/dev/null 2>&1; }

# --- one plain C program under one compiler ---------------------------------
run_c() {   # file cc
    f=$1; cc=$2; n=$(basename "$f" .c); d="$work/c/$cc/$n"
    mkdir -p "$d"
    first=$(head -n 1 "$f")
    case "$first" in *gocc-test:*gcc-only*) [ "$cc" = clang ] && return 0 ;; esac
    ldflags=$(printf '%s' "$first" | sed -n 's/.*gocc-test:.*ldflags=\([^*]*\).*/\1/p')
    if ! $cc -std=gnu11 -w -o "$d/ref" "$f" $ldflags 2>"$d/ref.err"; then
        fail "c/$n ($cc): cc rejects it" "$d/ref.err"; return; fi
    if ! CC=$cc "$GOCC" -std=gnu11 -w -o "$d/got" "$f" $ldflags 2>"$d/got.err"; then
        fail "c/$n ($cc): gocc failed" "$d/got.err"; return; fi
    "$d/ref" > "$d/ref.out" 2>&1; rs=$?
    "$d/got" > "$d/got.out" 2>&1; gs=$?
    if [ $rs -ne $gs ] || ! cmp -s "$d/ref.out" "$d/got.out"; then
        diff "$d/ref.out" "$d/got.out" > "$d/diff" 2>&1
        fail "c/$n ($cc): output differs (status $rs vs $gs)" "$d/diff"; return; fi
    pass "c/$n ($cc)"
}

run_header() {   # file cc
    f=$1; cc=$2; n=$(basename "$f" .gc); d="$work/headers/$cc"
    mkdir -p "$d"
    if CC=$cc "$GOCC" -c -o "$d/$n.o" "$f" 2>"$d/$n.err"; then pass "headers/$n ($cc)"
    else fail "headers/$n ($cc)" "$d/$n.err"; fi
}

run_dialect() {   # file cc [gocc flags]
    f=$1; cc=$2; flags=$3; n=$(basename "$f" .gc); d="$work/$(basename "$(dirname "$f")")/$cc$flags"; mkdir -p "$d"
    if ! (cd "$(dirname "$f")" && CC=$cc "$GOCC" $flags -Wall -Wextra -Werror -o "$d/$n" "$n.gc") 2>"$d/$n.build"; then
        fail "$f ($cc$flags): build failed" "$d/$n.build"; return; fi
    want_status=0
    [ -f "${f%.gc}.status" ] && want_status=$(cat "${f%.gc}.status")
    for procs in 1 2; do
        GOMAXPROCS=$procs "$d/$n" > "$d/$n.out" 2> "$d/$n.err"; st=$?
        if [ $st -ne "$want_status" ]; then
            fail "$f ($cc$flags, GOMAXPROCS=$procs): exit status $st, want $want_status" "$d/$n.err"; return; fi
        if ! cmp -s "$d/$n.out" "${f%.gc}.out"; then
            diff "${f%.gc}.out" "$d/$n.out" > "$d/$n.diff" 2>&1
            fail "$f ($cc$flags, GOMAXPROCS=$procs): stdout differs" "$d/$n.diff"; return; fi
        if [ -f "${f%.gc}.stderr" ] && ! cmp -s "$d/$n.err" "${f%.gc}.stderr"; then
            diff "${f%.gc}.stderr" "$d/$n.err" > "$d/$n.diff" 2>&1
            fail "$f ($cc$flags, GOMAXPROCS=$procs): stderr differs" "$d/$n.diff"; return; fi
    done
    pass "$(basename "$(dirname "$f")")/$n ($cc$flags)"
}

run_error() {   # file
    f=$1; n=$(basename "$f" .gc); d="$work/errors"; mkdir -p "$d"
    (cd "$(dirname "$f")" && "$GOCC" -c -o "$d/$n.o" "$n.gc") > "$d/$n.out" 2> "$d/$n.stderr"; st=$?
    want=$(head -n 1 "${f%.gc}.err")
    got=$(head -n 1 "$d/$n.stderr")
    if [ $st -ne 1 ]; then fail "errors/$n: exit status $st, want 1" "$d/$n.stderr"
    elif [ "$got" != "$want" ]; then
        printf 'want: %s\ngot:  %s\n' "$want" "$got" > "$d/$n.diff"
        fail "errors/$n: wrong message" "$d/$n.diff"
    else pass "errors/$n"; fi
}

# Jobs run in parallel through xargs, each a call of this script with --one.
if [ "$1" = --one ]; then shift; "$@"; exit 0; fi

compilers=gcc
have clang && compilers="gcc clang"

{
    for cc in $compilers; do
        for f in "$top"/testdata/c/*.c; do [ -e "$f" ] && echo "run_c $f $cc"; done
        for f in "$top"/testdata/headers/*.gc; do [ -e "$f" ] && echo "run_header $f $cc"; done
        for f in "$top"/testdata/dialect/*.gc "$top"/examples/*.gc; do
            [ -e "$f" ] && echo "run_dialect $f $cc"; done
        for f in "$top"/testdata/split/*.gc; do
            [ -e "$f" ] && echo "run_dialect $f $cc -fsplit-stack"; done
    done
    # the fixed-stack runtime (sanitizer builds, -fno-split-stack)
    for f in "$top"/testdata/dialect/*.gc "$top"/examples/*.gc; do
        [ -e "$f" ] && echo "run_dialect $f gcc -fno-split-stack"; done
    for f in "$top"/testdata/errors/*.gc; do [ -e "$f" ] && echo "run_error $f"; done
} | xargs -P "$JOBS" -L 1 sh "$0" --one

# --- the driver: flags, inputs, output kinds, diagnostics -------------------
drv() {   # name, then a command that must succeed
    n=$1; shift
    if "$@" > "$work/driver/$n.log" 2>&1; then pass "driver: $n"
    else fail "driver: $n" "$work/driver/$n.log"; fi
}
dd=$top/testdata/driver
mkdir -p "$work/driver"
drv version sh -c '"$0" --version | grep -q "^gocc "' "$GOCC"
drv help sh -c '"$0" --help | grep -q "^usage: gocc"' "$GOCC"
drv no-input sh -c '! "$0" 2>/dev/null' "$GOCC"
drv missing-file sh -c '! "$0" -c /nonexistent.gc 2>/dev/null' "$GOCC"
drv unknown-option sh -c '! "$0" --frobnicate x.gc 2>/dev/null' "$GOCC"
for cc in $compilers; do
    o=$work/driver/$cc; mkdir -p "$o"
    drv "compile-only ($cc)" env CC=$cc "$GOCC" -c -O2 -g -Wall "$dd/lib.gc" -o "$o/lib.o"
    drv "archive ($cc)" ar rcs "$o/liblib.a" "$o/lib.o"
    drv "mixed .c + .o with -D -I -include ($cc)" env CC=$cc "$GOCC" -std=gnu11 -DSCALE=3 \
        -I"$dd/inc" -include "$dd/pre.h" "$dd/main.c" "$o/lib.o" -o "$o/prog1"
    drv "run mixed ($cc)" sh -c '[ "$("$0")" = "42 3 yes" ]' "$o/prog1"
    drv "link -L -l ($cc)" env CC=$cc "$GOCC" -DSCALE=4 -I"$dd/inc" -include "$dd/pre.h" \
        "$dd/main.c" -L"$o" -llib -o "$o/prog2"
    drv "run -l ($cc)" sh -c '[ "$("$0")" = "42 4 yes" ]' "$o/prog2"
    drv "-E writes C that cc compiles ($cc)" sh -c 'CC=$1 "$0" -E "$2" -o "$3/lib.c" &&
        grep -q "lib.gc\"" "$3/lib.c" && $1 -c "$3/lib.c" -o "$3/lib2.o"' "$GOCC" $cc "$dd/lib.gc" "$o"
    drv "-E to stdout ($cc)" sh -c 'CC=$1 "$0" -E "$2" | grep -q "int twice"' "$GOCC" $cc "$dd/lib.gc"
    drv "gdb stops at a .gc line inside a go block ($cc)" sh -c '(cd "$2" && CC=$1 "$0" -g -O0 gdb_goroutine.gc -o "$3/gdbg") &&
        gdb -batch -ex "break gdb_goroutine.gc:10" -ex run -ex "print answer" -ex continue "$3/gdbg" > "$3/gdb.log" 2>&1 &&
        grep -q "hit Breakpoint 1, __gocc_go.* at gdb_goroutine.gc:10" "$3/gdb.log" && grep -q "^\$1 = 42" "$3/gdb.log" &&
        ! grep -q "2 locations" "$3/gdb.log"' "$GOCC" $cc "$dd" "$o"
    [ -n "$GOCC_SELFHOST_DONE" ] ||   # the self-hosted runtime has no debug information
    drv "gdb helper: info goroutines, goroutine N bt ($cc)" env CC=$cc sh "$dd/gdb_helper.sh" "$GOCC" "$o/gdb_helper"
    drv "errno in dialect code goes through gocc_errno ($cc)" sh -c 'CC=$1 "$0" -E "$2" > "$3/errno.c" &&
        [ "$(grep -c "gocc_errno()" "$3/errno.c")" -eq 2 ]' "$GOCC" $cc "$top/testdata/dialect/errno_goroutine.gc" "$o"
    drv "preemption polls only in loops that can spin ($cc)" sh -c 'CC=$1 "$0" -E "$2" > "$3/polls.c" &&
        [ "$(grep -o "gocc_preempt()" "$3/polls.c" | wc -l)" -eq 3 ] && $1 -c -Wall -Werror "$3/polls.c" -o "$3/polls.o"' "$GOCC" $cc "$dd/preempt_polls.gc" "$o"
    drv "C library calls go through the system stack ($cc)" sh -c 'CC=$1 "$0" -E "$2" > "$3/ext.c" &&
        [ "$(grep -o "gocc_systemstack(__gocc_x[0-9]*_run" "$3/ext.c" | wc -l)" -eq 1 ] &&
        grep -q "gocc_sys_printf(" "$3/ext.c" &&
        CC=$1 "$0" -Wall -Wextra -Werror "$2" -o "$3/ext" && [ "$("$3/ext")" = "1240 ok" ]' "$GOCC" $cc "$dd/extcalls.gc" "$o"
    drv "a C99 inline definition gets no static helpers ($cc)" sh -c 'CC=$1 "$0" -O2 -Wall -Wextra -Werror \
        -c "$2" -o "$3/inline.o"' "$GOCC" $cc "$dd/inline_definition.gc" "$o"
    drv "calls through pointers check their target; C may call back ($cc)" sh -c 'CC=$1 "$0" -E "$2" > "$3/fp.c" &&
        [ "$(grep -o "gocc_dialect_code((const void \*)__gocc_xa" "$3/fp.c" | wc -l)" -eq 6 ] &&
        [ "$(grep -o "gocc_callback(__gocc_cb" "$3/fp.c" | wc -l)" -eq 2 ] &&
        [ "$(grep -c "section(\"gocc_text\"))) static void work" "$3/fp.c")" -eq 1 ]' "$GOCC" $cc "$top/testdata/split/fnptr_calls.gc" "$o"
    drv "cc diagnostics point at the .gc line ($cc)" sh -c '! (cd "$2" && CC=$1 "$0" -c ccerror.gc -o "$3/x.o") 2>"$3/ccerr" &&
        grep -q "ccerror.gc:7:" "$3/ccerr"' "$GOCC" $cc "$dd" "$o"
done

# --- self-host: gocc translates its own sources -------------------------------
# The compiler's and the runtime's C sources go through `gocc -E`, cc builds
# a gocc and its fixed-stack runtime from the result, laid out as an install
# (bin/, lib/, include/), and that gocc runs this whole suite again.
if [ -z "$GOCC_SELFHOST_DONE" ]; then
    d="$work/self"; mkdir -p "$d/src" "$d/bin" "$d/lib" "$d/include/gocc" "$d/obj"
    ok=1
    for f in "$top"/compiler/*.c "$top"/build/gen/c.c "$top"/build/gen/lexer.c; do
        n=$(basename "$f" .c)
        if ! "$GOCC" -E -std=gnu11 -D_GNU_SOURCE -I"$top/compiler" -I"$top/build/gen" \
                -DGOCC_VERSION='"self"' "$f" -o "$d/src/$n.c" 2>"$d/$n.err"; then
            fail "self-host: gocc -E compiler/$n.c" "$d/$n.err"; ok=0; fi
    done
    # both runtimes: fixed stacks (-fno-split-stack) and split stacks (the default)
    mkdir -p "$d/obj-split"
    for f in "$top"/runtime/*.c; do
        n=$(basename "$f" .c)
        if ! "$GOCC" -E -std=gnu11 -DRT_FIXED_STACK -I"$top/runtime" "$f" -o "$d/rt_$n.c" 2>"$d/rt_$n.err" ||
           ! "$GOCC" -E -std=gnu11 -I"$top/runtime" "$f" -o "$d/rts_$n.c" 2>>"$d/rt_$n.err"; then
            fail "self-host: gocc -E runtime/$n.c" "$d/rt_$n.err"; ok=0
        elif ! cc -O2 -std=gnu11 -fno-strict-aliasing -w -c "$d/rt_$n.c" -o "$d/obj/$n.o" 2>"$d/rt_$n.err" ||
             ! cc -O2 -std=gnu11 -fno-strict-aliasing -fsplit-stack -w -c "$d/rts_$n.c" -o "$d/obj-split/$n.o" 2>>"$d/rt_$n.err"; then
            fail "self-host: cc rejects the translated runtime/$n.c" "$d/rt_$n.err"; ok=0; fi
    done
    if [ $ok = 1 ] && cc -DRT_FIXED_STACK -c "$top/runtime/asm_amd64.S" -o "$d/obj/asm_amd64.o" &&
            cc -c "$top/runtime/asm_amd64.S" -o "$d/obj-split/asm_amd64.o" &&
            for o in "$d"/obj/*.o "$d"/obj-split/*.o; do   # as runtime.mk: RT_SECTION
                objcopy --rename-section .text=gocc_text "$o" || exit 1; done &&
            ar rcs "$d/lib/libgocc-fixed.a" "$d"/obj/*.o && ar rcs "$d/lib/libgocc.a" "$d"/obj-split/*.o &&
            cp "$top/runtime/gocc.h" "$d/include/gocc/"; then
        pass "self-host: build the runtimes from their own translation"
    else ok=0; fi
    if [ $ok = 1 ] && cc -O1 -w -o "$d/bin/gocc" "$d"/src/*.c 2>"$d/cc.err"; then
        pass "self-host: build gocc from its own translation"
        GOCC_SELFHOST_DONE=1 GOCC="$d/bin/gocc" WORK="$d/golden" sh "$0" > "$d/golden.log" 2>&1
        tail -n 1 "$d/golden.log" > "$d/summary"
        if grep -q ' 0 failed' "$d/summary"; then
            pass "self-host: translated gocc and runtime pass the suite ($(cat "$d/summary"))"
        else fail "self-host: translated gocc fails the suite" "$d/golden.log"; fi
    elif [ $ok = 1 ]; then
        fail "self-host: cc rejects the translated sources" "$d/cc.err"
    fi
fi

p=$(grep -c '^pass' "$results")
f=$(grep -c '^fail' "$results")
echo "$p passed, $f failed"
[ "$f" -eq 0 ]
