/*
 * main.c — the gocc driver.
 *
 *   gocc [options] file.gc ... [-o prog]     translate, compile and link
 *   gocc -c file.gc [-o file.o]              translate and compile
 *   gocc -E file.gc [-o out.c]               translate only (for build systems)
 *
 * Each .gc or .c input goes: $CC -E (the user's -I/-D/-U/-include/...) →
 * lex → parse → (lower) → emit → $CC -x cpp-output -c.  .gc files are
 * dialect source; .c files are plain C, parsed and reproduced the same way
 * with the dialect off.  Other inputs (.o, .a, .so, -l...) go to the link.
 * $CC (default: cc) is the back-end compiler; gcc and clang both work.
 */
#include "gocc.h"

#include <errno.h>
#include <libgen.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

bool opt_dump_ast;

typedef struct {
    char **v;
    int n, cap;
} Args;

static void args_add(Args *a, const char *s)
{
    if (a->n + 2 > a->cap) {
        a->cap = a->cap ? a->cap * 2 : 16;
        a->v = xrealloc(a->v, (size_t)a->cap * sizeof(char *));
    }
    a->v[a->n++] = (char *)s;
    a->v[a->n] = NULL;
}

static void args_cat(Args *a, const Args *b)
{
    for (int i = 0; i < b->n; i++)
        args_add(a, b->v[i]);
}

static Args cc_cmd;          /* $CC split into words */
static Args cpp_flags;       /* preprocessing only */
static Args common_flags;    /* every stage: -std= -f* -m* -pthread -O* */
static Args compile_flags;   /* compiling: -W* -w -g* */
static Args link_flags;      /* linking: -l -L -Wl, -static ... */
static Args link_inputs;     /* objects, in command-line order */
/* Goroutines of dialect code run on split stacks (-fsplit-stack, the
 * runtime libgocc.a) that start at 2 KiB, with gcc and with clang (which
 * cannot compile a variadic function for split stacks: lower.c splits
 * those in two).  Fixed stacks (libgocc-fixed.a) with -fno-split-stack
 * and with sanitizers, which need them. */
static int fixed_stacks = 0;
static bool verbose;
static char *tmpdir;
static char *home;           /* the installation: bin/.. */

static void usage(FILE *f)
{
    fputs("usage: gocc [options] file...\n"
          "  -o FILE        write the output to FILE\n"
          "  -c             translate and compile, do not link\n"
          "  -E             translate only: write the generated C (stdout by default)\n"
          "  -S             translate and compile to assembly\n"
          "  -I -D -U -include -isystem -iquote   passed to the preprocessor\n"
          "  -std= -O -g -W -f -m -pthread        passed to the compiler\n"
          "  -fsplit-stack / -fno-split-stack     goroutines on split (the default)\n"
          "                                       or fixed stacks (also with -fsanitize=)\n"
          "  -l -L -Wl, -static -shared           passed to the linker\n"
          "  -v             print the commands gocc runs\n"
          "  --dump-ast     print the syntax tree of each source file and stop\n"
          "  --version      print the version\n"
          "  --help         print this help\n"
          "Inputs: .gc (dialect source), .c (plain C), .o .a .so (linked).\n"
          "Environment: CC chooses the back-end C compiler (default: cc).\n", f);
}

static void cleanup(void)
{
    if (!tmpdir)
        return;
    Args rm = {0};
    args_add(&rm, "rm");
    args_add(&rm, "-rf");
    args_add(&rm, tmpdir);
    pid_t pid = fork();
    if (pid == 0) {
        execvp("rm", rm.v);
        _exit(127);
    }
    if (pid > 0)
        waitpid(pid, NULL, 0);
}

static const char *tmp_path(const char *base, const char *ext)
{
    static int seq;
    if (!tmpdir) {
        const char *t = getenv("TMPDIR");
        tmpdir = fmt("%s/gocc-XXXXXX", t && *t ? t : "/tmp");
        if (!mkdtemp(tmpdir))
            fatal("cannot create a temporary directory: %s", strerror(errno));
        atexit(cleanup);
    }
    const char *slash = strrchr(base, '/');
    return fmt("%s/%d-%s%s", tmpdir, seq++, slash ? slash + 1 : base, ext);
}

/* Runs argv; with capture, collects its standard output.  Returns the exit
 * status (127 when it could not be started). */
static int run(Args *cmd, Buf *capture)
{
    if (verbose) {
        for (int i = 0; i < cmd->n; i++)
            fprintf(stderr, "%s%s", i ? " " : "", cmd->v[i]);
        fputc('\n', stderr);
    }
    int fd[2];
    if (capture && pipe(fd) < 0)
        fatal("pipe: %s", strerror(errno));
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0)
        fatal("fork: %s", strerror(errno));
    if (pid == 0) {
        if (capture) {
            dup2(fd[1], 1);
            close(fd[0]);
            close(fd[1]);
        }
        execvp(cmd->v[0], cmd->v);
        fprintf(stderr, "gocc: error: cannot run '%s': %s\n", cmd->v[0], strerror(errno));
        _exit(127);
    }
    if (capture) {
        close(fd[1]);
        char chunk[65536];
        ssize_t n;
        while ((n = read(fd[0], chunk, sizeof chunk)) > 0 || (n < 0 && errno == EINTR))
            if (n > 0)
                buf_add(capture, chunk, (size_t)n);
        close(fd[0]);
    }
    int st;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR)
            fatal("waitpid: %s", strerror(errno));
    if (WIFEXITED(st))
        return WEXITSTATUS(st);
    return 128 + WTERMSIG(st);
}

