// spawn_join: spawn 100,000 goroutines that do nothing but wg.Done; wait on
// the WaitGroup.  Prints ns per goroutine (median of the repetitions after a
// warm-up) and the peak RSS.  Twin of bench/spawn_join.c.
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
		go func() { wg.Done() }()
	}
	wg.Wait()
	return float64(time.Since(t).Nanoseconds()) / float64(n)
}

func main() {
	n := int(100000 * benchutil.Scale())
	run(n)
	var v []float64
	for r := 0; r < 9; r++ {
		v = append(v, run(n))
	}
	fmt.Printf("spawn_join %.1f ns\n", benchutil.Median(v))
	fmt.Printf("spawn_join.rss %d KB\n", benchutil.RSS())
}
