#include <stdio.h>
#include <string.h>

struct point { int x, y; };

int manhattan(a, b)
    struct point a, b;
{
    int dx = a.x - b.x, dy = a.y - b.y;
    return (dx < 0 ? -dx : dx) + (dy < 0 ? -dy : dy);
}

char *fill(buf, c, n)
    char *buf;
    register int c;
    unsigned n;
{
    memset(buf, c, n);
    buf[n] = 0;
    return buf;
}

double average(v, n)
    double v[];
    int n;
{
    double s = 0;
    int i;
    for (i = 0; i < n; i++) s += v[i];
    return n ? s / n : 0;
}

int call_twice(f, x)
    int (*f)(int);
    int x;
{
    return f(f(x));
}

static int inc(int v) { return v + 1; }

short narrow(c, s)          /* char and short parameters are promoted in K&R calls */
    char c;
    short s;
{
    return (short)(c + s);
}

int matrix_sum(rows, m)
    int rows;
    int m[][3];
{
    int s = 0, i, j;
    for (i = 0; i < rows; i++)
        for (j = 0; j < 3; j++) s += m[i][j];
    return s;
}

int no_params()
{
    return 99;
}

int main()
{
    struct point p = { 1, 2 }, q = { 4, -2 };
    char buf[8];
    double v[] = { 1.0, 2.0, 4.5 };
    int m[2][3] = { { 1, 2, 3 }, { 4, 5, 6 } };
    printf("%d\n", manhattan(p, q));
    printf("%s\n", fill(buf, 'k', 5));
    printf("%.2f\n", average(v, 3));
    printf("%d\n", call_twice(inc, 40));
    printf("%d\n", narrow('A', 1000));
    printf("%d\n", matrix_sum(2, m));
    printf("%d\n", no_params());
    return 0;
}
