#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <inttypes.h>
#include <limits.h>

int main(void)
{
    printf("%d %ld %lld\n", atoi("123"), atol("-456"), atoll("789012345678"));
    char *end;
    long parsed = strtol("0x1fZ", &end, 16);
    printf("%ld %s\n", parsed, end);
    printf("%ld\n", strtol("0755", NULL, 0));
    printf("%lu\n", strtoul("4294967295", NULL, 10));
    printf("%lld\n", strtoll("-9000000000", NULL, 10));
    printf("%.3f\n", strtod("3.14159xyz", &end));
    printf("%s\n", end);
    printf("%.2f\n", atof("2.5e2"));
    printf("%d %ld %lld\n", abs(-5), labs(-6L), llabs(-7LL));
    div_t d = div(17, 5);
    ldiv_t ld = ldiv(-17L, 5L);
    printf("%d %d %ld %ld\n", d.quot, d.rem, ld.quot, ld.rem);
    int *arr = calloc(5, sizeof *arr);
    int zero = 1;
    for (int i = 0; i < 5; i++) zero &= arr[i] == 0;
    printf("%d\n", zero);
    arr = realloc(arr, 10 * sizeof *arr);
    for (int i = 0; i < 10; i++) arr[i] = i;
    printf("%d\n", arr[9]);
    free(arr);
    srand(1);
    int r1 = rand();
    srand(1);
    printf("%d\n", r1 == rand());
    printf("%s\n", getenv("GOCC_SURELY_UNSET_VARIABLE") ? "set" : "unset");
    printf("%d %d %d %d\n", isalpha('a') != 0, isdigit('5') != 0, isspace('\t') != 0, ispunct('!') != 0);
    printf("%c %c\n", toupper('q'), tolower('Q'));
    int64_t big = INT64_C(-1234567890123);
    uint32_t u32 = UINT32_MAX;
    printf("%" PRId64 " %" PRIu32 " %" PRIx64 "\n", big, u32, (uint64_t)255);
    intmax_t im = INTMAX_MAX;
    printf("%jd\n", im);
    printf("%d\n", RAND_MAX > 0);
    char out[32];
    snprintf(out, sizeof out, "%5.1f|%-3d|%03d", 3.14159, 7, 7);
    printf("%s\n", out);
    int n;
    sscanf("42 rest", "%d%n", &n, &r1);
    printf("%d %d\n", n, r1);
    return EXIT_SUCCESS;
}
