#include <stdio.h>

enum color { RED, GREEN, BLUE };
enum sizes { SMALL = 1, MEDIUM = 5, LARGE, HUGE = 100, MAXI };
enum flags { F_A = 1 << 0, F_B = 1 << 1, F_C = 1 << 2, F_ALL = F_A | F_B | F_C };
enum negative { MINUS = -5, ZERO_ISH = MINUS + 5, PLUS };
enum big { BIG = 0x7fffffff };
enum { ANON_X = 10, ANON_Y = ANON_X * 2, };  /* trailing comma */
typedef enum weekday { MON = 1, TUE, WED, THU, FRI, SAT, SUN } weekday;

static const char *color_name(enum color c)
{
    static const char *const names[] = { [RED] = "red", [GREEN] = "green", [BLUE] = "blue" };
    return names[c];
}

int main(void)
{
    printf("%d %d %d\n", RED, GREEN, BLUE);
    printf("%d %d %d %d %d\n", SMALL, MEDIUM, LARGE, HUGE, MAXI);
    printf("%d %d\n", F_ALL, F_B | F_C);
    printf("%d %d %d\n", MINUS, ZERO_ISH, PLUS);
    printf("%d\n", BIG);
    printf("%d %d\n", ANON_X, ANON_Y);
    for (enum color c = RED; c <= BLUE; c++) printf("%s ", color_name(c));
    printf("\n");
    weekday d = FRI;
    printf("%d %d\n", d, SUN - d);
    enum sizes s = LARGE;
    switch (s) {
    case SMALL: printf("small\n"); break;
    case LARGE: printf("large\n"); break;
    default: printf("other\n");
    }
    int arr[MAXI - HUGE + 2];
    printf("%zu\n", sizeof arr / sizeof arr[0]);
    printf("%zu\n", sizeof(enum color));
    enum color e = 2;
    printf("%s\n", color_name(e));
    return 0;
}
