/* helper header for dialect_header.gc: headers may use the dialect */
#ifndef DIALECT_HEADER_H
#define DIALECT_HEADER_H
typedef chan int Queue;
static inline void push_all(chan<- int q, int n)
{
    for (int i = 1; i <= n; i++)
        q <- i;
    close(q);
}
#endif
