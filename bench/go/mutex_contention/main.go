// mutex_contention: 4 goroutines, 1e6 locked increments each.  Prints ns per
// lock (wall time / 4e6).  Twin of bench/mutex_contention.c.
package main

import (
	"goccbench/benchutil"
	"sync"
	"time"
)

const workers = 4

func run(n int) float64 {
	var mu sync.Mutex
	var wg sync.WaitGroup
	counter := 0
	t := time.Now()
	wg.Add(workers)
	for w := 0; w < workers; w++ {
		go func() {
			for i := 0; i < n; i++ {
				mu.Lock()
				counter++
				mu.Unlock()
			}
			wg.Done()
		}()
	}
	wg.Wait()
	d := time.Since(t)
	if counter != workers*n {
		panic("mutex_contention: lost updates")
	}
	return float64(d.Nanoseconds()) / float64(workers*n)
}

func main() {
	n := int(1000000 * benchutil.Scale())
	v := benchutil.Repeat(5, func() { run(n / 4) }, func() float64 { return run(n) })
	benchutil.Report("mutex_contention", v, "ns")
}
