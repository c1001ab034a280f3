#!/bin/sh
# bench/run.sh DIR NAME... — run each benchmark's three builds one after the
# other: the dialect program (DIR/dialect/NAME, bench/dialect/NAME.gc built
# by gocc), the C API program (DIR/NAME, bench/NAME.c on libgocc.a) and the
# Go twin (DIR/go/NAME), and print one table:
#
#   | benchmark | dialect | C API | Go | dialect/C | C/Go | dialect RSS | C RSS | Go RSS | target |
#
# dialect/C is what the dialect costs over the C API (issue #4: at most
# 1.05): its lowering, and, with gocc's default fixed stacks (the header
# line says which), the fixed-stack runtime against the C API's split
# stacks.  C/Go compares the runtime with Go's; target is benchmarks.md's,
# for gocc.
# A build that does not exist shows as '-'.  Each program prints
# `NAME value unit` and `NAME.rss kb KB`.  GOMAXPROCS is passed through
# unchanged (unset: all use every CPU).  A program that fails, crashes or
# runs past BENCH_TIMEOUT seconds (default 300) shows as FAIL(status) and
# its stderr is kept in DIR/NAME.{dialect,c,go}.err.
#
# NAME "extcall" has no Go twin: its C API column is the same loop in plain
# C (DIR/extcall, bench/extcall.c, no runtime), so dialect/C is the cost of
# gocc's system-stack detour for a C library call.
#
# NAME "echo" is a pair of servers instead: DIR/echo_server (dialect, the
# only gocc build: its numbers fill both gocc columns) and
# DIR/go/echo_server, each started in turn with GOMAXPROCS (default 2) and
# driven by the same load client, DIR/go/echo_client (always GOMAXPROCS=2,
# or BENCH_ECHO_CLIENT_PROCS), at 1,000 and then 10,000 connections.  The
# client shares the machine's CPUs with the server, identically for both.
# Rows: req/s and p99 latency per connection count; RSS is the server's
# peak (VmHWM, read before it is stopped).  Each server's stderr and the
# client's output (p50, p99.9, set-up time per window) go to
# DIR/echo_{1k,10k}.{gocc,go}.log.
dir=$1
shift
[ -n "$dir" ] && [ $# -gt 0 ] || { echo "usage: $0 DIR NAME..." >&2; exit 2; }
timeout=${BENCH_TIMEOUT:-300}

target() {
  case $1 in
    spawn_join) echo '<= 160 ns' ;;
    pingpong) echo '<= 80 ns' ;;
    buffered_throughput) echo '<= 20 ns' ;;
    select2) echo '<= 80 ns' ;;
    skynet) echo '<= 300 ms' ;;
    ring) echo '<= 50 ns' ;;
    idle_mem) echo '<= 2500 B' ;;
    mutex_contention) echo '<= 26 ns' ;;
    prime_sieve) echo '<= 300 ms' ;;
    context_fanout) echo '<= 3 ms' ;;
    timers) echo '<= 100 ms' ;;
    *) echo '-' ;;
  esac
}

# run NAME BINARY ERRFILE: prints "value unit|rssKB" or "FAIL(rc)|-", or
# "-|-" when BINARY does not exist
run() {
  [ -x "$2" ] || { echo '-|-'; return; }
  out=$(timeout "$timeout" "$2" 2>"$3")
  rc=$?
  val=$(printf '%s\n' "$out" | awk -v n="$1" '$1 == n { print $2 " " $3; exit }')
  rss=$(printf '%s\n' "$out" | awk -v n="$1.rss" '$1 == n { print $2; exit }')
  if [ $rc -ne 0 ] || [ -z "$val" ]; then
    [ $rc -eq 124 ] && rc=timeout
    echo "FAIL($rc)|-"
  else
    [ -s "$3" ] || rm -f "$3"
    echo "$val|$rss"
  fi
}

# alive PID: running (not exited, not a zombie)
alive() { awk '{ exit $3 == "Z" }' /proc/$1/stat 2>/dev/null; }

# echo_serve SERVER CONNS NAME LOGFILE: start SERVER on a free loopback
# port (its stdin a FIFO: closing it stops the server, even if this script
# dies), run the client against it, stop it.  Prints "rps|p99|rssKB" or
# "FAIL(why)||".
echo_serve() {
  t=$(mktemp -d) || { echo 'FAIL(mktemp)||'; return; }
  mkfifo "$t/in"
  : >"$4"
  GOMAXPROCS=${GOMAXPROCS:-2} "$1" 0 <"$t/in" >"$t/port" 2>>"$4" &
  spid=$!
  exec 9>"$t/in"
  i=0
  while [ ! -s "$t/port" ] && [ $i -lt 300 ] && alive $spid; do
    sleep 0.1; i=$((i + 1))
  done
  port=$(head -n 1 "$t/port")
  res='FAIL(start)||'
  if [ -n "$port" ]; then
    GOMAXPROCS=${BENCH_ECHO_CLIENT_PROCS:-2} timeout "$timeout" "$dir/go/echo_client" \
      -addr "127.0.0.1:$port" -conns "$2" -name "$3" >"$t/out" 2>>"$4"
    rc=$?
    rss=$(awk '$1 == "VmHWM:" { print $2 }' /proc/$spid/status 2>/dev/null)
    rps=$(awk -v n="$3_rps" '$1 == n { print $2 " " $3; exit }' "$t/out")
    p99=$(awk -v n="$3_p99" '$1 == n { print $2 " " $3; exit }' "$t/out")
    cat "$t/out" >>"$4"
    if ! alive $spid; then
      res='FAIL(server died)||'
    elif [ $rc -ne 0 ] || [ -z "$rps" ] || [ -z "$p99" ]; then
      [ $rc -eq 124 ] && rc=timeout
      res="FAIL($rc)||"
    else
      res="$rps|$p99|$rss"
    fi
  fi
  exec 9>&-                     # end of file on the server's stdin
  i=0
  while alive $spid && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
  kill -9 $spid 2>/dev/null
  wait $spid 2>/dev/null
  rm -rf "$t"
  echo "$res"
}

