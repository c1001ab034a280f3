// context_fanout: 10,000 goroutines wait on the Done channel of one
// cancellable context; prints ms from cancel until all of them have exited
// (a WaitGroup).  The waiters are parked before the clock starts.  Twin of
// bench/context_fanout.c.
package main

import (
	"context"
	"goccbench/benchutil"
	"sync"
	"time"
)

func run(n int) float64 {
	ctx, cancel := context.WithCancel(context.Background())
	var ready, exited sync.WaitGroup
	ready.Add(n)
	exited.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			done := ctx.Done()
			ready.Done()
			<-done
			exited.Done()
		}()
	}
	ready.Wait()
	time.Sleep(10 * time.Millisecond) // let the last ones park
	t := time.Now()
	cancel()
	exited.Wait()
	ms := float64(time.Since(t).Nanoseconds()) / 1e6
	if ctx.Err() != context.Canceled {
		panic("context_fanout: ctx.Err() after cancel")
	}
	return ms
}

func main() {
	n := int(10000 * benchutil.Scale())
	v := benchutil.Repeat(9, func() { run(n) }, func() float64 { return run(n) })
	benchutil.Report("context_fanout", v, "ms")
}
