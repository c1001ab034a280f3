/* Matrix operations on integer and double matrices: naive and blocked
   multiply, transpose, identity checks, determinant by Gaussian
   elimination (with exact rational-free integer Bareiss algorithm), and
   matrix power for Fibonacci numbers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N 6

typedef long long mat[N][N];

static void mat_mul(const mat a, const mat b, mat out)
{
    mat tmp;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            long long s = 0;
            for (int k = 0; k < N; k++) s += a[i][k] * b[k][j];
            tmp[i][j] = s;
        }
    memcpy(out, tmp, sizeof tmp);
}

static void mat_mul_blocked(int n, const double *a, const double *b, double *c, int bs)
{
    memset(c, 0, (size_t)n * n * sizeof *c);
    for (int ii = 0; ii < n; ii += bs)
        for (int kk = 0; kk < n; kk += bs)
            for (int jj = 0; jj < n; jj += bs)
                for (int i = ii; i < ii + bs && i < n; i++)
                    for (int k = kk; k < kk + bs && k < n; k++) {
                        double aik = a[i * n + k];
                        for (int j = jj; j < jj + bs && j < n; j++) c[i * n + j] += aik * b[k * n + j];
                    }
}

static void mat_mul_naive(int n, const double *a, const double *b, double *c)
{
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int k = 0; k < n; k++) s += a[i * n + k] * b[k * n + j];
            c[i * n + j] = s;
        }
}

static void transpose(mat m)
{
    for (int i = 0; i < N; i++)
        for (int j = i + 1; j < N; j++) { long long t = m[i][j]; m[i][j] = m[j][i]; m[j][i] = t; }
}

static long long det_bareiss(const mat in)
{
    mat m;
    memcpy(m, in, sizeof m);
    long long prev = 1;
    int sign = 1;
    for (int k = 0; k < N - 1; k++) {
        if (m[k][k] == 0) {
            int swap = -1;
            for (int r = k + 1; r < N; r++) if (m[r][k]) { swap = r; break; }
            if (swap < 0) return 0;
            for (int c = 0; c < N; c++) { long long t = m[k][c]; m[k][c] = m[swap][c]; m[swap][c] = t; }
            sign = -sign;
        }
        for (int i = k + 1; i < N; i++)
            for (int j = k + 1; j < N; j++) m[i][j] = (m[i][j] * m[k][k] - m[i][k] * m[k][j]) / prev;
        prev = m[k][k];
    }
    return sign * m[N - 1][N - 1];
}

static void print_mat(const char *label, const mat m)
{
    printf("%s:\n", label);
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) printf("%6lld", m[i][j]);
        printf("\n");
    }
}

static void fib_matrix(int n, long long out[2][2])
{
    long long r[2][2] = { { 1, 0 }, { 0, 1 } }, b[2][2] = { { 1, 1 }, { 1, 0 } };
    while (n) {
        long long t[2][2];
        if (n & 1) {
            for (int i = 0; i < 2; i++)
                for (int j = 0; j < 2; j++) t[i][j] = r[i][0] * b[0][j] + r[i][1] * b[1][j];
            memcpy(r, t, sizeof t);
        }
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++) t[i][j] = b[i][0] * b[0][j] + b[i][1] * b[1][j];
        memcpy(b, t, sizeof t);
        n >>= 1;
    }
    memcpy(out, r, sizeof r);
}

int main(void)
{
    mat a, b, c, id;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            a[i][j] = (i * 3 + j * 5) % 7 - 3;
            b[i][j] = (i + 1) * (j + 2) % 5;
            id[i][j] = i == j;
        }
    print_mat("A", a);
    mat_mul(a, b, c);
    print_mat("A*B", c);
    mat ai;
    mat_mul(a, id, ai);
    printf("A*I == A: %s\n", memcmp(a, ai, sizeof a) == 0 ? "yes" : "no");
    transpose(c);
    mat bt, at, btat;
    memcpy(bt, b, sizeof b); transpose(bt);
    memcpy(at, a, sizeof a); transpose(at);
    mat_mul(bt, at, btat);
    printf("(AB)^T == B^T A^T: %s\n", memcmp(c, btat, sizeof c) == 0 ? "yes" : "no");
    printf("det(A) = %lld, det(B) = %lld, det(I) = %lld\n", det_bareiss(a), det_bareiss(b), det_bareiss(id));
    mat hilbertish;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) hilbertish[i][j] = (i == j) ? 4 : (i - j == 1 || j - i == 1) ? -1 : 0;
    printf("det(tridiag) = %lld\n", det_bareiss(hilbertish));
    int n = 37;
    double *x = malloc(sizeof(double) * n * n), *y = malloc(sizeof(double) * n * n);
    double *z1 = malloc(sizeof(double) * n * n), *z2 = malloc(sizeof(double) * n * n);
    for (int i = 0; i < n * n; i++) { x[i] = (i % 11) * 0.5; y[i] = (i % 7) - 3.0; }
    mat_mul_naive(n, x, y, z1);
    mat_mul_blocked(n, x, y, z2, 8);
    double maxdiff = 0, trace = 0;
    for (int i = 0; i < n * n; i++) { double d = z1[i] - z2[i]; if (d < 0) d = -d; if (d > maxdiff) maxdiff = d; }
    for (int i = 0; i < n; i++) trace += z1[i * n + i];
    printf("blocked vs naive max diff %.1f, trace %.2f\n", maxdiff, trace);
    free(x); free(y); free(z1); free(z2);
    long long f[2][2];
    for (int k = 10; k <= 90; k += 40) { fib_matrix(k, f); printf("fib(%d) = %lld\n", k, f[0][1]); }
    return 0;
}
