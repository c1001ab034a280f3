/* A string -> int hash table with separate chaining, resizing, deletion,
   iteration in a deterministic (sorted) order, and a word-frequency demo. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

typedef struct entry {
    char *key;
    int value;
    struct entry *next;
} entry;

typedef struct {
    entry **buckets;
    size_t nbuckets;
    size_t count;
    size_t resizes;
} table;

static unsigned long hash_str(const char *s)
{
    unsigned long h = 1469598103934665603UL;
    while (*s) { h ^= (unsigned char)*s++; h *= 1099511628211UL; }
    return h;
}

static void table_init(table *t, size_t n)
{
    t->buckets = calloc(n, sizeof *t->buckets);
    t->nbuckets = n;
    t->count = 0;
    t->resizes = 0;
}

static void table_resize(table *t, size_t n)
{
    entry **nb = calloc(n, sizeof *nb);
    for (size_t i = 0; i < t->nbuckets; i++) {
        entry *e = t->buckets[i];
        while (e) {
            entry *next = e->next;
            size_t idx = hash_str(e->key) % n;
            e->next = nb[idx];
            nb[idx] = e;
            e = next;
        }
    }
    free(t->buckets);
    t->buckets = nb;
    t->nbuckets = n;
    t->resizes++;
}

static entry *table_find(const table *t, const char *key)
{
    for (entry *e = t->buckets[hash_str(key) % t->nbuckets]; e; e = e->next)
        if (strcmp(e->key, key) == 0) return e;
    return NULL;
}

static int *table_put(table *t, const char *key, int value)
{
    entry *e = table_find(t, key);
    if (e) { e->value = value; return &e->value; }
    if (t->count + 1 > t->nbuckets * 3 / 4) table_resize(t, t->nbuckets * 2);
    size_t idx = hash_str(key) % t->nbuckets;
    e = malloc(sizeof *e);
    e->key = strdup(key);
    e->value = value;
    e->next = t->buckets[idx];
    t->buckets[idx] = e;
    t->count++;
    return &e->value;
}

static int table_remove(table *t, const char *key)
{
    entry **pp = &t->buckets[hash_str(key) % t->nbuckets];
    while (*pp) {
        if (strcmp((*pp)->key, key) == 0) {
            entry *dead = *pp;
            *pp = dead->next;
            free(dead->key);
            free(dead);
            t->count--;
            return 1;
        }
        pp = &(*pp)->next;
    }
    return 0;
}

static int cmp_entries(const void *a, const void *b)
{
    const entry *x = *(const entry *const *)a, *y = *(const entry *const *)b;
    if (x->value != y->value) return y->value - x->value;
    return strcmp(x->key, y->key);
}

static entry **table_sorted(const table *t)
{
    entry **v = malloc((t->count + 1) * sizeof *v);
    size_t n = 0;
    for (size_t i = 0; i < t->nbuckets; i++)
        for (entry *e = t->buckets[i]; e; e = e->next) v[n++] = e;
    qsort(v, n, sizeof *v, cmp_entries);
    v[n] = NULL;
    return v;
}

static void table_free(table *t)
{
    for (size_t i = 0; i < t->nbuckets; i++) {
        entry *e = t->buckets[i];
        while (e) { entry *n = e->next; free(e->key); free(e); e = n; }
    }
    free(t->buckets);
}

static const char text[] =
    "It was the best of times, it was the worst of times, it was the age of wisdom, "
    "it was the age of foolishness, it was the epoch of belief, it was the epoch of "
    "incredulity, it was the season of Light, it was the season of Darkness, it was "
    "the spring of hope, it was the winter of despair.";

int main(void)
{
    table t;
    table_init(&t, 4);
    char word[32];
    size_t wl = 0;
    for (const char *p = text;; p++) {
        if (isalpha((unsigned char)*p)) {
            if (wl < sizeof word - 1) word[wl++] = (char)tolower((unsigned char)*p);
        } else if (wl) {
            word[wl] = 0;
            entry *e = table_find(&t, word);
            if (e) e->value++;
            else table_put(&t, word, 1);
            wl = 0;
        }
        if (!*p) break;
    }
    printf("distinct words: %zu, buckets: %zu, resizes: %zu\n", t.count, t.nbuckets, t.resizes);
    entry **sorted = table_sorted(&t);
    for (int i = 0; sorted[i] && i < 8; i++) printf("%-10s %d\n", sorted[i]->key, sorted[i]->value);
    free(sorted);
    printf("remove 'was': %d\n", table_remove(&t, "was"));
    printf("remove 'zebra': %d\n", table_remove(&t, "zebra"));
    printf("find 'was': %s\n", table_find(&t, "was") ? "yes" : "no");
    *table_put(&t, "hope", 0) += 41;
    printf("hope = %d\n", table_find(&t, "hope")->value);
    for (int i = 0; i < 100; i++) {
        char k[16];
        snprintf(k, sizeof k, "key%03d", i);
        table_put(&t, k, i * i);
    }
    long total = 0;
    for (int i = 0; i < 100; i += 7) {
        char k[16];
        snprintf(k, sizeof k, "key%03d", i);
        total += table_find(&t, k)->value;
    }
    printf("count %zu, buckets %zu, sample total %ld\n", t.count, t.nbuckets, total);
    table_free(&t);
    return 0;
}
