#include <stdio.h>

static unsigned long long fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }
static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
static int gcd(int a, int b) { return b ? gcd(b, a % b) : a; }
static int ackermann(int m, int n)
{
    if (m == 0) return n + 1;
    if (n == 0) return ackermann(m - 1, 1);
    return ackermann(m - 1, ackermann(m, n - 1));
}

static int is_even(int n);
static int is_odd(int n) { return n == 0 ? 0 : is_even(n - 1); }
static int is_even(int n) { return n == 0 ? 1 : is_odd(n - 1); }

static void hanoi(int n, char from, char to, char via, int *moves)
{
    if (n == 0) return;
    hanoi(n - 1, from, via, to, moves);
    (*moves)++;
    if (n == 3) printf("move disk 3 %c->%c\n", from, to);
    hanoi(n - 1, via, to, from, moves);
}

static void permute(char *s, int l, int r)
{
    if (l == r) { printf("%s ", s); return; }
    for (int i = l; i <= r; i++) {
        char t = s[l]; s[l] = s[i]; s[i] = t;
        permute(s, l + 1, r);
        t = s[l]; s[l] = s[i]; s[i] = t;
    }
}

static int power_set_count(const int *v, int n, int target)
{
    if (n == 0) return target == 0;
    return power_set_count(v + 1, n - 1, target) + power_set_count(v + 1, n - 1, target - v[0]);
}

int main(void)
{
    printf("%llu\n", fact(20));
    printf("%d\n", fib(25));
    printf("%d\n", gcd(1071, 462));
    printf("%d\n", ackermann(2, 3));
    printf("%d %d\n", is_even(10), is_odd(7));
    int moves = 0;
    hanoi(10, 'A', 'C', 'B', &moves);
    printf("moves %d\n", moves);
    char s[] = "abc";
    permute(s, 0, 2);
    printf("\n");
    int v[] = { 3, 34, 4, 12, 5, 2 };
    printf("%d\n", power_set_count(v, 6, 9));
    return 0;
}
