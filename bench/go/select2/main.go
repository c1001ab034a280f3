// select2: one goroutine selects over two channels fed by two producers.
// Prints ns per item received.  Twin of bench/select2.c.
package main

import (
	"goccbench/benchutil"
	"time"
)

func produce(c chan int, n int) {
	for i := 0; i < n; i++ {
		c <- i
	}
}

func run(n int) float64 {
	a := make(chan int)
	b := make(chan int)
	t := time.Now()
	go produce(a, n/2)
	go produce(b, n-n/2)
	sum := 0
	for i := 0; i < n; i++ {
		select {
		case v := <-a:
			sum += v
		case v := <-b:
			sum += v
		}
	}
	d := time.Since(t)
	h := n / 2
	if sum != h*(h-1)/2+(n-h)*(n-h-1)/2 {
		panic("select2: wrong sum")
	}
	return float64(d.Nanoseconds()) / float64(n)
}

func main() {
	n := int(1000000 * benchutil.Scale())
	v := benchutil.Repeat(5, func() { run(n / 4) }, func() float64 { return run(n) })
	benchutil.Report("select2", v, "ns")
}