static bool has_suffix(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && !strcmp(s + n - m, suf);
}

static bool is_source(const char *path)
{
    return has_suffix(path, ".gc") || has_suffix(path, ".c");
}

/* base name without directory and extension, plus ext */
static char *replace_ext(const char *path, const char *ext)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = dot ? (size_t)(dot - base) : strlen(base);
    return fmt("%.*s%s", (int)n, base, ext);
}

static bool write_file(const char *path, const Buf *b)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "w") : stdout;
    if (!f) {
        fprintf(stderr, "gocc: error: cannot write '%s': %s\n", path, strerror(errno));
        return false;
    }
    bool ok = fwrite(b->p ? b->p : "", 1, b->len, f) == b->len;
    if (f == stdout)
        ok = fflush(f) == 0 && ok;
    else
        ok = fclose(f) == 0 && ok;
    if (!ok)
        fprintf(stderr, "gocc: error: cannot write '%s'\n", path);
    return ok;
}

/* Preprocess, parse and emit one source file into out.  False on error
 * (already reported). */
static bool translate(const char *path, Buf *out)
{
    Args cmd = {0};
    args_cat(&cmd, &cc_cmd);
    args_add(&cmd, "-E");
    args_add(&cmd, "-x");
    args_add(&cmd, "c");
    args_cat(&cmd, &common_flags);
    args_cat(&cmd, &cpp_flags);
    if (has_suffix(path, ".gc")) {
        /* the runtime's declarations, before the user's first line */
        args_add(&cmd, "-DGOCC_DIALECT");
        args_add(&cmd, "-include");
        args_add(&cmd, fmt("%s/include/gocc/gocc.h", home));
    }
    args_add(&cmd, path);
    Buf pp = {0};
    if (run(&cmd, &pp) != 0)
        return false;
    buf_add(&pp, "", 0);

    Unit *u = xalloc(sizeof *u);
    u->path = path;
    u->buf = pp.p;
    u->len = pp.len;
    u->dialect = has_suffix(path, ".gc");
    u->clang = strstr(cc_cmd.v[0], "clang") != NULL;
    if (!lex_unit(u) || !parse_unit(u))
        return false;
    if (opt_dump_ast) {
        ast_dump(stdout, u->ast, 0);
        return true;
    }
    Edits es = {0};
    if (u->dialect) {
        lower_unit(u, &es);
        if (diag_errors)
            return false;
    }
    emit_unit(out, u, &es);
    return true;
}

static bool compile(const char *src, const char *src_i, const char *obj, bool to_asm)
{
    Args cmd = {0};
    args_cat(&cmd, &cc_cmd);
    args_cat(&cmd, &common_flags);
    args_cat(&cmd, &compile_flags);
    if (has_suffix(src, ".gc") && !fixed_stacks)
        args_add(&cmd, "-fsplit-stack");
    args_add(&cmd, "-x");
    args_add(&cmd, "cpp-output");
    args_add(&cmd, to_asm ? "-S" : "-c");
    args_add(&cmd, src_i);
    args_add(&cmd, "-o");
    args_add(&cmd, obj);
    return run(&cmd, NULL) == 0;
}

static bool starts(const char *s, const char *p)
{
    return !strncmp(s, p, strlen(p));
}

/* Options taking a separate argument when not attached: -I dir, -o file. */
static const char *take(int argc, char **argv, int *i, const char *opt)
{
    const char *a = argv[*i];
    if (a[strlen(opt)])
        return a + strlen(opt);
    if (*i + 1 >= argc)
        fatal("missing argument to '%s'", opt);
    return argv[++*i];
}

