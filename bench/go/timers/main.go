// timers: 100,000 goroutines each sleep 1 ms concurrently.  Prints ms from
// the first spawn until all have finished.  Twin of bench/timers.c.
package main

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"sync"
	"syscall"
	"time"
)

func scale() float64 {
	if s, err := strconv.ParseFloat(os.Getenv("BENCH_SCALE"), 64); err == nil && s > 0 {
		return s
	}
	return 1
}

func median(v []float64) float64 {
	sort.Float64s(v)
	return v[len(v)/2]
}

func rss() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Maxrss
}

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
	n := int(100000 * scale())
	run(n)
	var v []float64
	for r := 0; r < 5; r++ {
		v = append(v, run(n))
	}
	fmt.Printf("timers %.1f ms\n", median(v))
	fmt.Printf("timers.rss %d KB\n", rss())
}
