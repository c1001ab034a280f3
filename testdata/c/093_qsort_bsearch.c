#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct person { const char *name; int age; };

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int cmp_person(const void *a, const void *b)
{
    const struct person *p = a, *q = b;
    if (p->age != q->age) return p->age - q->age;
    return strcmp(p->name, q->name);
}

int main(void)
{
    int v[] = { 42, 7, 19, -3, 88, 0, 19, 5 };
    size_t n = sizeof v / sizeof v[0];
    qsort(v, n, sizeof v[0], cmp_int);
    for (size_t i = 0; i < n; i++) printf("%d ", v[i]);
    printf("\n");
    int key = 42;
    int *found = bsearch(&key, v, n, sizeof v[0], cmp_int);
    printf("%s %td\n", found ? "found" : "missing", found ? found - v : -1);
    key = 43;
    printf("%s\n", bsearch(&key, v, n, sizeof v[0], cmp_int) ? "found" : "missing");
    const char *words[] = { "pear", "apple", "fig", "banana", "cherry" };
    qsort(words, 5, sizeof words[0], cmp_str);
    for (int i = 0; i < 5; i++) printf("%s ", words[i]);
    printf("\n");
    const char *k = "fig";
    const char **w = bsearch(&k, words, 5, sizeof words[0], cmp_str);
    printf("%td\n", w - words);
    struct person people[] = { { "dan", 30 }, { "amy", 25 }, { "bob", 30 }, { "cat", 20 } };
    qsort(people, 4, sizeof people[0], cmp_person);
    for (int i = 0; i < 4; i++) printf("%s:%d ", people[i].name, people[i].age);
    printf("\n");
    return 0;
}
