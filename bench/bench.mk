# Benchmarks: `make bench` builds every workload of
# ../shared/design/benchmarks.md three times — in the dialect
# (bench/dialect/NAME.gc, compiled by gocc as a user would), in C against
# the runtime's public API (bench/NAME.c, linked with libgocc.a) and in Go
# (bench/go/NAME/main.go, Debian's golang-go, installed when missing) — runs
# the three side by side and prints the table (bench/run.sh).  Nothing here
# is part of `make check`.
#
#   make bench                          all workloads, GOMAXPROCS = all CPUs
#   make bench BENCH_ONLY="pingpong ring"
#   make bench GOMAXPROCS=1             (exported to all programs)
#   make bench BENCH_SCALE=0.1          quick smoke run (smaller counts)
#   make bench BENCH_ONLY=echo          the echo server only (1k and 10k
#                                       connections; see bench/run.sh)
#   make bench BENCH_GOCCFLAGS="-O2 -fsplit-stack"
#                                       the dialect builds on split stacks
#                                       (libgocc.a, as the C API builds)
#
# The dialect programs include bench/bench.h, so the three measure alike
# (warm-up, median of repetitions, peak RSS).  By default gocc links them
# with the fixed-stack runtime (libgocc-fixed.a, gocc(1)): one mapping per
# goroutine, so workloads that keep more than about 32,000 goroutines alive
# (idle_mem; skynet at full size) fail there.
#
# extcall is a pair of its own: bench/extcall.gc (dialect, a C library call
# through gocc's system-stack thunk) against bench/extcall.c (the same loop
# in plain C, cc, no runtime), which stands in the C API column; no Go twin.
#
# echo is built differently: bench/echo_server.gc is dialect code compiled
# by gocc, its twin is bench/go/echo_server, and one load client,
# bench/go/echo_client, drives both.
#
# Included by the top Makefile; uses BUILD, BIN, LIB, INC, HOSTCC, CFLAGS,
# and RT_CFLAGS / RT_LDLIBS from runtime/runtime.mk (defaults below).

BENCH_NAMES := spawn_join pingpong buffered_throughput select2 skynet ring \
               idle_mem mutex_contention prime_sieve context_fanout timers
BENCH_ONLY  ?= $(BENCH_NAMES) extcall echo
BENCH_DIR   := $(BUILD)/bench
BENCH_C     := $(BENCH_NAMES:%=$(BENCH_DIR)/%)
BENCH_DIALECT := $(BENCH_NAMES:%=$(BENCH_DIR)/dialect/%)
BENCH_EXTCALL := $(BENCH_DIR)/extcall $(BENCH_DIR)/dialect/extcall
BENCH_GOCCFLAGS ?= -O2 -g
BENCH_GO    := $(BENCH_NAMES:%=$(BENCH_DIR)/go/%)
BENCH_ECHO_GO := $(BENCH_DIR)/go/echo_server $(BENCH_DIR)/go/echo_client
BENCH_GOCACHE := $(abspath $(BENCH_DIR))/go-cache

RT_CFLAGS ?= -fsplit-stack
RT_LDLIBS ?= -lgc -pthread -Wl,-z,now

.PHONY: bench bench-build bench-go-deps bench-goccflags

bench: bench-build
	@sh bench/run.sh $(BENCH_DIR) $(BENCH_ONLY)

bench-build: $(BENCH_DIALECT) $(BENCH_C) $(BENCH_GO) $(BENCH_EXTCALL) \
             $(BENCH_DIR)/echo_server $(BENCH_ECHO_GO)

bench-go-deps:
	@command -v go >/dev/null 2>&1 || sh .ci/deps.sh golang-go

$(BENCH_C): $(BENCH_DIR)/%: bench/%.c bench/bench.h bench/stats.h runtime/gocc.h $(LIB)/libgocc.a
	@mkdir -p $(dir $@)
	$(HOSTCC) $(CFLAGS) $(RT_CFLAGS) -std=gnu11 -o $@ $< $(LIB)/libgocc.a $(RT_LDLIBS)

# the workloads in the dialect, compiled as a user would; a change of
# BENCH_GOCCFLAGS rebuilds them (the stamp file keeps the last flags)
BENCH_DIALECT_DEPS := bench/bench.h bench/stats.h $(BIN)/gocc $(LIB)/libgocc.a $(LIB)/libgocc-fixed.a \
                      $(INC)/gocc/gocc.h $(BENCH_DIR)/dialect/goccflags

$(BENCH_DIR)/dialect/goccflags: bench-goccflags
	@mkdir -p $(dir $@)
	@echo '$(BENCH_GOCCFLAGS)' | cmp -s - $@ || echo '$(BENCH_GOCCFLAGS)' >$@

$(BENCH_DIALECT): $(BENCH_DIR)/dialect/%: bench/dialect/%.gc $(BENCH_DIALECT_DEPS)
	$(BIN)/gocc $(BENCH_GOCCFLAGS) -o $@ $<

# a C library call from dialect code, and the same loop in plain C
$(BENCH_DIR)/dialect/extcall: bench/extcall.gc $(BENCH_DIALECT_DEPS)
	$(BIN)/gocc $(BENCH_GOCCFLAGS) -o $@ $<

$(BENCH_DIR)/extcall: bench/extcall.c bench/stats.h
	@mkdir -p $(dir $@)
	$(HOSTCC) $(CFLAGS) -std=gnu11 -o $@ $<

# the echo server in the dialect, compiled as a user would
$(BENCH_DIR)/echo_server: bench/echo_server.gc $(BIN)/gocc $(LIB)/libgocc-fixed.a $(INC)/gocc/gocc.h
	@mkdir -p $(dir $@)
	$(BIN)/gocc -O2 -g -o $@ $<

$(BENCH_GO) $(BENCH_ECHO_GO): $(BENCH_DIR)/go/%: bench/go/%/main.go bench/go/benchutil/benchutil.go | bench-go-deps
	@mkdir -p $(dir $@) $(BENCH_GOCACHE)
	cd bench/go && GOCACHE=$(BENCH_GOCACHE) GOFLAGS=-mod=mod GOPROXY=off go build -o $(abspath $@) ./$*
