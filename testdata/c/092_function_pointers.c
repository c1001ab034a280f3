#include <stdio.h>

typedef int (*op_fn)(int, int);
typedef void (*callback)(int value, void *ctx);

static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }
static int divi(int a, int b) { return b ? a / b : 0; }

struct op { char sym; op_fn fn; };
static const struct op table[] = { { '+', add }, { '-', sub }, { '*', mul }, { '/', divi } };

static int eval(char sym, int a, int b)
{
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (table[i].sym == sym) return table[i].fn(a, b);
    return -1;
}

static void each(const int *v, int n, callback cb, void *ctx)
{
    for (int i = 0; i < n; i++) cb(v[i], ctx);
}

static void accumulate(int value, void *ctx) { *(int *)ctx += value; }
static void print_it(int value, void *ctx) { printf("%s%d", (const char *)ctx, value); }

static int fold(const int *v, int n, int init, int (*f)(int, int))
{
    for (int i = 0; i < n; i++) init = f(init, v[i]);
    return init;
}

static op_fn choose(int k) { return k ? mul : add; }

struct vtable { const char *(*name)(void); int (*area)(int); };
static const char *sq_name(void) { return "square"; }
static int sq_area(int s) { return s * s; }
static const char *tri_name(void) { return "triangle"; }
static int tri_area(int s) { return s * s / 2; }

int main(void)
{
    printf("%d %d %d %d\n", eval('+', 7, 3), eval('-', 7, 3), eval('*', 7, 3), eval('/', 7, 3));
    int v[] = { 1, 2, 3, 4, 5 };
    int total = 0;
    each(v, 5, accumulate, &total);
    printf("%d\n", total);
    each(v, 5, print_it, " ");
    printf("\n");
    printf("%d %d\n", fold(v, 5, 0, add), fold(v, 5, 1, mul));
    printf("%d %d\n", choose(0)(6, 7), choose(1)(6, 7));
    op_fn f = &add;
    printf("%d %d %d\n", f(1, 2), (*f)(3, 4), (**f)(5, 6));
    struct vtable shapes[2] = { { sq_name, sq_area }, { tri_name, tri_area } };
    for (int i = 0; i < 2; i++) printf("%s %d\n", shapes[i].name(), shapes[i].area(6));
    printf("%d\n", f == add);
    int (*arr[2])(int, int) = { sub, divi };
    printf("%d\n", arr[1](arr[0](20, 2), 3));
    return 0;
}
