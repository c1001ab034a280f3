#include <stdio.h>

static const char *grade(int score)
{
    switch (score) {
    case 90 ... 100: return "A";
    case 80 ... 89: return "B";
    case 70 ... 79: return "C";
    case 0 ... 69: return "F";
    default: return "?";
    }
}

static const char *kind(char c)
{
    switch (c) {
    case 'a' ... 'z': return "lower";
    case 'A' ... 'Z': return "upper";
    case '0' ... '9': return "digit";
    case ' ': case '\t': case '\n': return "space";
    default: return "punct";
    }
}

static int bucket(unsigned v)
{
    switch (v) {
    case 0: return 0;
    case 1 ... 9: return 1;
    case 10 ... 99: return 2;
    case 100 ... 999: return 3;
    case 1000 ...9999: return 4;
    default: return 5;
    }
}

enum { LO = 3, HI = 6 };

int main(void)
{
    int scores[] = { 100, 95, 85, 72, 40, 0, 101, -3 };
    for (int i = 0; i < 8; i++) printf("%d:%s ", scores[i], grade(scores[i]));
    printf("\n");
    const char *s = "aZ5 !";
    for (const char *p = s; *p; p++) printf("%s ", kind(*p));
    printf("\n");
    unsigned vals[] = { 0, 5, 42, 512, 4096, 70000 };
    for (int i = 0; i < 6; i++) printf("%d", bucket(vals[i]));
    printf("\n");
    for (int i = 0; i < 8; i++) {
        switch (i) {
        case LO ... HI: printf("[%d]", i); break;
        default: printf("%d", i);
        }
    }
    printf("\n");
    return 0;
}
