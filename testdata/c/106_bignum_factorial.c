/* Arbitrary-precision unsigned integers stored as base-10^9 limbs:
   factorials, powers of two, Fibonacci, addition, multiplication and
   digit sums. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

#define BASE 1000000000u

typedef struct {
    uint32_t *limb;     /* little-endian base 10^9 */
    size_t n, cap;
} big;

static void big_init(big *b, uint32_t v)
{
    b->cap = 4;
    b->limb = malloc(b->cap * sizeof *b->limb);
    b->limb[0] = v % BASE;
    b->n = 1;
    if (v >= BASE) { b->limb[1] = v / BASE; b->n = 2; }
}

static void big_grow(big *b, size_t n)
{
    if (n <= b->cap) return;
    while (b->cap < n) b->cap *= 2;
    b->limb = realloc(b->limb, b->cap * sizeof *b->limb);
}

static void big_mul_small(big *b, uint32_t m)
{
    uint64_t carry = 0;
    for (size_t i = 0; i < b->n; i++) {
        uint64_t cur = (uint64_t)b->limb[i] * m + carry;
        b->limb[i] = (uint32_t)(cur % BASE);
        carry = cur / BASE;
    }
    while (carry) {
        big_grow(b, b->n + 1);
        b->limb[b->n++] = (uint32_t)(carry % BASE);
        carry /= BASE;
    }
}

static void big_add(big *r, const big *a, const big *b)
{
    size_t n = a->n > b->n ? a->n : b->n;
    big_grow(r, n + 1);
    uint32_t carry = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t s = carry + (i < a->n ? a->limb[i] : 0) + (i < b->n ? b->limb[i] : 0);
        carry = s >= BASE;
        r->limb[i] = s - (carry ? BASE : 0);
    }
    r->n = n;
    if (carry) r->limb[r->n++] = carry;
}

static void big_mul(big *r, const big *a, const big *b)
{
    size_t n = a->n + b->n;
    uint64_t *tmp = calloc(n + 1, sizeof *tmp);
    for (size_t i = 0; i < a->n; i++) {
        uint64_t carry = 0;
        for (size_t j = 0; j < b->n; j++) {
            uint64_t cur = tmp[i + j] + (uint64_t)a->limb[i] * b->limb[j] + carry;
            tmp[i + j] = cur % BASE;
            carry = cur / BASE;
        }
        size_t k = i + b->n;
        while (carry) { uint64_t cur = tmp[k] + carry; tmp[k] = cur % BASE; carry = cur / BASE; k++; }
    }
    big_grow(r, n);
    for (size_t i = 0; i < n; i++) r->limb[i] = (uint32_t)tmp[i];
    r->n = n;
    while (r->n > 1 && r->limb[r->n - 1] == 0) r->n--;
    free(tmp);
}

static char *big_str(const big *b)
{
    char *s = malloc(b->n * 9 + 1);
    int off = sprintf(s, "%u", b->limb[b->n - 1]);
    for (size_t i = b->n - 1; i-- > 0;) off += sprintf(s + off, "%09u", b->limb[i]);
    return s;
}

static int digit_sum(const big *b)
{
    char *s = big_str(b);
    int sum = 0;
    for (char *p = s; *p; p++) sum += *p - '0';
    free(s);
    return sum;
}

static void big_free(big *b) { free(b->limb); }

static void print_big(const char *label, const big *b)
{
    char *s = big_str(b);
    size_t len = strlen(s);
    if (len > 60) printf("%s = %.25s...%s (%zu digits)\n", label, s, s + len - 25, len);
    else printf("%s = %s\n", label, s);
    free(s);
}

int main(void)
{
    big f;
    big_init(&f, 1);
    for (uint32_t i = 2; i <= 25; i++) big_mul_small(&f, i);
    print_big("25!", &f);
    for (uint32_t i = 26; i <= 100; i++) big_mul_small(&f, i);
    print_big("100!", &f);
    printf("digit sum of 100! = %d\n", digit_sum(&f));
    for (uint32_t i = 101; i <= 1000; i++) big_mul_small(&f, i);
    print_big("1000!", &f);
    printf("digit sum of 1000! = %d\n", digit_sum(&f));
    big_free(&f);

    big p;
    big_init(&p, 1);
    for (int i = 0; i < 256; i++) big_mul_small(&p, 2);
    print_big("2^256", &p);
    big sq;
    big_init(&sq, 0);
    big_mul(&sq, &p, &p);
    print_big("2^512", &sq);
    big_free(&p);
    big_free(&sq);

    big a, b, c;
    big_init(&a, 0);
    big_init(&b, 1);
    big_init(&c, 0);
    for (int i = 0; i < 300; i++) {
        big_add(&c, &a, &b);
        uint32_t *tl = a.limb; size_t tn = a.n, tc = a.cap;
        a = b;
        b = c;
        c.limb = tl; c.n = tn; c.cap = tc;
    }
    print_big("fib(300)", &a);
    big_free(&a); big_free(&b); big_free(&c);

    big x, y, z;
    big_init(&x, 999999999);
    big_init(&y, 999999999);
    big_mul_small(&x, 999999999);
    big_mul_small(&y, 1000);
    big_init(&z, 0);
    big_mul(&z, &x, &y);
    print_big("mixed", &z);
    big_free(&x); big_free(&y); big_free(&z);
    return 0;
}
