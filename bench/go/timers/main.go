// timers: 100,000 goroutines each sleep 1 ms concurrently.  Prints ms from
// the first spawn until all have finished.  Twin of bench/timers.c.
package main

import (
	"fmt"
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
	run(n)
	var v []float64
	for r := 0; r < 5; r++ {
		v = append(v, run(n))
	}
	fmt.Printf("timers %.1f ms\n", benchutil.Median(v))
	fmt.Printf("timers.rss %d KB\n", benchutil.RSS())
}
