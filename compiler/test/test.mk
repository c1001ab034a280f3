# Criterion unit tests of the compiler (one binary per compiler/test/*.c).
UNIT_SRCS := $(wildcard compiler/test/*.c)
UNIT_BINS := $(UNIT_SRCS:compiler/test/%.c=$(BUILD)/test/compiler/%)

$(BUILD)/test/compiler/%: compiler/test/%.c $(COMPILER_OBJS) compiler/gocc.h | deps
	@mkdir -p $(dir $@)
	$(HOSTCC) $(COMPILER_CFLAGS) -o $@ $< $(COMPILER_OBJS) -lcriterion

unit-check: $(UNIT_BINS)
	@set -e; for t in $(UNIT_BINS); do $$t --short-filename; done
