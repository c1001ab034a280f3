#include <stdio.h>

struct cell { int v; char tag; };

static const char class_of[128] = {
    [0 ... 127] = '?',
    ['0' ... '9'] = 'd',
    ['a' ... 'z'] = 'l',
    ['A' ... 'Z'] = 'u',
    [' '] = 's',
};

int main(void)
{
    int a[10] = { [0 ... 3] = 1, [4 ... 6] = 2, [8] = 9 };
    for (int i = 0; i < 10; i++) printf("%d", a[i]);
    printf("\n");
    const char *str = "Hi 42 yo!";
    for (const char *p = str; *p; p++) putchar(class_of[(int)*p]);
    putchar('\n');
    struct cell cells[6] = { [0 ... 2] = { 5, 'a' }, [3 ... 5].v = 7 };
    for (int i = 0; i < 6; i++) printf("%d%c ", cells[i].v, cells[i].tag ? cells[i].tag : '-');
    printf("\n");
    int m[4][4] = { [0 ... 3] = { [0 ... 3] = 1 }, [2][1 ... 2] = 5 };
    for (int i = 0; i < 4; i++) printf("%d%d%d%d\n", m[i][0], m[i][1], m[i][2], m[i][3]);
    int big[100] = { [10 ... 89] = -1 };
    int neg = 0;
    for (int i = 0; i < 100; i++) neg += big[i] < 0;
    printf("%d\n", neg);
    return 0;
}
