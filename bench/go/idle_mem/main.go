// idle_mem: 1,000,000 goroutines each blocked receiving on its own channel;
// prints (RSS after - RSS before) / 1e6 in bytes per goroutine (current RSS
// from /proc/self/statm, channels included).  Twin of bench/idle_mem.c.
package main

import (
	"fmt"
	"goccbench/benchutil"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

func currentRSS() int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		panic(err)
	}
	f := strings.Fields(string(b))
	pages, _ := strconv.ParseInt(f[1], 10, 64)
	return pages * int64(os.Getpagesize())
}

func main() {
	n := int(1000000 * benchutil.Scale())
	chans := make([]chan int, n)
	var started, finished sync.WaitGroup
	runtime.GC()
	before := currentRSS()
	started.Add(n)
	finished.Add(n)
	for i := 0; i < n; i++ {
		c := make(chan int)
		chans[i] = c
		go func() {
			started.Done()
			<-c
			finished.Done()
		}()
	}
	started.Wait()
	time.Sleep(100 * time.Millisecond) // let the last ones park
	after := currentRSS()
	for i := 0; i < n; i++ {
		close(chans[i])
	}
	finished.Wait()
	fmt.Printf("idle_mem %.0f B\n", float64(after-before)/float64(n))
	fmt.Printf("idle_mem.rss %d KB\n", benchutil.RSS())
}
