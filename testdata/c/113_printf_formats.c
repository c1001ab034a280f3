#include <stdio.h>
#include <stdint.h>
#include <stddef.h>
#include <wchar.h>

int main(void)
{
    printf("[%d] [%5d] [%-5d] [%05d] [%+d] [% d]\n", 42, 42, 42, 42, 42, 42);
    printf("[%x] [%X] [%#x] [%#o] [%o] [%08x]\n", 255, 255, 255, 8, 8, 0xbeef);
    printf("[%u] [%lu] [%llu] [%hd] [%hhd] [%hhu]\n", 3000000000u, 4000000000ul, 5000000000ull, (short)-2, (signed char)-3, (unsigned char)250);
    printf("[%f] [%.2f] [%10.3f] [%-10.1f] [%e] [%.3E] [%g] [%G]\n", 3.14159, 3.14159, 3.14159, 3.14159, 123456.789, 0.000123, 0.0001, 1e20);
    printf("[%c] [%3c] [%-3c]\n", 'a', 'b', 'c');
    printf("[%s] [%8s] [%-8s] [%.2s] [%*s] [%-*s]\n", "str", "str", "str", "str", 6, "w", 6, "w");
    printf("[%*d] [%.*f] [%*.*f]\n", 6, 7, 3, 2.71828, 8, 2, 2.71828);
    printf("[%%] [%zu] [%zd] [%td] [%jd] [%ju]\n", (size_t)10, (ptrdiff_t)-10, (ptrdiff_t)5, (intmax_t)-7, (uintmax_t)7);
    printf("[%a] [%A]\n", 1.5, 0.25);
    printf("[%Lf] [%.3Lg]\n", 1.25L, 123456.0L);
    printf("[%5.1s] [%.0f] [%.0f] [%#.0f]\n", "xyz", 2.5, 3.5, 4.0);
    printf("[%g] [%g] [%g] [%g]\n", 100000.0, 1000000.0, 0.0001, 0.00001);
    printf("[%i] [%ld] [%lld]\n", -17, -1L, -1LL);
    printf("[%#X] [%#08x] [%-#8o]\n", 0xabc, 0x1f, 9);
    printf("[%+.3e] [% .2f]\n", -0.00123, 5.0);
    int n1, n2;
    printf("abc%n-def%n\n", &n1, &n2);
    printf("%d %d\n", n1, n2);
    char buf[32];
    int len = snprintf(buf, 8, "%s", "truncate me");
    printf("%d [%s]\n", len, buf);
    printf("%s\n", (char *)0 == NULL ? "null ok" : "");
    printf("[%f] [%e]\n", -0.0, 0.0);
    printf("[%.10f]\n", 1.0 / 3);
    printf("[%lc] [%ls]\n", (wint_t)L'W', L"wide");
    return 0;
}
