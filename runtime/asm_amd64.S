/*
 * asm_amd64.S — context switch, goroutine trampoline, system-stack switch.
 *
 * Invariants
 *   - rt_swap saves exactly what the SysV ABI says survives a call: rbx,
 *     rbp, r12-r15, rsp, MXCSR and the x87 control word.  No signal mask:
 *     goroutines share their thread's mask (no syscall on the hot path).
 *   - The old sp is stored before rsp moves, so a GC that stops the thread
 *     anywhere in here finds either a published sp for the old G or the
 *     old stack still current.
 *   - rt_sysstack publishes the G's sp (with its callee-saved registers
 *     pushed below it) before setting insys, and clears insys only after
 *     rsp is back on the G's stack (runtime-facts pitfall 12).
 *   - In split-stack mode it zeroes the libgcc guard (%fs:0x70) while on
 *     the system stack: g0 is a big fixed stack and must never split; the
 *     goroutine's guard is restored on the way back.
 *   - rt_cbstack is its mirror for callbacks from C: back on the G's stack
 *     below the published sp, with the G's guard, and insys clear.
 *
 * The notes below tell gold/lld that this object neither needs nor breaks
 * split-stack callers (otherwise they rewrite callers to
 * __morestack_non_split, which asks for 1 MiB).
 */
        .text

/* void rt_swap(void **save_sp, void *new_sp) */
        .globl  rt_swap
        .type   rt_swap, @function
        .p2align 4
rt_swap:
        .cfi_startproc
        pushq   %rbp
        pushq   %rbx
        pushq   %r12
        pushq   %r13
        pushq   %r14
        pushq   %r15
        subq    $8, %rsp
        stmxcsr (%rsp)
        fnstcw  4(%rsp)
        movq    %rsp, (%rdi)
        movq    %rsi, %rsp
        ldmxcsr (%rsp)
        fldcw   4(%rsp)
        addq    $8, %rsp
        popq    %r15
        popq    %r14
        popq    %r13
        popq    %r12
        popq    %rbx
        popq    %rbp
        ret
        .cfi_endproc
        .size   rt_swap, .-rt_swap

/* First entry of a goroutine: rt_swap "returns" here with r12 = entry,
 * r13 = G*.  rsp is 16-byte aligned, so the call gives the callee the ABI's
 * rsp % 16 == 8.  A zero return address ends unwinders' walks. */
        .globl  rt_trampoline
        .type   rt_trampoline, @function
        .p2align 4
rt_trampoline:
        .cfi_startproc
        .cfi_undefined rip
        xorl    %ebp, %ebp
        movq    %r13, %rdi
        callq   *%r12
        ud2
        .cfi_endproc
        .size   rt_trampoline, .-rt_trampoline

/* void rt_sysstack(void *top, void (*fn)(void *), void *arg,
 *                  void **save_sp, atomic_int *insys)
 * Runs fn(arg) with rsp = top (16-byte aligned), then comes back. */
        .globl  rt_sysstack
        .type   rt_sysstack, @function
        .p2align 4
rt_sysstack:
        .cfi_startproc
        pushq   %rbp
        .cfi_def_cfa_offset 16
        .cfi_offset rbp, -16
        movq    %rsp, %rbp
        .cfi_def_cfa_register rbp
        pushq   %rbx
        pushq   %r12
        pushq   %r13
        pushq   %r14
        pushq   %r15
        pushq   %r8
#ifndef RT_FIXED_STACK
        movq    %fs:0x70, %rax
#else
        xorl    %eax, %eax
#endif
        pushq   %rax
        movq    %rsp, (%rcx)
        movl    $1, (%r8)
#ifndef RT_FIXED_STACK
        movq    $0, %fs:0x70
#endif
        movq    %rdi, %rsp
        movq    %rdx, %rdi
        callq   *%rsi
        leaq    -56(%rbp), %rsp
        popq    %rax
#ifndef RT_FIXED_STACK
        movq    %rax, %fs:0x70
#endif
        popq    %r8
        movl    $0, (%r8)
        popq    %r15
        popq    %r14
        popq    %r13
        popq    %r12
        popq    %rbx
        popq    %rbp
        .cfi_def_cfa rsp, 8
        ret
        .cfi_endproc
        .size   rt_sysstack, .-rt_sysstack

/* void rt_cbstack(void *gsp, void (*fn)(void *), void *arg,
 *                 void **save_sp, atomic_int *insys)
 * The way back for a callback from C into dialect code: runs fn(arg) on
 * the goroutine's stack just below gsp, the sp that rt_sysstack published
 * (the G's split-stack guard is the word at gsp), then returns to the
 * system stack.  insys is cleared only once rsp is on the G's stack; on
 * the way back *save_sp gets gsp again before insys is set. */
        .globl  rt_cbstack
        .type   rt_cbstack, @function
        .p2align 4
rt_cbstack:
        .cfi_startproc
        pushq   %rbp
        .cfi_def_cfa_offset 16
        .cfi_offset rbp, -16
        movq    %rsp, %rbp
        .cfi_def_cfa_register rbp
        pushq   %r12
        pushq   %r13
        pushq   %r14
        pushq   %r15
        movq    %rdi, %r12
        movq    %rcx, %r13
        movq    %r8, %r14
        leaq    -64(%rdi), %rax
        andq    $-16, %rax
        movq    %rax, %rsp
        movl    $0, (%r14)
#ifndef RT_FIXED_STACK
        movq    (%r12), %rax
        movq    %rax, %fs:0x70
#endif
        movq    %rdx, %rdi
        callq   *%rsi
#ifndef RT_FIXED_STACK
        movq    $0, %fs:0x70
#endif
        movq    %r12, (%r13)
        leaq    -32(%rbp), %rsp
        movl    $1, (%r14)
        popq    %r15
        popq    %r14
        popq    %r13
        popq    %r12
        popq    %rbp
        .cfi_def_cfa rsp, 8
        ret
        .cfi_endproc
        .size   rt_cbstack, .-rt_cbstack

/* Current stack pointer (for conservative sp publication). */
        .globl  rt_getsp
        .type   rt_getsp, @function
rt_getsp:
        leaq    8(%rsp), %rax
        ret
        .size   rt_getsp, .-rt_getsp

        .section .note.GNU-stack,"",@progbits
        .section .note.GNU-split-stack,"",@progbits
        .section .note.GNU-no-split-stack,"",@progbits
