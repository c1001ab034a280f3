#include <stdio.h>

static int classify(int n)
{
    int score = 0;
    switch (n) {
    case 0:
        score += 1;
        __attribute__((fallthrough));
    case 1:
        score += 10;
        __attribute__((__fallthrough__));
    case 2:
        score += 100;
        break;
    default:
        score = -1;
    }
    return score;
}

static int with_labels(int n)
{
    int r = 0;
    if (n > 3) goto big;
small: __attribute__((unused))
    r += 1;
    goto done;
big: __attribute__((cold))
    r += 1000;
done:;
    __attribute__((unused)) int tail = r;
    return tail;
}

static int unused_label(void)
{
    int v = 0;
 never: __attribute__((unused));
    v = 3;
    return v;
}

int main(void)
{
    for (int i = 0; i < 4; i++) printf("%d ", classify(i));
    printf("\n");
    printf("%d %d\n", with_labels(1), with_labels(9));
    printf("%d\n", unused_label());
    return 0;
}
