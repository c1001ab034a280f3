#include <stdio.h>

static int days_until_end(int month)
{
    int days = 0;
    switch (month) {
    case 1: days += 31;
    case 2: days += 28;
    case 3: days += 31;
    case 4: days += 30;
    case 5: days += 31;
    case 6: days += 30;
    case 7: days += 31;
    case 8: days += 31;
    case 9: days += 30;
    case 10: days += 31;
    case 11: days += 30;
    case 12: days += 31;
    }
    return days;
}

/* Duff's device */
static void duff_copy(int *to, const int *from, int count)
{
    int n = (count + 7) / 8;
    switch (count % 8) {
    case 0: do { *to++ = *from++;
    case 7:      *to++ = *from++;
    case 6:      *to++ = *from++;
    case 5:      *to++ = *from++;
    case 4:      *to++ = *from++;
    case 3:      *to++ = *from++;
    case 2:      *to++ = *from++;
    case 1:      *to++ = *from++;
            } while (--n > 0);
    }
}

static const char *describe(int n)
{
    switch (n) {
    default:
        return "many";
    case 0:
        return "none";
    case 1:
    case 2:
        return "few";
    }
}

int main(void)
{
    printf("%d %d %d\n", days_until_end(1), days_until_end(7), days_until_end(12));
    int src[13], dst[13] = { 0 };
    for (int i = 0; i < 13; i++) src[i] = i * 3;
    duff_copy(dst, src, 13);
    for (int i = 0; i < 13; i++) printf("%d ", dst[i]);
    printf("\n");
    for (int i = 0; i < 5; i++) printf("%s ", describe(i));
    printf("\n");
    int x = 2;
    switch (x) {
        int hidden;             /* declaration before first case: legal, not initialised */
    case 2:
        hidden = 5;
        printf("hidden %d\n", hidden);
        break;
    }
    switch (x) case 2: printf("single-statement switch\n");
    switch (x) { }
    long big = 3000000000L;
    switch (big) { case 3000000000L: printf("long switch\n"); break; default: break; }
    char c = 'b';
    switch (c) { case 'a': printf("a\n"); break; case 'b': { int scoped = 1; printf("b %d\n", scoped); } }
    return 0;
}
