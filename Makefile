# gocc — build, deps, check, bench, demo, install.  `make help` lists the targets.
#
# Everything generated (re2c/Lemon output, objects, binaries, test results)
# goes to $(BUILD); the source tree stays clean.

BUILD     ?= build
PREFIX    ?= /usr/local
HOSTCC    ?= cc
CFLAGS    ?= -O2 -g
WARN      := -Wall -Wextra -Wno-unused-parameter
VERSION   := 0.1.0

GEN       := $(BUILD)/gen
OBJ       := $(BUILD)/obj
BIN       := $(BUILD)/bin
LIB       := $(BUILD)/lib
INC       := $(BUILD)/include

# Debian packages the build and the tests need (issue #2: installed when missing).
DEB_PKGS  := re2c lemon libgc-dev libcriterion-dev pkg-config clang gdb

.PHONY: all deps check demo install clean help bench unit-check golden-check runtime-check
all: $(BIN)/gocc $(LIB)/libgocc.a $(LIB)/libgocc-fixed.a

help:
	@echo 'make            build build/bin/gocc, build/lib/libgocc.a and libgocc-fixed.a'
	@echo 'make deps       install missing Debian packages ($(DEB_PKGS))'
	@echo 'make check      build, then run every test (unit, runtime, golden)'
	@echo 'make demo       build, then compile and run examples/hello.gc and prime_sieve.gc'
	@echo 'make bench      run the benchmarks beside their Go twins'
	@echo 'make runtime-sanitize  runtime tests on the fixed-stack runtime under TSan and ASan'
	@echo 'make install    install into PREFIX=$(PREFIX) (bin, lib, include, man, pkg-config)'
	@echo 'make clean      remove build/'

# --- dependencies ----------------------------------------------------------
# Idempotent and silent when everything is present.  A fresh Debian has empty
# package lists, so `apt-get update` runs once before the first install.
deps:
	@sh .ci/deps.sh $(DEB_PKGS)

# --- the compiler ----------------------------------------------------------
COMPILER_SRCS := $(filter-out compiler/main.c,$(wildcard compiler/*.c))
COMPILER_OBJS := $(COMPILER_SRCS:compiler/%.c=$(OBJ)/compiler/%.o) \
                 $(OBJ)/gen/lexer.o $(OBJ)/gen/c.o
COMPILER_CFLAGS = $(CFLAGS) $(WARN) -std=gnu11 -D_GNU_SOURCE -Icompiler -I$(GEN) \
                  -DGOCC_VERSION='"$(VERSION)"'

# Lemon leaves c.h alone when it is unchanged: touch it so make sees it new.
# A grammar with conflicts fails the build.
$(GEN)/c.c $(GEN)/c.h &: grammar/c.y | deps
	@mkdir -p $(GEN)
	cp grammar/c.y $(GEN)/c.y
	cd $(GEN) && lemon -q c.y || { echo 'grammar/c.y: parsing conflicts' >&2; exit 1; }
	touch $(GEN)/c.c $(GEN)/c.h

$(GEN)/lexer.c: grammar/lexer.re $(GEN)/c.h | deps
	@mkdir -p $(GEN)
	re2c -W --no-generation-date --no-version -o $@ $<

$(OBJ)/gen/%.o: $(GEN)/%.c compiler/gocc.h
	@mkdir -p $(dir $@)
	$(HOSTCC) $(COMPILER_CFLAGS) -Wno-unused-variable -Wno-sign-compare -c -o $@ $<

$(OBJ)/compiler/%.o: compiler/%.c compiler/gocc.h $(GEN)/c.h
	@mkdir -p $(dir $@)
	$(HOSTCC) $(COMPILER_CFLAGS) -c -o $@ $<

$(BIN)/gocc: $(OBJ)/compiler/main.o $(COMPILER_OBJS)
	@mkdir -p $(BIN)
	$(HOSTCC) $(CFLAGS) -o $@ $^

# --- the runtime (rules in runtime/runtime.mk) -----------------------------
include runtime/runtime.mk

# --- tests -----------------------------------------------------------------
include compiler/test/test.mk

check: all unit-check runtime-check golden-check

golden-check: all | deps
	@sh testdata/run.sh

# --- demo ------------------------------------------------------------------
demo: all
	$(BIN)/gocc examples/hello.gc -o $(BUILD)/hello
	./$(BUILD)/hello
	$(BIN)/gocc examples/prime_sieve.gc -o $(BUILD)/prime_sieve
	./$(BUILD)/prime_sieve

# --- benchmarks (rules in bench/bench.mk) ----------------------------------
-include bench/bench.mk

# --- install ---------------------------------------------------------------
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig \
	  $(DESTDIR)$(PREFIX)/include/gocc $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/man/man3 $(DESTDIR)$(PREFIX)/share/man/man7 \
	  $(DESTDIR)$(PREFIX)/share/gocc
	install -m 755 $(BIN)/gocc $(DESTDIR)$(PREFIX)/bin/gocc
	install -m 644 $(LIB)/libgocc.a $(LIB)/libgocc-fixed.a $(DESTDIR)$(PREFIX)/lib/
	install -m 644 $(INC)/gocc/*.h $(DESTDIR)$(PREFIX)/include/gocc/
	install -m 644 man/gocc.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 644 man/libgocc.3 $(DESTDIR)$(PREFIX)/share/man/man3/
	install -m 644 man/gocc-dialect.7 $(DESTDIR)$(PREFIX)/share/man/man7/
	install -m 644 runtime/gdb/gocc-gdb.py $(DESTDIR)$(PREFIX)/share/gocc/gocc-gdb.py
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(VERSION)|g' gocc.pc.in \
	  > $(DESTDIR)$(PREFIX)/lib/pkgconfig/gocc.pc

clean:
	rm -rf $(BUILD)
