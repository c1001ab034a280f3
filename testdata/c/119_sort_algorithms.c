/* Several sorting algorithms over the same pseudo-random data, each
   verified against qsort, with comparison counts printed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long comparisons;

static int less(int a, int b) { comparisons++; return a < b; }
static void swap(int *a, int *b) { int t = *a; *a = *b; *b = t; }

static void bubble_sort(int *v, int n)
{
    for (int i = 0; i < n - 1; i++) {
        int swapped = 0;
        for (int j = 0; j < n - 1 - i; j++)
            if (less(v[j + 1], v[j])) { swap(&v[j], &v[j + 1]); swapped = 1; }
        if (!swapped) break;
    }
}

static void insertion_sort(int *v, int n)
{
    for (int i = 1; i < n; i++) {
        int x = v[i], j = i - 1;
        while (j >= 0 && less(x, v[j])) { v[j + 1] = v[j]; j--; }
        v[j + 1] = x;
    }
}

static void selection_sort(int *v, int n)
{
    for (int i = 0; i < n - 1; i++) {
        int m = i;
        for (int j = i + 1; j < n; j++) if (less(v[j], v[m])) m = j;
        swap(&v[i], &v[m]);
    }
}

static void shell_sort(int *v, int n)
{
    for (int gap = n / 2; gap > 0; gap /= 2)
        for (int i = gap; i < n; i++) {
            int x = v[i], j = i;
            while (j >= gap && less(x, v[j - gap])) { v[j] = v[j - gap]; j -= gap; }
            v[j] = x;
        }
}

static void quick_sort(int *v, int lo, int hi)
{
    if (lo >= hi) return;
    int pivot = v[lo + (hi - lo) / 2], i = lo, j = hi;
    while (i <= j) {
        while (less(v[i], pivot)) i++;
        while (less(pivot, v[j])) j--;
        if (i <= j) { swap(&v[i], &v[j]); i++; j--; }
    }
    quick_sort(v, lo, j);
    quick_sort(v, i, hi);
}

static void merge_sort(int *v, int *tmp, int n)
{
    if (n < 2) return;
    int mid = n / 2;
    merge_sort(v, tmp, mid);
    merge_sort(v + mid, tmp, n - mid);
    int i = 0, j = mid, k = 0;
    while (i < mid && j < n) tmp[k++] = less(v[j], v[i]) ? v[j++] : v[i++];
    while (i < mid) tmp[k++] = v[i++];
    while (j < n) tmp[k++] = v[j++];
    memcpy(v, tmp, sizeof *v * (size_t)n);
}

static void sift_down(int *v, int start, int end)
{
    int root = start;
    while (2 * root + 1 <= end) {
        int child = 2 * root + 1, sw = root;
        if (less(v[sw], v[child])) sw = child;
        if (child + 1 <= end && less(v[sw], v[child + 1])) sw = child + 1;
        if (sw == root) return;
        swap(&v[root], &v[sw]);
        root = sw;
    }
}

static void heap_sort(int *v, int n)
{
    for (int start = (n - 2) / 2; start >= 0; start--) sift_down(v, start, n - 1);
    for (int end = n - 1; end > 0; end--) { swap(&v[0], &v[end]); sift_down(v, 0, end - 1); }
}

static void counting_sort(int *v, int n, int maxv)
{
    int *count = calloc((size_t)maxv + 1, sizeof *count);
    for (int i = 0; i < n; i++) count[v[i]]++;
    int k = 0;
    for (int x = 0; x <= maxv; x++) while (count[x]--) v[k++] = x;
    free(count);
}

static int cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

#define N 300

int main(void)
{
    int data[N], ref[N], work[N], tmp[N];
    unsigned s = 2024;
    for (int i = 0; i < N; i++) { s = s * 1664525u + 1013904223u; data[i] = (int)(s >> 20) % 1000; }
    memcpy(ref, data, sizeof data);
    qsort(ref, N, sizeof *ref, cmp);
    struct { const char *name; int kind; } algos[] = {
        { "bubble", 0 }, { "insertion", 1 }, { "selection", 2 }, { "shell", 3 },
        { "quick", 4 }, { "merge", 5 }, { "heap", 6 }, { "counting", 7 },
    };
    for (size_t a = 0; a < sizeof algos / sizeof *algos; a++) {
        memcpy(work, data, sizeof data);
        comparisons = 0;
        switch (algos[a].kind) {
        case 0: bubble_sort(work, N); break;
        case 1: insertion_sort(work, N); break;
        case 2: selection_sort(work, N); break;
        case 3: shell_sort(work, N); break;
        case 4: quick_sort(work, 0, N - 1); break;
        case 5: merge_sort(work, tmp, N); break;
        case 6: heap_sort(work, N); break;
        case 7: counting_sort(work, N, 999); break;
        }
        printf("%-10s %s comparisons=%ld\n", algos[a].name, memcmp(work, ref, sizeof ref) ? "WRONG" : "ok", comparisons);
    }
    printf("min %d max %d median %d\n", ref[0], ref[N - 1], ref[N / 2]);
    return 0;
}
