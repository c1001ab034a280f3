#include <stdio.h>

static int caf\u00e9 = 3;               /* universal character name in identifier */
static int \u03c0_times_100 = 314;
static int na\U000000efve(int x) { return x + 1; }

int main(void)
{
    printf("%d\n", caf\u00e9);
    printf("%d\n", \u03c0_times_100);
    printf("%d\n", na\u00efve(41));
    int \u00fc = 7;
    printf("%d\n", \u00fc * 2);
    const char *s = "\u00e9t\u00e9";
    int bytes = 0;
    while (s[bytes]) bytes++;
    printf("%d\n", bytes);
    return 0;
}
