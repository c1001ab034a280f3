/* Singly and doubly linked lists: build, reverse, merge sort, insertion
   sort, dedupe, and a generic intrusive list with container_of. */
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>

typedef struct node {
    int value;
    struct node *next;
} node;

static node *push(node *head, int v)
{
    node *n = malloc(sizeof *n);
    n->value = v;
    n->next = head;
    return n;
}

static void print_list(const char *label, const node *n)
{
    printf("%s:", label);
    for (; n; n = n->next) printf(" %d", n->value);
    printf("\n");
}

static node *reverse(node *n)
{
    node *prev = NULL;
    while (n) { node *next = n->next; n->next = prev; prev = n; n = next; }
    return prev;
}

static node *merge(node *a, node *b)
{
    node dummy = { 0, NULL }, *tail = &dummy;
    while (a && b) {
        if (a->value <= b->value) { tail->next = a; a = a->next; }
        else { tail->next = b; b = b->next; }
        tail = tail->next;
    }
    tail->next = a ? a : b;
    return dummy.next;
}

static node *merge_sort(node *head)
{
    if (!head || !head->next) return head;
    node *slow = head, *fast = head->next;
    while (fast && fast->next) { slow = slow->next; fast = fast->next->next; }
    node *second = slow->next;
    slow->next = NULL;
    return merge(merge_sort(head), merge_sort(second));
}

static node *insertion_sort(node *head)
{
    node *sorted = NULL;
    while (head) {
        node *n = head;
        head = head->next;
        node **pp = &sorted;
        while (*pp && (*pp)->value < n->value) pp = &(*pp)->next;
        n->next = *pp;
        *pp = n;
    }
    return sorted;
}

static int dedupe(node *head)
{
    int removed = 0;
    while (head && head->next) {
        if (head->value == head->next->value) {
            node *dup = head->next;
            head->next = dup->next;
            free(dup);
            removed++;
        } else head = head->next;
    }
    return removed;
}

static int length(const node *n) { int c = 0; while (n) { c++; n = n->next; } return c; }
static void free_list(node *n) { while (n) { node *next = n->next; free(n); n = next; } }

/* intrusive doubly-linked list */
struct list_head { struct list_head *prev, *next; };
#define LIST_INIT(name) { &(name), &(name) }
#define container_of(ptr, type, member) ((type *)((char *)(ptr) - offsetof(type, member)))
#define list_for_each(pos, head) for (pos = (head)->next; pos != (head); pos = pos->next)

struct task { const char *name; int prio; struct list_head link; };

static void list_add_sorted(struct list_head *head, struct task *t)
{
    struct list_head *pos;
    list_for_each(pos, head) {
        if (container_of(pos, struct task, link)->prio > t->prio) break;
    }
    t->link.next = pos;
    t->link.prev = pos->prev;
    pos->prev->next = &t->link;
    pos->prev = &t->link;
}

static void list_del(struct list_head *e)
{
    e->prev->next = e->next;
    e->next->prev = e->prev;
    e->next = e->prev = e;
}

int main(void)
{
    unsigned seed = 12345;
    node *list = NULL;
    for (int i = 0; i < 20; i++) {
        seed = seed * 1103515245u + 12345u;
        list = push(list, (int)((seed >> 16) % 50));
    }
    print_list("original", list);
    list = reverse(list);
    print_list("reversed", list);
    list = merge_sort(list);
    print_list("merge sorted", list);
    int removed = dedupe(list);
    printf("removed %d duplicates, length %d\n", removed, length(list));
    print_list("deduped", list);
    list = reverse(list);
    list = insertion_sort(list);
    print_list("insertion sorted", list);
    free_list(list);

    struct list_head head = LIST_INIT(head);
    struct task tasks[] = { { "write", 3, { 0 } }, { "read", 1, { 0 } }, { "compile", 5, { 0 } },
                            { "test", 4, { 0 } }, { "plan", 2, { 0 } } };
    for (size_t i = 0; i < sizeof tasks / sizeof *tasks; i++) list_add_sorted(&head, &tasks[i]);
    struct list_head *pos;
    list_for_each(pos, &head) {
        struct task *t = container_of(pos, struct task, link);
        printf("%d:%s ", t->prio, t->name);
    }
    printf("\n");
    list_del(&tasks[3].link);
    for (pos = head.prev; pos != &head; pos = pos->prev)
        printf("%s ", container_of(pos, struct task, link)->name);
    printf("\n");
    return 0;
}
