// ring: 503 goroutines in a ring pass a token 1e6 hops.  Prints ns per hop.
// Twin of bench/ring.c.
package main

import (
	"goccbench/benchutil"
	"time"
)

const ringSize = 503

// Each member receives the remaining hop count, and passes count-1 on; the
// member that receives 0 reports to done.  A negative token stops the ring.
func member(in, out chan int, done chan bool) {
	for {
		v := <-in
		if v < 0 {
			out <- v
			return
		}
		if v == 0 {
			done <- true
			continue
		}
		out <- v - 1
	}
}

func run(hops int) float64 {
	var chans [ringSize]chan int
	for i := range chans {
		chans[i] = make(chan int)
	}
	done := make(chan bool)
	for i := 0; i < ringSize; i++ {
		go member(chans[i], chans[(i+1)%ringSize], done)
	}
	t := time.Now()
	chans[0] <- hops
	<-done
	d := time.Since(t)
	// stop: the member that got 0 waits on its input; inject -1 there.
	chans[hops%ringSize] <- -1
	<-chans[hops%ringSize] // the -1 came all the way round
	return float64(d.Nanoseconds()) / float64(hops)
}

func main() {
	hops := int(1000000 * benchutil.Scale())
	v := benchutil.Repeat(5, func() { run(hops / 4) }, func() float64 { return run(hops) })
	benchutil.Report("ring", v, "ns")
}
