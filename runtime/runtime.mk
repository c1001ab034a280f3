# Placeholder until the runtime lands: builds libgocc.a from runtime/*.c.
RT_SRCS := $(wildcard runtime/*.c)
RT_OBJS := $(RT_SRCS:runtime/%.c=$(OBJ)/runtime/%.o)
$(OBJ)/runtime/%.o: runtime/%.c runtime/gocc.h | deps
	@mkdir -p $(dir $@)
	$(HOSTCC) $(CFLAGS) $(WARN) -c -o $@ $<
$(LIB)/libgocc.a: $(RT_OBJS) runtime/gocc.h
	@mkdir -p $(LIB) $(INC)/gocc
	rm -f $@ && ar rcs $@ $(RT_OBJS)
	cp runtime/gocc.h $(INC)/gocc/gocc.h
runtime-check:
