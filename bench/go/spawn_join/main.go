// spawn_join: spawn 100,000 goroutines that do nothing but wg.Done; wait on
// the WaitGroup.  Prints ns per goroutine (median of the repetitions after a
// warm-up) and the peak RSS.  Twin of bench/spawn_join.c.
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
		go func() { wg.Done() }()
	}
	wg.Wait()
	return float64(time.Since(t).Nanoseconds()) / float64(n)
}

func main() {
	n := int(100000 * benchutil.Scale())
	v := benchutil.Repeat(9, func() { run(n) }, func() float64 { return run(n) })
	benchutil.Report("spawn_join", v, "ns")
}
