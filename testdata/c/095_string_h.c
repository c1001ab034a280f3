#include <stdio.h>
#include <string.h>

int main(void)
{
    char buf[64];
    strcpy(buf, "hello");
    strcat(buf, ", world");
    printf("%s %zu\n", buf, strlen(buf));
    printf("%d %d %d\n", strcmp("abc", "abd") < 0, strcmp("b", "a") > 0, strcmp("same", "same"));
    printf("%d\n", strncmp("prefix-one", "prefix-two", 7));
    printf("%s\n", strchr(buf, 'w'));
    printf("%s\n", strrchr(buf, 'o'));
    printf("%s\n", strstr(buf, "lo, "));
    printf("%zu %zu\n", strspn("aabbcxyz", "abc"), strcspn("hello world", " "));
    printf("%s\n", strpbrk("find-the:delim", ":-"));
    char tok[] = "a,b;;c,d";
    for (char *t = strtok(tok, ",;"); t; t = strtok(NULL, ",;")) printf("[%s]", t);
    printf("\n");
    char dst[16];
    memset(dst, 'x', sizeof dst);
    strncpy(dst, "abc", 5);
    printf("%d %d %c\n", dst[3], dst[4], dst[5]);
    char m[10] = "123456789";
    memmove(m + 2, m, 5);
    printf("%s\n", m);
    memcpy(m, "ABC", 3);
    printf("%s\n", m);
    printf("%d\n", memcmp("abc", "abd", 3) < 0);
    const char *hay = "needle in haystack";
    printf("%s\n", (const char *)memchr(hay, 'h', strlen(hay)));
    char num[8];
    strncat(strcpy(num, "12"), "3456789", 3);
    printf("%s\n", num);
    printf("%zu\n", strnlen("abcdef", 3));
    char *dup = strdup("duplicate");
    printf("%s\n", dup);
    __builtin_free(dup);
    printf("%s\n", strerror(0) ? "has strerror" : "none");
    int zeros[4];
    memset(zeros, 0, sizeof zeros);
    printf("%d\n", zeros[0] + zeros[3]);
    printf("%zu\n", __builtin_strlen("builtin"));
    return 0;
}
