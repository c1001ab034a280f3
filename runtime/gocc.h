/*
 * gocc.h — the public C API of libgocc, the gocc runtime.
 *
 * Two kinds of names live here:
 *   - gocc_*   the low-level entry points that translated dialect code (and
 *              C programs using the runtime directly) call: channels, select,
 *              spawning, the system-stack helper, errno;
 *   - the library names of the dialect contract (../shared/spec/dialect.md
 *     §8 and §10): wg_add, mutex_lock, time_sleep, context_*, panic, ...
 *
 * This header includes no system header on purpose: gocc includes it
 * automatically at the top of every dialect translation unit, and a system
 * header here would freeze the feature-test macros (_GNU_SOURCE, ...) before
 * the user's own #define could take effect.  It therefore spells its types
 * with the compiler's predefined macros.
 *
 * Programs that use the C API directly start the runtime with gocc_start()
 * from main(), link with -lgocc -lgc -pthread -Wl,-z,now, and compile the
 * code that runs in goroutines with -fsplit-stack (or build against the
 * fixed-stack variant, libgocc-fixed.a, without it).
 */
#ifndef GOCC_H
#define GOCC_H

#ifndef __bool_true_false_are_defined
#define bool _Bool
#define true 1
#define false 0
#define __bool_true_false_are_defined 1
#endif