int main(int argc, char **argv)
{
    const char *out = NULL;
    char mode = 'l';            /* l: link, c: -c, E: -E, S: -S */
    Args sources = {0};

    char self[4096];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0)
        fatal("cannot find gocc's own path");
    self[n] = '\0';
    home = fmt("%s/..", dirname(self));

    const char *cc = getenv("CC");
    char *ccw = xstrdup(cc && *cc ? cc : "cc");
    for (char *w = strtok(ccw, " \t"); w; w = strtok(NULL, " \t"))
        args_add(&cc_cmd, w);

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "--version")) {
            printf("gocc %s\n", GOCC_VERSION);
            return 0;
        } else if (!strcmp(a, "--dump-ast")) {
            opt_dump_ast = true;
        } else if (!strcmp(a, "-v")) {
            verbose = true;
        } else if (starts(a, "-o")) {
            out = take(argc, argv, &i, "-o");
        } else if (!strcmp(a, "-c") || !strcmp(a, "-E") || !strcmp(a, "-S")) {
            mode = a[1];
        } else if (starts(a, "-I") || starts(a, "-D") || starts(a, "-U")) {
            char o[3] = {a[0], a[1], 0};
            const char *v = take(argc, argv, &i, o);
            args_add(&cpp_flags, fmt("%s%s", o, v));
        } else if (!strcmp(a, "-include") || !strcmp(a, "-imacros") ||
                   !strcmp(a, "-isystem") || !strcmp(a, "-iquote") ||
                   !strcmp(a, "-idirafter") || !strcmp(a, "-MF") ||
                   !strcmp(a, "-MT") || !strcmp(a, "-MQ")) {
            if (i + 1 >= argc)
                fatal("missing argument to '%s'", a);
            args_add(&cpp_flags, a);
            args_add(&cpp_flags, argv[++i]);
        } else if (starts(a, "-M") || starts(a, "-Wp,") || !strcmp(a, "-nostdinc") ||
                   starts(a, "-isystem") || starts(a, "-iquote")) {
            args_add(&cpp_flags, a);
        } else if (starts(a, "-l") || starts(a, "-L")) {
            char o[3] = {a[0], a[1], 0};
            const char *v = take(argc, argv, &i, o);
            args_add(&link_inputs, fmt("%s%s", o, v));
        } else if (starts(a, "-Wl,") || !strcmp(a, "-static") || !strcmp(a, "-shared") ||
                   !strcmp(a, "-rdynamic") || !strcmp(a, "-s") || starts(a, "-nostdlib") ||
                   !strcmp(a, "-no-pie") || !strcmp(a, "-pie")) {
            args_add(&link_flags, a);
        } else if (!strcmp(a, "-Xlinker")) {
            if (i + 1 >= argc)
                fatal("missing argument to '%s'", a);
            args_add(&link_flags, a);
            args_add(&link_flags, argv[++i]);
        } else if (starts(a, "-std=") || starts(a, "-f") || starts(a, "-m") ||
                   !strcmp(a, "-pthread") || starts(a, "-O") || !strcmp(a, "-ansi") ||
                   starts(a, "-pedantic") || starts(a, "--sysroot")) {
            args_add(&common_flags, a);
            if (starts(a, "-fsanitize=") || !strcmp(a, "-fno-split-stack"))
                fixed_stacks = 1;
        } else if (starts(a, "-W") || !strcmp(a, "-w") || starts(a, "-g")) {
            args_add(&compile_flags, a);
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "gocc: error: unknown option '%s' (see gocc --help)\n", a);
            return 1;
        } else if (is_source(a)) {
            args_add(&sources, a);
            args_add(&link_inputs, a);      /* replaced by its object below */
        } else {
            args_add(&link_inputs, a);
        }
    }

    if (sources.n == 0 && (mode != 'l' || link_inputs.n == 0)) {
        fprintf(stderr, "gocc: error: no input files (see gocc --help)\n");
        return 1;
    }
    if (out && sources.n > 1 && mode != 'l')
        fatal("-o with -%c and several source files", mode);

    for (int i = 0; i < sources.n; i++) {
        struct stat st;
        if (stat(sources.v[i], &st) < 0)
            fatal("%s: %s", sources.v[i], strerror(errno));
    }

    bool ok = true;
    for (int i = 0; i < sources.n && ok; i++) {
        const char *src = sources.v[i];
        Buf c = {0};
        if (!translate(src, &c)) {
            ok = false;
            break;
        }
        if (opt_dump_ast)
            continue;
        if (mode == 'E') {
            ok = write_file(out ? out : "-", &c);
            continue;
        }
        const char *ifile = tmp_path(src, ".i");
        if (!write_file(ifile, &c)) {
            ok = false;
            break;
        }
        const char *obj;
        if (mode == 'c')
            obj = out ? out : replace_ext(src, ".o");
        else if (mode == 'S')
            obj = out ? out : replace_ext(src, ".s");
        else
            obj = tmp_path(src, ".o");
        ok = compile(src, ifile, obj, mode == 'S');
        for (int j = 0; j < link_inputs.n; j++)
            if (link_inputs.v[j] == src)
                link_inputs.v[j] = (char *)obj;
    }
    if (!ok)
        return 1;
    if (mode != 'l' || opt_dump_ast)
        return 0;

    Args cmd = {0};
    args_cat(&cmd, &cc_cmd);
    args_cat(&cmd, &common_flags);
    args_cat(&cmd, &link_inputs);
    args_cat(&cmd, &link_flags);
    /* The runtime, for units compiled earlier with -c too; a plain C
     * program pulls nothing from it and does not depend on libgc. */
    args_add(&cmd, fmt("%s/lib/%s", home, fixed_stacks ? "libgocc-fixed.a" : "libgocc.a"));
    args_add(&cmd, "-Wl,--push-state,--as-needed");
    args_add(&cmd, "-lgc");
    args_add(&cmd, "-Wl,--pop-state");
    args_add(&cmd, "-pthread");
    args_add(&cmd, "-Wl,-z,now");
    args_add(&cmd, "-o");
    args_add(&cmd, out ? out : "a.out");
    return run(&cmd, NULL) == 0 ? 0 : 1;
}
