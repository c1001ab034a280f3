#!/bin/sh
# bench/run.sh DIR NAME... — run each benchmark's gocc build (DIR/NAME) and
# its Go twin (DIR/go/NAME) one after the other, and print one table:
#
#   | benchmark | gocc | Go | gocc/Go | gocc RSS | Go RSS | target |
#
# Each program prints `NAME value unit` and `NAME.rss kb KB`.  GOMAXPROCS is
# passed through unchanged (unset: both use every CPU).  A program that
# fails, crashes or runs past BENCH_TIMEOUT seconds (default 300) shows as
# FAIL(status) and its stderr is kept in DIR/NAME.{gocc,go}.err.
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

# run NAME BINARY ERRFILE: prints "value unit|rssKB" or "FAIL(rc)|-"
run() {
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

fmt_rss() {
  case $1 in
    ''|-) echo '-' ;;
    *) awk -v k="$1" 'BEGIN { if (k >= 10240) printf "%.1f MB\n", k / 1024; else printf "%d KB\n", k }' ;;
  esac
}

cpus=$(nproc 2>/dev/null || echo '?')
gover=$(go version 2>/dev/null | awk '{ print $3 }')
echo "gocc vs Go ($gover) on $cpus CPUs, GOMAXPROCS=${GOMAXPROCS:-all CPUs}, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "medians of each program's own repetitions after a warm-up; one run"
echo
line() { printf '| %-19s | %-12s | %-12s | %-7s | %-10s | %-10s | %-10s |\n' "$@"; }
table=$(mktemp)
for n in "$@"; do
  if [ ! -x "$dir/$n" ] || [ ! -x "$dir/go/$n" ]; then
    echo "bench: $dir/$n or $dir/go/$n is missing (make bench-build)" >&2
    continue
  fi
  printf 'running %s ...\n' "$n" >&2
  g=$(run "$n" "$dir/$n" "$dir/$n.gocc.err")
  o=$(run "$n" "$dir/go/$n" "$dir/$n.go.err")
  gv=${g%%|*}; grss=${g#*|}
  ov=${o%%|*}; orss=${o#*|}
  ratio=$(echo "$gv $ov" | awk '$1 ~ /^[0-9.]+$/ && $3 ~ /^[0-9.]+$/ && $3 > 0 { printf "%.2f", $1 / $3; exit } { print "-" }')
  line "$n" "$gv" "$ov" "$ratio" "$(fmt_rss "$grss")" "$(fmt_rss "$orss")" "$(target "$n")" >>"$table"
done
line benchmark gocc Go gocc/Go 'gocc RSS' 'Go RSS' target
line ------------------- ------------ ------------ ------- ---------- ---------- ----------
cat "$table"
rm -f "$table"