#ifdef __cplusplus
extern "C" {
#endif

#ifdef GOCC_DIALECT
/* Translated dialect code: a `chan T` (any direction) is written as
 * __typeof__(__typeof__(T) (*)(struct gocc_chan_t *)); see compiler/lower.c. */
struct gocc_chan_t;
#endif

typedef __SIZE_TYPE__  gocc_size_t;
typedef __INT64_TYPE__ gocc_int64_t;

/* ---- Starting the runtime --------------------------------------------- */

/* Initialise the runtime (GOMAXPROCS Ps, GC, signal stacks), run
 * main_fn(argc, argv, envp) as the main goroutine and return its result
 * once it returns.  Other goroutines are abandoned at that point (Go's
 * semantics: the program ends when main returns); callers normally pass the
 * result to exit().  Call at most once per process, from the initial thread. */
int gocc_start(int (*main_fn)(int, char **, char **), int argc, char **argv,
               char **envp);

/* ---- Goroutines ------------------------------------------------------- */

/* Run fn(arg) in a new goroutine.  arg is owned by the new goroutine; put it
 * on the GC heap (gocc_alloc) if it must outlive the caller's frame.
 * file/line name the creation site for the deadlock and SIGQUIT reports
 * (NULL/0 when unknown). */
void gocc_go(void (*fn)(void *), void *arg, const char *file, int line);

/* Run fn(arg) on the current OS thread's system stack (a large, fixed,
 * non-split stack).  Every call from split-stack code into code that is not
 * compiled with -fsplit-stack (libc, libgc, any C library) must go through
 * this, or it may overflow the goroutine's small stack segment.  It may be
 * called from the system stack itself (it then just calls fn).  fn must not
 * block on a channel or other goroutine primitive. */
void gocc_systemstack(void (*fn)(void *), void *arg);

/* The current goroutine's errno.  Goroutines migrate between threads, and
 * glibc's __errno_location() is declared const, so code that may block must
 * read errno through this non-const accessor. */
int *gocc_errno(void);

/* GC-heap allocation (Boehm), callable from goroutine stacks: zeroed,
 * scanned for pointers, collected when unreachable. */
void *gocc_alloc(gocc_size_t size);
void *gocc_alloc_atomic(gocc_size_t size);   /* not scanned (no pointers) */

/* Small GC objects that belong together, carved one after another from
 * shared chunks: what gocc allocates for a function's captured variables
 * and go-block environments, so that they share cache lines as locals do
 * (and cost one allocation per chunk).  A chunk lives while any object
 * carved from it is reachable.  Zero-initialise the arena. */
typedef struct gocc_arena { char *next, *end; } gocc_arena;
void *gocc_arena_alloc(gocc_arena *a, gocc_size_t size);
static inline void *gocc_box(gocc_arena *a, gocc_size_t size, gocc_size_t align)
{
    char *p = (char *)(((unsigned long)a->next + align - 1) & ~(unsigned long)(align - 1));
    if (a->next && p + size <= a->end) {
        a->next = p + size;
        return p;
    }
    return gocc_arena_alloc(a, size);
}

/* The C allocator of dialect code, on the collector (runtime/malloc.c).
 * gocc_free and gocc_realloc also take blocks from libc's malloc. */
void *gocc_malloc(gocc_size_t n);
void *gocc_calloc(gocc_size_t n, gocc_size_t size);
void *gocc_realloc(void *p, gocc_size_t n);
void  gocc_free(void *p);
char *gocc_strdup(const char *s);
#ifdef GOCC_DIALECT
/* In dialect code a struct from malloc may hold the only reference to a
 * channel or to a captured variable: dialect.md §9. */
#define malloc(n)     gocc_malloc(n)
#define calloc(n, m)  gocc_calloc(n, m)
#define realloc(p, n) gocc_realloc(p, n)
#define free(p)       gocc_free(p)
#define strdup(s)     gocc_strdup(s)
#endif

/* ---- defer ------------------------------------------------------------ */

/* A function with deferred calls keeps them in a list, newest first;
 * translated code pushes a record per defer statement and runs the list at
 * every return (last in, first out). */
typedef struct gocc_defer {
    struct gocc_defer *next;
    void (*fn)(void *);
    void *arg;
} gocc_defer;

static inline void gocc_defer_push(gocc_defer **list, void (*fn)(void *), void *arg)
{
    gocc_defer *d = (gocc_defer *)gocc_alloc(sizeof *d);
    d->fn = fn;
    d->arg = arg;
    d->next = *list;
    *list = d;
}

static inline void gocc_defer_run(gocc_defer **list)
{
    while (*list) {
        gocc_defer *d = *list;
        *list = d->next;
        d->fn(d->arg);
    }
}

/* A function with deferred calls owns a frame on its stack.  The frame
 * joins the goroutine's chain on entry, with a __builtin_setjmp landing
 * that a recovered panic jumps to; gocc_frame_exit runs the calls left and
 * leaves the chain (every return, and the landing).  A panic or goexit()
 * runs the calls of every frame in the chain (runtime/defer.c). */
typedef struct gocc_frame {
    struct gocc_frame *up;
    gocc_defer *defers;
    void *jb[5];
    void *ss[10];               /* split-stack context at entry */
} gocc_frame;

void gocc_frame_enter(gocc_frame *f);
void gocc_frame_exit(gocc_frame *f);
/* First call at the landing: the jump may have left a deeper stack
 * segment, whose bounds the split-stack checks would still use. */
void gocc_frame_land(gocc_frame *f);

/* ---- Channels --------------------------------------------------------- */

typedef struct gocc_chan gocc_chan;          /* a nil channel is NULL */

/* cap < 0 panics "makechan: size out of range". */
gocc_chan *gocc_makechan(gocc_size_t elemsize, gocc_size_t elemalign, long cap);
void gocc_chansend(gocc_chan *c, const void *elem);
void gocc_chanrecv(gocc_chan *c, void *elem);   /* elem may be NULL */
bool gocc_chanrecv2(gocc_chan *c, void *elem);  /* false: closed and drained */
void gocc_chanclose(gocc_chan *c);
int  gocc_chanlen(gocc_chan *c);
int  gocc_chancap(gocc_chan *c);

/* ---- select ----------------------------------------------------------- */

enum { GOCC_SELECT_RECV = 1, GOCC_SELECT_SEND = 2 };

typedef struct gocc_selcase {
    gocc_chan *c;      /* NULL: this case never proceeds */
    void *elem;        /* send: value to send; recv: where to store (may be NULL) */
    int dir;           /* GOCC_SELECT_RECV or GOCC_SELECT_SEND */
    bool recv_ok;      /* out, recv cases: false when the channel was closed */
} gocc_selcase;

/* Choose one ready case uniformly at random and perform it; block until one
 * is ready unless has_default, in which case return -1 when none is.
 * Returns the chosen case's index.  n == 0 and !has_default blocks forever. */
int gocc_select(gocc_selcase *cases, int n, bool has_default);

/* ---- runtime ---------------------------------------------------------- */

int  gomaxprocs(int n);   /* returns the previous value; n < 1 only queries */
int  numcpu(void);
int  numgoroutine(void);  /* goroutines that exist, main included */
void gosched(void);
void goexit(void);        /* ends the calling goroutine */
void gc_collect(void);    /* a full collection */

/* printf-style panic: prints "panic: <message>" and the goroutine report to
 * stderr (stdio flushed first), exits 2. */
void panic(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
const char *recover(void);
/* panic() as dialect code calls it: gocc passes the call's .gc file and
 * line, which the report prints. */
void gocc_panic_at(const char *file, int line, const char *fmt, ...)
    __attribute__((noreturn, format(printf, 3, 4)));

/* ---- sync (zero values are ready to use) ------------------------------ */

typedef struct WaitGroup { gocc_int64_t state; void *waiters; int lock; } WaitGroup;
typedef struct Mutex     { int state; int lock; void *waiters; } Mutex;
typedef struct RWMutex   { Mutex w; int readers; int readers_wait; int lock;
                           void *rwait; void *wwait; } RWMutex;
typedef struct Once      { int done; Mutex m; } Once;
typedef struct Cond      { int lock; void *waiters; } Cond;

void wg_add(WaitGroup *wg, int delta);
void wg_done(WaitGroup *wg);
void wg_wait(WaitGroup *wg);
void mutex_lock(Mutex *m);
void mutex_unlock(Mutex *m);
bool mutex_trylock(Mutex *m);
void rwmutex_lock(RWMutex *rw);
void rwmutex_unlock(RWMutex *rw);
void rwmutex_rlock(RWMutex *rw);
void rwmutex_runlock(RWMutex *rw);
void once_do(Once *o, void (*fn)(void));
void cond_wait(Cond *c, Mutex *m);
void cond_signal(Cond *c);
void cond_broadcast(Cond *c);

/* ---- time ------------------------------------------------------------- */

typedef gocc_int64_t Duration;               /* nanoseconds */
#define NANOSECOND  ((Duration)1)
#define MICROSECOND ((Duration)1000)
#define MILLISECOND ((Duration)1000000)
#define SECOND      ((Duration)1000000000)
#define MINUTE      (60 * SECOND)
#define HOUR        (60 * MINUTE)

typedef struct { gocc_int64_t ns; } Time;    /* monotonic clock */

#ifndef GOCC_DIALECT
typedef struct Ticker { gocc_chan *C; void *impl; } Ticker;
typedef struct Timer  { gocc_chan *C; void *impl; } Timer;
gocc_chan *time_after(Duration d);          /* <-chan Time */
gocc_chan *time_tick(Duration d);           /* <-chan Time */
#else
/* In dialect code (gocc defines GOCC_DIALECT and parses this header) the
 * same objects carry their channel types; the representation is the same. */
typedef struct Ticker { <-chan Time C; void *impl; } Ticker;
typedef struct Timer  { <-chan Time C; void *impl; } Timer;
<-chan Time time_after(Duration d);
<-chan Time time_tick(Duration d);
#endif

Time       time_now(void);
Duration   time_since(Time t);
void       time_sleep(Duration d);
Ticker    *time_new_ticker(Duration d);
void       ticker_stop(Ticker *t);
void       ticker_reset(Ticker *t, Duration d);
Timer     *time_new_timer(Duration d);
bool       timer_stop(Timer *t);
void       timer_reset(Timer *t, Duration d);

/* ---- context (zero: never cancelled; ECANCELED; ETIMEDOUT) ------------ */

typedef struct Context Context;

Context *context_background(void);
Context *context_todo(void);
Context *context_with_cancel(Context *parent);
Context *context_with_timeout(Context *parent, Duration d);
Context *context_with_deadline(Context *parent, Time d);
Context *context_with_value(Context *parent, void *key, void *val);
void     context_cancel(Context *c);             /* idempotent */
int      context_err(Context *c);
void    *context_value(Context *c, void *key);
#ifndef GOCC_DIALECT
gocc_chan *context_done(Context *c);             /* <-chan bool; NULL: never closed */
#else
<-chan bool context_done(Context *c);
#endif

/* ---- signals (runtime/signal.c) ---------------------------------------- */

/* signal_notify(ch, SIGINT, SIGTERM, ...) relays each listed signal's
 * number to ch (a chan<- int), never blocking: when ch is not ready the
 * signal is dropped, as Go's signal.Notify does.  The function takes a
 * 0-terminated list; the macro below appends the 0, so callers write only
 * the signals.  signal_stop(ch) stops every relay to ch and restores the
 * default action of signals nobody listens to any more.  While a relay
 * exists, a goroutine waiting on its channel is not deadlocked. */
#ifndef GOCC_DIALECT
void signal_notify(gocc_chan *ch, int sig, ...);   /* chan<- int */
void signal_stop(gocc_chan *ch);
#else
void signal_notify(chan<- int ch, int sig, ...);
void signal_stop(chan<- int ch);
#endif
#define signal_notify(ch, ...) (signal_notify)(ch, __VA_ARGS__, 0)

/* ---- goroutine-aware blocking calls (runtime/netpoll.c, syscall.c) ----- */

/* A goroutine that calls one of these parks; its OS thread serves other
 * goroutines.  Sockets and pipes wait in the runtime's epoll netpoller
 * (the runtime makes them non-blocking internally and keeps blocking
 * semantics for the caller: EAGAIN reaches only code that set O_NONBLOCK
 * itself); any other descriptor, and the other calls, run in the thread
 * with the goroutine's P handed to another thread after ~20 us (sysmon).
 * In dialect code gocc turns a call of the libc function NAME, as declared
 * by a system header, into a call of gocc_sys_NAME; C code may call them
 * directly.  Types are spelled without system headers (see above). */
struct sockaddr; struct msghdr; struct iovec; struct pollfd; struct timespec;
struct timeval; struct addrinfo; struct _IO_FILE;
long gocc_sys_read(int fd, void *buf, gocc_size_t n);
long gocc_sys_write(int fd, const void *buf, gocc_size_t n);
long gocc_sys_pread(int fd, void *buf, gocc_size_t n, long off);
long gocc_sys_pwrite(int fd, const void *buf, gocc_size_t n, long off);
long gocc_sys_readv(int fd, const struct iovec *iov, int n);
long gocc_sys_writev(int fd, const struct iovec *iov, int n);
long gocc_sys_recv(int fd, void *buf, gocc_size_t n, int flags);
long gocc_sys_send(int fd, const void *buf, gocc_size_t n, int flags);
long gocc_sys_recvfrom(int fd, void *buf, gocc_size_t n, int flags,
                       struct sockaddr *from, unsigned int *fromlen);
long gocc_sys_sendto(int fd, const void *buf, gocc_size_t n, int flags,
                     const struct sockaddr *to, unsigned int tolen);
long gocc_sys_recvmsg(int fd, struct msghdr *msg, int flags);
long gocc_sys_sendmsg(int fd, const struct msghdr *msg, int flags);
int  gocc_sys_accept(int fd, struct sockaddr *addr, unsigned int *len);
int  gocc_sys_accept4(int fd, struct sockaddr *addr, unsigned int *len, int flags);
int  gocc_sys_connect(int fd, const struct sockaddr *addr, unsigned int len);
int  gocc_sys_close(int fd);
int  gocc_sys_dup2(int oldfd, int newfd);
int  gocc_sys_dup3(int oldfd, int newfd, int flags);
int  gocc_sys_fcntl(int fd, int cmd, ...);
int  gocc_sys_poll(struct pollfd *fds, unsigned long n, int timeout_ms);
int  gocc_sys_select(int n, void *rd, void *wr, void *ex, struct timeval *tv);
unsigned int gocc_sys_sleep(unsigned int s);
int  gocc_sys_usleep(unsigned int us);
int  gocc_sys_nanosleep(const struct timespec *req, struct timespec *rem);
int  gocc_sys_clock_nanosleep(int clock, int flags, const struct timespec *req,
                              struct timespec *rem);
int  gocc_sys_fsync(int fd);
int  gocc_sys_fdatasync(int fd);
int  gocc_sys_waitpid(int pid, int *status, int options);
int  gocc_sys_wait(int *status);
int  gocc_sys_system(const char *cmd);
int  gocc_sys_getaddrinfo(const char *node, const char *service,
                          const struct addrinfo *hints, struct addrinfo **res);
char *gocc_sys_fgets(char *s, int n, struct _IO_FILE *f);
gocc_size_t gocc_sys_fread(void *p, gocc_size_t size, gocc_size_t n, struct _IO_FILE *f);
gocc_size_t gocc_sys_fwrite(const void *p, gocc_size_t size, gocc_size_t n,
                            struct _IO_FILE *f);
long gocc_sys_getline(char **line, gocc_size_t *cap, struct _IO_FILE *f);
int  gocc_sys_fgetc(struct _IO_FILE *f);
int  gocc_sys_getchar(void);
int  gocc_sys_fflush(struct _IO_FILE *f);
/* printf and its kin (any argument types: they go over as a va_list) */
int  gocc_sys_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int  gocc_sys_fprintf(struct _IO_FILE *f, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
int  gocc_sys_dprintf(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int  gocc_sys_sprintf(char *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int  gocc_sys_snprintf(char *s, gocc_size_t n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int  gocc_sys_asprintf(char **strp, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int  gocc_sys_vprintf(const char *fmt, __builtin_va_list ap);
int  gocc_sys_vfprintf(struct _IO_FILE *f, const char *fmt, __builtin_va_list ap);
int  gocc_sys_vdprintf(int fd, const char *fmt, __builtin_va_list ap);
int  gocc_sys_vsprintf(char *s, const char *fmt, __builtin_va_list ap);
int  gocc_sys_vsnprintf(char *s, gocc_size_t n, const char *fmt, __builtin_va_list ap);
int  gocc_sys_vasprintf(char **strp, const char *fmt, __builtin_va_list ap);
int  gocc_sys_scanf(const char *fmt, ...) __attribute__((format(scanf, 1, 2)));
int  gocc_sys_fscanf(struct _IO_FILE *f, const char *fmt, ...)
    __attribute__((format(scanf, 2, 3)));
int  gocc_sys_sscanf(const char *s, const char *fmt, ...) __attribute__((format(scanf, 2, 3)));
int  gocc_sys_vfscanf(struct _IO_FILE *f, const char *fmt, __builtin_va_list ap);
int  gocc_sys_vsscanf(const char *s, const char *fmt, __builtin_va_list ap);

/* Brackets a long call into C that may block the thread (a library the
 * runtime does not know): between the two, sysmon may hand this goroutine's
 * P to another thread.  The code in between must not use goroutine
 * primitives.  Nests; cheap (two atomic operations) when nothing waits. */
void gocc_syscall_enter(void);
void gocc_syscall_exit(void);

/* Preemption: gocc puts a poll at the back-edge of every loop of dialect
 * code that calls no function:
 *     if (__builtin_expect(gocc_preempt_req, 0)) gocc_preempt();
 * sysmon sets the flag of a thread whose goroutine has run for 10 ms
 * without a switch; gocc_preempt() yields (as gosched). */
extern __thread volatile int gocc_preempt_req;
void gocc_preempt(void);

/* Callbacks from C: set while this thread runs C code on the system stack
 * for a goroutine.  gocc starts every dialect function that C code may
 * call (it has external linkage or its address is taken) with
 *     if (__builtin_expect(gocc_insys, 0)) { ...gocc_callback(run, &args)... }
 * gocc_callback runs run(&args) on the goroutine's own stack, where it
 * may block; the goroutine then keeps its thread until the callback
 * returns.  Off a goroutine it just calls run. */
extern __thread int gocc_insys;
void gocc_callback(void (*fn)(void *), void *arg);

/* Is f dialect code (or the runtime's own)?  gocc places the functions a
 * .gc file defines in the section gocc_text, where the runtime's code is
 * too; a call through a function pointer runs its target directly when
 * it is there, and through gocc_systemstack when it is C code. */
extern char __start_gocc_text[] __attribute__((weak, visibility("hidden")));
extern char __stop_gocc_text[] __attribute__((weak, visibility("hidden")));
static inline int gocc_dialect_code(const void *f)
{
    return (const char *)f >= __start_gocc_text && (const char *)f < __stop_gocc_text;
}

#ifdef __cplusplus
}
#endif
#endif /* GOCC_H */
