#include <stdio.h>
#include <wchar.h>
#include <uchar.h>

int main(void)
{
    printf("%d %d %d %d\n", 'a', 'Z', '0', ' ');
    printf("%d %d %d %d %d\n", '\n', '\t', '\r', '\0', '\\');
    printf("%d %d %d %d\n", '\'', '\"', '\?', '"');
    printf("%d %d %d %d %d\n", '\a', '\b', '\f', '\v', '\e');
    printf("%d %d %d\n", '\101', '\x41', '\x7f');
    printf("%d %d\n", '\0', '\177');
    printf("%d\n", '\377');              /* char is signed on x86_64 */
    printf("%d\n", (unsigned char)'\xff');
    printf("%d\n", 'ab');                /* multi-char constant */
    printf("%d\n", (int)L'A');
    printf("%d\n", (int)L'\x263a');
    printf("%d\n", (int)u'\u00e9');
    printf("%d\n", (int)U'\U0001F600');
    printf("%zu %zu %zu\n", sizeof(L'a'), sizeof(u'a'), sizeof(U'a'));
    printf("%zu\n", sizeof('a'));
    wchar_t w = L'z';
    char16_t c16 = u'q';
    char32_t c32 = U'r';
    printf("%d %d %d\n", (int)w, (int)c16, (int)c32);
    char s[] = "\x41\102\x43\t\"q\"\\";
    printf("%s %zu\n", s, sizeof s);
    printf("%c%c%c\n", 'x', '\x79', '\172');
    return 0;
}
