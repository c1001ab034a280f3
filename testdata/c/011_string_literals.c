#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <uchar.h>

#define STR(x) #x
#define XSTR(x) STR(x)
#define VERSION 3

int main(void)
{
    const char *s = "con" "cat" "en" "ation";
    printf("%s %zu\n", s, strlen(s));
    printf("%s\n", "multi"
                   "line"
                   " literal");
    printf("%s\n", "version " XSTR(VERSION));
    printf("%s\n", STR(a + b));
    const wchar_t *w = L"wide" L" string";
    printf("%zu\n", wcslen(w));
    printf("%d %d\n", (int)w[0], (int)w[10]);
    const char *u8s = u8"utf8 \u00e9";
    printf("%s %zu\n", u8s, strlen(u8s));
    const char16_t *u16 = u"utf16 \u00e9";
    int n16 = 0; while (u16[n16]) n16++;
    printf("%d %d\n", n16, (int)u16[6]);
    const char32_t *u32 = U"utf32 \U0001F600";
    int n32 = 0; while (u32[n32]) n32++;
    printf("%d %d\n", n32, (int)u32[6]);
    printf("%zu %zu %zu %zu %zu\n", sizeof("abc"), sizeof(L"abc"), sizeof(u"abc"), sizeof(U"abc"), sizeof(u8"abc"));
    /* mixing plain with prefixed in concatenation: result is wide */
    const wchar_t *mix = L"ab" "cd";
    printf("%zu\n", wcslen(mix));
    char arr[] = "array";
    printf("%zu %s\n", sizeof arr, arr);
    char exact[5] = "exact";          /* no terminating null stored */
    printf("%.5s\n", exact);
    printf("%c\n", "indexed"[3]);
    printf("%c\n", *("pointer" + 2));
    printf("[%s]\n", "");
    printf("%s\n", "tab\there");
    printf("%s\n", "quote\"inside\"");
    printf("%s\n", "\x48\x69" "\041");
    printf("%s\n", "??" "=");          /* no trigraph processing in gnu mode */
    const char *lines[] = { "one", "two", "three" };
    for (int i = 0; i < 3; i++) printf("%s%c", lines[i], i == 2 ? '\n' : ',');
    return 0;
}
