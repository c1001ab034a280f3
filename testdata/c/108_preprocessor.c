#include <stdio.h>

#define VERSION_MAJOR 2
#define VERSION_MINOR 7
#define VERSION_NUM (VERSION_MAJOR * 100 + VERSION_MINOR)

#if VERSION_NUM >= 207 && defined(VERSION_MAJOR)
#  define FEATURE "new"
#elif VERSION_NUM >= 100
#  define FEATURE "old"
#else
#  error "too old"
#endif

#ifdef UNDEFINED_THING
#  define MODE 1
#  if garbage (( in skipped group
#  endif
#else
#  define MODE 2
#endif

#ifndef MODE
#error MODE must be set
#endif

#if !defined UNDEFINED_THING && (1 ? 2 : 3) == 2 && (0x10 | 1) == 17 && -1 < 0 && 'A' == 65
#define EXPR_OK 1
#endif

#define SQUARE(x) ((x) * (x))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define STRINGIFY(x) #x
#define TOSTRING(x) STRINGIFY(x)
#define CONCAT(a, b) a##b
#define EMPTY
#define OBJ_LIKE (1 + 2)
#define FN_LIKE() 42
static int SELF = 10;
#define SELF (SELF + 1)          /* self-reference is not re-expanded */
#define INDIRECT(m) m(3)
#define REPEAT3(x) x x x

/* X-macro table */
#define COLORS(X) X(red, 0xff0000) X(green, 0x00ff00) X(blue, 0x0000ff)
#define AS_ENUM(name, val) COLOR_##name,
#define AS_NAME(name, val) #name,
#define AS_VALUE(name, val) val,
enum color { COLORS(AS_ENUM) COLOR_COUNT };
static const char *color_names[] = { COLORS(AS_NAME) };
static const int color_values[] = { COLORS(AS_VALUE) };

#undef SQUARE
#define SQUARE(x) ((x) * (x) + 0)

int main(void)
{
    printf("%d %s %d %d\n", VERSION_NUM, FEATURE, MODE, EXPR_OK);
    printf("%d %d\n", SQUARE(1 + 2), MAX(3, 9));
    printf("%s %s\n", STRINGIFY(VERSION_NUM), TOSTRING(VERSION_NUM));
    int CONCAT(var, 42) = 5;
    printf("%d\n", var42);
    printf("%d %d\n", OBJ_LIKE EMPTY * 2, FN_LIKE());
    printf("%d\n", SELF);
    printf("%d\n", INDIRECT(SQUARE));
    printf("%s\n", REPEAT3("ab"));
    for (int i = 0; i < COLOR_COUNT; i++) printf("%s=%06x ", color_names[i], color_values[i]);
    printf("\n");
    printf("%d %d\n", __STDC__, __STDC_VERSION__ >= 201112L);
    printf("%d\n", __LINE__);
#line 500
    printf("%d\n", __LINE__);
    printf("%d %d %d\n", __COUNTER__, __COUNTER__, __COUNTER__);
    printf("%s\n", __func__);
    printf("%d\n", (int)sizeof(__DATE__) == 12 && (int)sizeof(__TIME__) == 9);
#if defined(__GNUC__) && __GNUC__ >= 4
    printf("gnuc\n");
#endif
#ifdef __x86_64__
    printf("x86_64\n");
#endif
    return 0;
}
