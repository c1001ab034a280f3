# Benchmarks: `make bench` builds every workload of
# ../shared/design/benchmarks.md twice — in C against the runtime's public
# API (bench/NAME.c, linked with libgocc.a) and in Go (bench/go/NAME/main.go,
# Debian's golang-go, installed when missing) — runs each pair side by side
# and prints the table (bench/run.sh).  Nothing here is part of `make check`.
#
#   make bench                          all workloads, GOMAXPROCS = all CPUs
#   make bench BENCH_ONLY="pingpong ring"
#   make bench GOMAXPROCS=1             (exported to both programs)
#   make bench BENCH_SCALE=0.1          quick smoke run (smaller counts)
#
# Included by the top Makefile; uses BUILD, LIB, HOSTCC, CFLAGS, and
# RT_CFLAGS / RT_LDLIBS from runtime/runtime.mk (defaults below).

BENCH_NAMES := spawn_join pingpong buffered_throughput select2 skynet ring \
               idle_mem mutex_contention prime_sieve timers
BENCH_ONLY  ?= $(BENCH_NAMES)
BENCH_DIR   := $(BUILD)/bench
BENCH_C     := $(BENCH_NAMES:%=$(BENCH_DIR)/%)
BENCH_GO    := $(BENCH_NAMES:%=$(BENCH_DIR)/go/%)
BENCH_GOCACHE := $(abspath $(BENCH_DIR))/go-cache

RT_CFLAGS ?= -fsplit-stack
RT_LDLIBS ?= -lgc -pthread -Wl,-z,now

.PHONY: bench bench-build bench-go-deps

bench: bench-build
	@sh bench/run.sh $(BENCH_DIR) $(BENCH_ONLY)

bench-build: $(BENCH_C) $(BENCH_GO)

bench-go-deps:
	@command -v go >/dev/null 2>&1 || sh .ci/deps.sh golang-go

$(BENCH_C): $(BENCH_DIR)/%: bench/%.c bench/bench.h runtime/gocc.h $(LIB)/libgocc.a
	@mkdir -p $(dir $@)
	$(HOSTCC) $(CFLAGS) $(RT_CFLAGS) -std=gnu11 -o $@ $< $(LIB)/libgocc.a $(RT_LDLIBS)

$(BENCH_GO): $(BENCH_DIR)/go/%: bench/go/%/main.go bench/go/benchutil/benchutil.go | bench-go-deps
	@mkdir -p $(dir $@) $(BENCH_GOCACHE)
	cd bench/go && GOCACHE=$(BENCH_GOCACHE) GOFLAGS=-mod=mod GOPROXY=off go build -o $(abspath $@) ./$*
