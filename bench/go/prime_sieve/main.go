// prime_sieve: the concurrent prime sieve (a chain of filter goroutines);
// first 3000 primes.  Prints ms total.  The chain is abandoned after each
// repetition (its goroutines stay blocked), as in the classic program.
// Twin of bench/prime_sieve.c.
package main

import (
	"goccbench/benchutil"
	"time"
)

func generate(ch chan<- int) {
	for i := 2; ; i++ {
		ch <- i
	}
}

func filter(in <-chan int, out chan<- int, prime int) {
	for {
		i := <-in
		if i%prime != 0 {
			out <- i
		}
	}
}

func run(n int) float64 {
	t := time.Now()
	ch := make(chan int)
	go generate(ch)
	prime := 0
	for i := 0; i < n; i++ {
		prime = <-ch
		ch1 := make(chan int)
		go filter(ch, ch1, prime)
		ch = ch1
	}
	d := time.Since(t)
	if n == 3000 && prime != 27449 {
		panic("prime_sieve: wrong 3000th prime")
	}
	return float64(d.Nanoseconds()) / 1e6
}

func main() {
	n := 3000
	if benchutil.Scale() < 1 {
		n = 1000
	}
	v := benchutil.Repeat(3, func() { run(n) }, func() float64 { return run(n) })
	benchutil.Report("prime_sieve", v, "ms")
}
