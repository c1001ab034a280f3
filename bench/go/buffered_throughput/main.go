// buffered_throughput: one producer, one consumer, capacity 128, 1e7 ints.
// Prints ns per item.  Twin of bench/buffered_throughput.c.
package main

import (
	"goccbench/benchutil"
	"time"
)

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
	n := int(10000000 * benchutil.Scale())
	v := benchutil.Repeat(5, func() { run(n / 10) }, func() float64 { return run(n) })
	benchutil.Report("buffered_throughput", v, "ns")
}
