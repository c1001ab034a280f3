/* A growable string builder with printf-style appends, insertion,
   replacement, splitting, joining, and reversal, used to render a
   small report table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <ctype.h>

typedef struct {
    char *data;
    size_t len, cap;
    int grows;
} sb_t;

static void sb_reserve(sb_t *sb, size_t extra)
{
    if (sb->len + extra + 1 <= sb->cap) return;
    size_t cap = sb->cap ? sb->cap : 16;
    while (cap < sb->len + extra + 1) cap *= 2;
    sb->data = realloc(sb->data, cap);
    sb->cap = cap;
    sb->grows++;
}

static sb_t *sb_append_n(sb_t *sb, const char *s, size_t n)
{
    sb_reserve(sb, n);
    memcpy(sb->data + sb->len, s, n);
    sb->len += n;
    sb->data[sb->len] = 0;
    return sb;
}

static sb_t *sb_append(sb_t *sb, const char *s) { return sb_append_n(sb, s, strlen(s)); }
static sb_t *sb_putc(sb_t *sb, char c) { return sb_append_n(sb, &c, 1); }

__attribute__((format(printf, 2, 3)))
static sb_t *sb_printf(sb_t *sb, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    sb_reserve(sb, (size_t)n);
    vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    sb->len += (size_t)n;
    return sb;
}

static void sb_insert(sb_t *sb, size_t pos, const char *s)
{
    size_t n = strlen(s);
    sb_reserve(sb, n);
    memmove(sb->data + pos + n, sb->data + pos, sb->len - pos + 1);
    memcpy(sb->data + pos, s, n);
    sb->len += n;
}

static int sb_replace_all(sb_t *sb, const char *from, const char *to)
{
    sb_t out = { 0 };
    size_t fl = strlen(from);
    int count = 0;
    const char *p = sb->data, *hit;
    while ((hit = strstr(p, from))) {
        sb_append_n(&out, p, (size_t)(hit - p));
        sb_append(&out, to);
        p = hit + fl;
        count++;
    }
    sb_append(&out, p);
    free(sb->data);
    out.grows += sb->grows;
    *sb = out;
    return count;
}

static void sb_reverse(sb_t *sb)
{
    for (size_t i = 0, j = sb->len ? sb->len - 1 : 0; i < j; i++, j--) {
        char t = sb->data[i]; sb->data[i] = sb->data[j]; sb->data[j] = t;
    }
}

static char **split(const char *s, char sep, int *count)
{
    int n = 1;
    for (const char *p = s; *p; p++) n += *p == sep;
    char **parts = malloc(sizeof *parts * (size_t)n);
    int i = 0;
    const char *start = s;
    for (const char *p = s;; p++) {
        if (*p == sep || !*p) {
            parts[i] = malloc((size_t)(p - start) + 1);
            memcpy(parts[i], start, (size_t)(p - start));
            parts[i][p - start] = 0;
            i++;
            start = p + 1;
            if (!*p) break;
        }
    }
    *count = n;
    return parts;
}

static void sb_join(sb_t *sb, char **parts, int n, const char *sep)
{
    for (int i = 0; i < n; i++) {
        if (i) sb_append(sb, sep);
        sb_append(sb, parts[i]);
    }
}

static void sb_free(sb_t *sb) { free(sb->data); sb->data = NULL; sb->len = sb->cap = 0; }

int main(void)
{
    sb_t sb = { 0 };
    sb_append(&sb, "Hello");
    sb_putc(&sb, ',');
    sb_append(&sb, " world");
    sb_printf(&sb, "! %d + %d = %d", 2, 3, 2 + 3);
    printf("[%s] len=%zu\n", sb.data, sb.len);
    sb_insert(&sb, 5, " there");
    printf("[%s]\n", sb.data);
    int r = sb_replace_all(&sb, "o", "0");
    printf("[%s] replaced %d\n", sb.data, r);
    sb_reverse(&sb);
    printf("[%s]\n", sb.data);
    sb_free(&sb);

    const char *csv = "name,qty,price;apple,3,0.5;banana,12,0.25;cherry,100,0.1;durian,1,7.75";
    int nrows;
    char **rows = split(csv, ';', &nrows);
    sb_t table = { 0 };
    double total = 0;
    for (int i = 0; i < nrows; i++) {
        int ncols;
        char **cols = split(rows[i], ',', &ncols);
        if (i == 0) {
            for (char *c = cols[0]; *c; c++) *c = (char)toupper((unsigned char)*c);
            sb_printf(&table, "%-8s|%5s|%7s|%8s\n", cols[0], cols[1], cols[2], "SUBTOTAL");
            sb_append(&table, "--------+-----+-------+--------\n");
        } else {
            int qty = atoi(cols[1]);
            double price = atof(cols[2]);
            total += qty * price;
            sb_printf(&table, "%-8s|%5d|%7.2f|%8.2f\n", cols[0], qty, price, qty * price);
        }
        for (int c = 0; c < ncols; c++) free(cols[c]);
        free(cols);
    }
    sb_printf(&table, "%-8s|%5s|%7s|%8.2f\n", "total", "", "", total);
    fputs(table.data, stdout);
    printf("table bytes=%zu grows=%d\n", table.len, table.grows);
    sb_t joined = { 0 };
    sb_join(&joined, rows, nrows, " / ");
    printf("%.40s...\n", joined.data);
    for (int i = 0; i < nrows; i++) free(rows[i]);
    free(rows);
    sb_free(&table);
    sb_free(&joined);
    sb_t big = { 0 };
    for (int i = 0; i < 1000; i++) sb_printf(&big, "%d,", i);
    printf("big len=%zu cap=%zu grows=%d tail=%s\n", big.len, big.cap, big.grows, big.data + big.len - 8);
    sb_free(&big);
    return 0;
}
