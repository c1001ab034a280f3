# runtime/runtime.mk — libgocc (included by the top Makefile).
#
#   $(LIB)/libgocc.a        split-stack runtime (the default)
#   $(LIB)/libgocc-fixed.a  fixed mmap stacks + guard pages, for sanitizers
#   $(INC)/gocc/gocc.h      the public header
#   runtime-check           every runtime/test/*.c as a Criterion binary,
#                           run with GOMAXPROCS=1 and GOMAXPROCS=2
#   runtime-sanitize        the same tests on libgocc-fixed built with
#                           -fsanitize=thread, then -fsanitize=address
#
# For others: RT_CFLAGS is what code running in goroutines is compiled with,
# RT_LDLIBS what a program linking libgocc needs.

RT_CFLAGS := -fsplit-stack
RT_LDLIBS := -lgc -pthread -Wl,-z,now

# The runtime's code goes where dialect code goes (section gocc_text): a
# call through a function pointer runs targets there directly (gocc.h,
# gocc_dialect_code) and everything else on the system stack.
RT_SECTION = objcopy --rename-section .text=gocc_text $@

RT_SRCS   := $(wildcard runtime/*.c)
RT_HDRS   := $(wildcard runtime/*.h)
RT_OBJS   := $(RT_SRCS:runtime/%.c=$(OBJ)/runtime/%.o) $(OBJ)/runtime/asm_amd64.o
RT_FOBJS  := $(RT_SRCS:runtime/%.c=$(OBJ)/runtime/fixed/%.o) $(OBJ)/runtime/fixed/asm_amd64.o
RT_LIBCFLAGS = $(CFLAGS) $(WARN) -std=gnu11 -fno-strict-aliasing

$(OBJ)/runtime/%.o: runtime/%.c $(RT_HDRS) | deps
	@mkdir -p $(dir $@)
	$(HOSTCC) $(RT_LIBCFLAGS) $(RT_CFLAGS) -c -o $@ $<
	$(RT_SECTION)

$(OBJ)/runtime/asm_amd64.o: runtime/asm_amd64.S
	@mkdir -p $(dir $@)
	$(HOSTCC) -c -o $@ $<
	$(RT_SECTION)

$(OBJ)/runtime/fixed/%.o: runtime/%.c $(RT_HDRS) | deps
	@mkdir -p $(dir $@)
	$(HOSTCC) $(RT_LIBCFLAGS) -DRT_FIXED_STACK -c -o $@ $<
	$(RT_SECTION)

$(OBJ)/runtime/fixed/asm_amd64.o: runtime/asm_amd64.S
	@mkdir -p $(dir $@)
	$(HOSTCC) -DRT_FIXED_STACK -c -o $@ $<
	$(RT_SECTION)

$(INC)/gocc/gocc.h: runtime/gocc.h
	@mkdir -p $(dir $@)
	cp runtime/gocc.h $@

$(LIB)/libgocc.a: $(RT_OBJS) $(INC)/gocc/gocc.h
	@mkdir -p $(LIB)
	rm -f $@ && ar rcs $@ $(RT_OBJS)

$(LIB)/libgocc-fixed.a: $(RT_FOBJS) $(INC)/gocc/gocc.h
	@mkdir -p $(LIB)
	rm -f $@ && ar rcs $@ $(RT_FOBJS)

# ---- tests ----------------------------------------------------------------
RT_TEST_SRCS := $(wildcard runtime/test/*.c)
RT_TEST_DIR  := $(BUILD)/test/runtime
RT_TESTS     := $(RT_TEST_SRCS:runtime/test/%.c=$(RT_TEST_DIR)/%)

$(RT_TEST_DIR)/%: runtime/test/%.c $(wildcard runtime/test/*.h) runtime/gocc.h $(LIB)/libgocc.a
	@mkdir -p $(dir $@)
	$(HOSTCC) $(CFLAGS) -std=gnu11 $(RT_CFLAGS) -Iruntime -o $@ $< \
	  $(LIB)/libgocc.a -lcriterion $(RT_LDLIBS)

runtime-check: $(RT_TESTS)
	@fail=0; for t in $(RT_TESTS); do \
	  for p in 1 2; do \
	    echo "== $$t (GOMAXPROCS=$$p)"; \
	    GOMAXPROCS=$$p $$t --jobs=2 || { echo "FAIL: $$t GOMAXPROCS=$$p"; fail=1; }; \
	  done; \
	done; exit $$fail

# ---- sanitizers (fixed-stack mode) -----------------------------------------
# ThreadSanitizer cannot host Criterion (its fork arena does not map under
# TSan's layout): under TSan the test_*.c files get the stand-in harness of
# test_util.h and the rt_*.c files the one in rt_util.h; the ASan run uses
# Criterion.  TSan defers asynchronous signals to its interceptors, so
# Boehm's stop-the-world (SIGPWR) cannot stop a thread running instrumented
# code: TSan runs use GC_DONT_GC=1, leave out rt_gc and skip the tests marked
# TU_NEEDS_GC (those need a collection to happen).
RT_SAN_DIR := $(BUILD)/test/runtime-san
RT_SAN_TSAN_TESTS ?= $(filter-out rt_gc,$(RT_TEST_SRCS:runtime/test/%.c=%))
RT_SAN_ASAN_TESTS ?= $(RT_TEST_SRCS:runtime/test/%.c=%)
RT_SAN_thread_FLAGS := -DRT_SAN_HARNESS
RT_SAN_thread_LIBS :=
RT_SAN_address_FLAGS :=
RT_SAN_address_LIBS := -lcriterion

define rt_san_rules
$(RT_SAN_DIR)/$(1)/obj/%.o: runtime/%.c $(RT_HDRS) | deps
	@mkdir -p $$(dir $$@)
	$(HOSTCC) $(RT_LIBCFLAGS) -DRT_FIXED_STACK -fsanitize=$(1) -c -o $$@ $$<
$(RT_SAN_DIR)/$(1)/obj/asm_amd64.o: runtime/asm_amd64.S
	@mkdir -p $$(dir $$@)
	$(HOSTCC) -DRT_FIXED_STACK -c -o $$@ $$<
$(RT_SAN_DIR)/$(1)/libgocc.a: $(RT_SRCS:runtime/%.c=$(RT_SAN_DIR)/$(1)/obj/%.o) $(RT_SAN_DIR)/$(1)/obj/asm_amd64.o
	rm -f $$@ && ar rcs $$@ $$^
$(RT_SAN_DIR)/$(1)/%: runtime/test/%.c $(wildcard runtime/test/*.h) runtime/gocc.h $(RT_SAN_DIR)/$(1)/libgocc.a
	$(HOSTCC) $(CFLAGS) -std=gnu11 -DRT_FIXED_STACK $(RT_SAN_$(1)_FLAGS) -fsanitize=$(1) -Iruntime -o $$@ $$< \
	  $(RT_SAN_DIR)/$(1)/libgocc.a $(RT_SAN_$(1)_LIBS) $(RT_LDLIBS)
endef
$(eval $(call rt_san_rules,thread))
$(eval $(call rt_san_rules,address))

.PHONY: runtime-sanitize
runtime-sanitize: $(RT_SAN_TSAN_TESTS:%=$(RT_SAN_DIR)/thread/%) $(RT_SAN_ASAN_TESTS:%=$(RT_SAN_DIR)/address/%)
	@fail=0; \
	for t in $(RT_SAN_TSAN_TESTS); do echo "== thread $$t"; \
	  GOMAXPROCS=2 GC_DONT_GC=1 TSAN_OPTIONS="halt_on_error=1 exitcode=66" $(RT_SAN_DIR)/thread/$$t \
	    || { echo "FAIL: thread $$t"; fail=1; }; done; \
	for t in $(RT_SAN_ASAN_TESTS); do echo "== address $$t"; \
	  GOMAXPROCS=2 ASAN_OPTIONS="detect_leaks=0" $(RT_SAN_DIR)/address/$$t --jobs=2 \
	    || { echo "FAIL: address $$t"; fail=1; }; done; \
	exit $$fail
