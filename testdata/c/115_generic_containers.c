#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* type-generic dynamic array built from typeof, statement expressions and _Generic */
#define vec(T) struct { T *data; size_t len, cap; }
#define vec_push(v, x) ({                                                   \
    __typeof__(&(v)) _vp = &(v);                                            \
    if (_vp->len == _vp->cap) {                                             \
        _vp->cap = _vp->cap ? _vp->cap * 2 : 4;                             \
        _vp->data = realloc(_vp->data, _vp->cap * sizeof *_vp->data);       \
    }                                                                       \
    _vp->data[_vp->len++] = (x);                                            \
    _vp->len;                                                               \
})
#define vec_free(v) (free((v).data), (v).data = NULL, (v).len = (v).cap = 0)
#define vec_sum(v) ({ __typeof__(*(v).data) _s = 0; for (size_t _i = 0; _i < (v).len; _i++) _s += (v).data[_i]; _s; })

#define print_val(x) _Generic((x), int: print_int, double: print_double, const char *: print_str, char *: print_str)(x)
static void print_int(int v) { printf("i:%d ", v); }
static void print_double(double v) { printf("d:%.2f ", v); }
static void print_str(const char *v) { printf("s:%s ", v); }

#define vec_print(v) do { for (size_t _i = 0; _i < (v).len; _i++) print_val((v).data[_i]); printf("\n"); } while (0)

#define min(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a < _b ? _a : _b; })

int main(void)
{
    vec(int) vi = { 0 };
    for (int i = 1; i <= 10; i++) vec_push(vi, i * i);
    printf("len %zu cap %zu sum %d\n", vi.len, vi.cap, vec_sum(vi));
    vec_print(vi);
    vec(double) vd = { 0 };
    vec_push(vd, 1.5);
    vec_push(vd, 2.25);
    printf("%.2f\n", vec_sum(vd));
    vec_print(vd);
    vec(const char *) vs = { 0 };
    const char *words[] = { "one", "two", "three" };
    for (int i = 0; i < 3; i++) vec_push(vs, words[i]);
    vec_print(vs);
    printf("%d %.1f\n", min(3, 7), min(2.5, -1.0));
    size_t total_len = 0;
    for (size_t i = 0; i < vs.len; i++) total_len += strlen(vs.data[i]);
    printf("%zu\n", total_len);
    vec_free(vi);
    vec_free(vd);
    vec_free(vs);
    printf("%zu %d\n", vi.len, vi.data == NULL);
    return 0;
}
