#include <stdio.h>
#include <string.h>
#include <alloca.h>

static int sum_with_scratch(int n)
{
    int *tmp = alloca(n * sizeof *tmp);
    for (int i = 0; i < n; i++) tmp[i] = i + 1;
    int s = 0;
    for (int i = 0; i < n; i++) s += tmp[i];
    return s;
}

static char *upper_dup_print(const char *s)
{
    size_t len = strlen(s);
    char *copy = __builtin_alloca(len + 1);
    for (size_t i = 0; i <= len; i++) copy[i] = (char)(s[i] >= 'a' && s[i] <= 'z' ? s[i] - 32 : s[i]);
    printf("%s\n", copy);
    return NULL;
}

int main(void)
{
    printf("%d\n", sum_with_scratch(10));
    printf("%d\n", sum_with_scratch(100));
    upper_dup_print("alloca works");
    for (int i = 1; i <= 3; i++) {
        double *d = alloca(i * sizeof(double));
        for (int j = 0; j < i; j++) d[j] = j * 0.5;
        printf("%.1f\n", d[i - 1]);
    }
    return 0;
}
