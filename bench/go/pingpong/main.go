// pingpong: two goroutines bounce an int over two unbuffered channels,
// 1e6 round trips.  Prints ns per round trip.  Twin of bench/pingpong.c.
package main

import (
	"goccbench/benchutil"
	"time"
)

func run(n int) float64 {
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
	}()
	t := time.Now()
	x := 0
	for i := 0; i < n; i++ {
		ping <- x
		x = <-pong
	}
	d := time.Since(t)
	close(ping)
	if x != n {
		panic("pingpong: wrong count")
	}
	return float64(d.Nanoseconds()) / float64(n)
}

func main() {
	n := int(1000000 * benchutil.Scale())
	v := benchutil.Repeat(5, func() { run(n / 4) }, func() float64 { return run(n) })
	benchutil.Report("pingpong", v, "ns")
}
