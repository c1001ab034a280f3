// skynet: each node spawns 10 children down to 1,000,000 leaves; leaves send
// their number; the sum is 499999500000.  Prints ms total.  Twin of
// bench/skynet.c.
package main

import (
	"goccbench/benchutil"
	"time"
)

func skynet(c chan int64, num int64, size int64, div int64) {
	if size == 1 {
		c <- num
		return
	}
	rc := make(chan int64)
	var sum int64
	for i := int64(0); i < div; i++ {
		sub := num + i*(size/div)
		go skynet(rc, sub, size/div, div)
	}
	for i := int64(0); i < div; i++ {
		sum += <-rc
	}
	c <- sum
}

func run(size int64) float64 {
	c := make(chan int64)
	t := time.Now()
	go skynet(c, 0, size, 10)
	sum := <-c
	d := time.Since(t)
	if sum != size*(size-1)/2 {
		panic("skynet: wrong sum")
	}
	return float64(d.Nanoseconds()) / 1e6
}

func main() {
	size := int64(1000000)
	if benchutil.Scale() < 1 {
		size = 100000
	}
	v := benchutil.Repeat(3, func() { run(size) }, func() float64 { return run(size) })
	benchutil.Report("skynet", v, "ms")
}