# The four echo rows: req/s and p99 at 1k and 10k connections.
echo_rows() {
  for c in 1000:1k 10000:10k; do
    conns=${c%%:*}; n=echo_${c#*:}
    printf 'running %s (%s connections) ...\n' "$n" "$conns" >&2
    g=$(echo_serve "$dir/echo_server" "$conns" "$n" "$dir/$n.gocc.log")
    o=$(echo_serve "$dir/go/echo_server" "$conns" "$n" "$dir/$n.go.log")
    for k in 1 2; do
      gv=$(echo "$g" | cut -d'|' -f$k); ov=$(echo "$o" | cut -d'|' -f$k)
      grss=$(echo "$g" | cut -d'|' -f3); orss=$(echo "$o" | cut -d'|' -f3)
      if [ $k -eq 1 ]; then
        line "$n req/s" "$gv" "$gv" "$ov" - "$(ratio "$gv" "$ov")" "$(fmt_rss "$grss")" \
          "$(fmt_rss "$grss")" "$(fmt_rss "$orss")" '>= Go'
      else
        line "$n p99" "$gv" "$gv" "$ov" - "$(ratio "$gv" "$ov")" "$(fmt_rss "$grss")" \
          "$(fmt_rss "$grss")" "$(fmt_rss "$orss")" '<= Go'
      fi
    done
  done
}

# ratio A B: A / B for two values "N unit", else '-'
ratio() {
  echo "$1 $2" | awk '$1 ~ /^[0-9.]+$/ && $3 ~ /^[0-9.]+$/ && $3 > 0 { printf "%.2f", $1 / $3; exit } { print "-" }'
}

fmt_rss() {
  case $1 in
    ''|-) echo '-' ;;
    *) awk -v k="$1" 'BEGIN { if (k >= 10240) printf "%.1f MB\n", k / 1024; else printf "%d KB\n", k }' ;;
  esac
}

cpus=$(nproc 2>/dev/null || echo '?')
gover=$(go version 2>/dev/null | awk '{ print $3 }')
flags=$(cat "$dir/dialect/goccflags" 2>/dev/null)
case " $flags " in *' -fsplit-stack '*) stacks='split stacks, libgocc.a' ;; *) stacks='fixed stacks, libgocc-fixed.a' ;; esac
echo "gocc vs Go ($gover) on $cpus CPUs, GOMAXPROCS=${GOMAXPROCS:-all CPUs}, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "medians of each program's own repetitions after a warm-up; one run"
echo "dialect: bench/dialect/NAME.gc, gocc ${flags:-?} ($stacks); C API: bench/NAME.c, cc -fsplit-stack, libgocc.a"
case " $* " in *' extcall '*)
  echo "extcall: rand_r(3) called from dialect code, against the same loop in plain C (bench/extcall.c, no runtime) in the C API column" ;;
esac
case " $* " in *' echo '*)
  echo "echo: the server exists in the dialect only (its numbers fill both gocc columns); both servers (GOMAXPROCS=${GOMAXPROCS:-2}) face the same client (bench/go/echo_client, GOMAXPROCS=${BENCH_ECHO_CLIENT_PROCS:-2}) on these $cpus CPUs; req/s and p99: medians of 3 windows" ;;
esac
echo
line() { printf '| %-19s | %-12s | %-12s | %-12s | %-9s | %-5s | %-11s | %-9s | %-9s | %-10s |\n' "$@"; }
table=$(mktemp)
for n in "$@"; do
  if [ "$n" = echo ]; then
    if [ -x "$dir/echo_server" ] && [ -x "$dir/go/echo_server" ] && [ -x "$dir/go/echo_client" ]; then
      echo_rows >>"$table"
    else
      echo "bench: $dir/echo_server, $dir/go/echo_server or $dir/go/echo_client is missing (make bench-build)" >&2
    fi
    continue
  fi
  missing=
  for b in "$dir/dialect/$n" "$dir/$n" "$dir/go/$n"; do
    [ "$b" = "$dir/go/extcall" ] || [ -x "$b" ] || missing="$missing $b"
  done
  [ -z "$missing" ] || echo "bench: missing:$missing (make bench-build)" >&2
  if [ ! -x "$dir/dialect/$n" ] && [ ! -x "$dir/$n" ] && [ ! -x "$dir/go/$n" ]; then
    continue
  fi
  printf 'running %s ...\n' "$n" >&2
  d=$(run "$n" "$dir/dialect/$n" "$dir/$n.dialect.err")
  c=$(run "$n" "$dir/$n" "$dir/$n.c.err")
  o=$(run "$n" "$dir/go/$n" "$dir/$n.go.err")
  dv=${d%%|*}; drss=${d#*|}
  cv=${c%%|*}; crss=${c#*|}
  ov=${o%%|*}; orss=${o#*|}
  line "$n" "$dv" "$cv" "$ov" "$(ratio "$dv" "$cv")" "$(ratio "$cv" "$ov")" \
    "$(fmt_rss "$drss")" "$(fmt_rss "$crss")" "$(fmt_rss "$orss")" "$(target "$n")" >>"$table"
done
line benchmark dialect 'C API' Go dialect/C C/Go 'dialect RSS' 'C RSS' 'Go RSS' target
line ------------------- ------------ ------------ ------------ --------- ----- ----------- --------- --------- ----------
cat "$table"
rm -f "$table"
