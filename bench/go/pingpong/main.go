// pingpong: two goroutines bounce an int over two unbuffered channels,
// 1e6 round trips.  Prints ns per round trip.  Twin of bench/pingpong.c.
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
	n := int(1000000 * scale())
	run(n / 4)
	var v []float64
	for r := 0; r < 5; r++ {
		v = append(v, run(n))
	}
	fmt.Printf("pingpong %.1f ns\n", median(v))
	fmt.Printf("pingpong.rss %d KB\n", rss())
}
