#include <stdio.h>

/* declare under one C name, link under another */
int compute(int x) __asm__("gocc_real_compute");
int gocc_real_compute(int x) { return x * 7; }

static int helper(int) __asm__("gocc_helper_impl");
static int helper(int v) { return v + 1000; }

extern int shared_value __asm__("gocc_shared_value");
int gocc_shared_value = 314;

int renamed_global __asm__("gocc_renamed_global") = 27;
extern int via_alias __asm__("gocc_renamed_global");

extern int __REDIRECT_like(int) __asm__ ("gocc_real_compute");

int main(void)
{
    printf("%d\n", compute(6));
    printf("%d\n", helper(1));
    printf("%d\n", shared_value);
    printf("%d\n", via_alias);
    via_alias++;
    printf("%d\n", renamed_global);
    printf("%d\n", __REDIRECT_like(2));
    register int r __asm__("ebx") = 5;   /* explicit register variable */
    printf("%d\n", r + 1);
    return 0;
}
