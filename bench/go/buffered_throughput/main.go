// buffered_throughput: one producer, one consumer, capacity 128, 1e7 ints.
// Prints ns per item.  Twin of bench/buffered_throughput.c.
package main

import (
	"fmt"
	"os"
	"sort"
	"strconv"
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
	c := make(chan int, 128)
	t := time.Now()
	go func() {
		for i := 0; i < n; i++ {
			c <- i
		}
		close(c)
	}()
	sum := 0
	for v := range c {
		sum += v
	}
	d := time.Since(t)
	if sum != n*(n-1)/2 {
		panic("buffered_throughput: wrong sum")
	}
	return float64(d.Nanoseconds()) / float64(n)
}

func main() {
	n := int(10000000 * scale())
	run(n / 10)
	var v []float64
	for r := 0; r < 5; r++ {
		v = append(v, run(n))
	}
	fmt.Printf("buffered_throughput %.1f ns\n", median(v))
	fmt.Printf("buffered_throughput.rss %d KB\n", rss())
}
