// timers: 100,000 goroutines each sleep 1 ms concurrently.  Prints ms from
// the first spawn until all have finished.  Twin of bench/timers.c.
package main

import (
	"goccbench/benchutil"
	"sync"
	"time"
)

func run(n int) float64 {
	var wg sync.WaitGroup
	t := time.Now()
	wg.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			time.Sleep(time.Millisecond)
			wg.Done()
		}()
	}
	wg.Wait()
	return float64(time.Since(t).Nanoseconds()) / 1e6
}

func main() {
	n := int(100000 * benchutil.Scale())
	v := benchutil.Repeat(5, func() { run(n) }, func() float64 { return run(n) })
	benchutil.Report("timers", v, "ms")
}
