// echo_client: the load generator of the "echo" benchmark
// (../shared/design/benchmarks.md).  The same client drives both servers,
// bench/echo_server.gc (gocc) and bench/go/echo_server (Go), so the two
// face exactly the same load; bench/run.sh runs it once against each.
//
//	echo_client -addr 127.0.0.1:PORT -conns N -name echo_1k
//	            [-warmup 1s] [-duration 2s] [-reps 3] [-dialers 64]
//
// Opens N connections (at most -dialers connects in flight), then every
// connection runs a closed loop in its own goroutine: send a 64-byte
// message (its connection number and a sequence number), wait for the
// whole echo, check it, repeat.  After -warmup, -reps back-to-back windows
// of -duration each are measured: a request counts in the window in which
// its echo completed.  Per window: requests/s and the 99th percentile of
// the latency (send to complete echo) over every request of every
// connection.  Prints the medians over the windows:
//
//	NAME_rps VALUE req/s
//	NAME_p99 VALUE us
//
// and, for the record, NAME.detail lines (p50, p99.9, counts).  BENCH_SCALE
// (default 1) scales -warmup and -duration (0.5 s at least each), not the
// connection count.  Any failed connect, short echo, wrong echo or stall
// makes it exit 1.
//
// The client raises its own RLIMIT_NOFILE soft limit to the hard limit.  It
// shares the machine's CPUs with the server under test (bench/run.sh runs
// it with GOMAXPROCS=2 on a 2-CPU VM), which is why both servers must be
// measured with this same client and the same settings.
package main

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"goccbench/benchutil"
	"io"
	"net"
	"os"
	"sort"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

const msg = 64

var (
	addr     = flag.String("addr", "", "server address host:port")
	conns    = flag.Int("conns", 1000, "concurrent connections")
	name     = flag.String("name", "echo", "result name prefix")
	warmup   = flag.Duration("warmup", time.Second, "warm-up before the first window (scaled by BENCH_SCALE)")
	duration = flag.Duration("duration", 2*time.Second, "length of one measured window (scaled by BENCH_SCALE)")
	reps     = flag.Int("reps", 3, "measured windows; medians are reported")
	dialers  = flag.Int("dialers", 64, "connects in flight during set-up")
)

var failures atomic.Int64

func fail(format string, a ...interface{}) {
	if failures.Add(1) <= 5 {
		fmt.Fprintf(os.Stderr, "echo_client: "+format+"\n", a...)
	}
}

func raiseNofile(need int) {
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &rl); err != nil {
		return
	}
	if rl.Cur < rl.Max {
		rl.Cur = rl.Max
		syscall.Setrlimit(syscall.RLIMIT_NOFILE, &rl)
		syscall.Getrlimit(syscall.RLIMIT_NOFILE, &rl)
	}
	if rl.Cur < uint64(need) {
		fmt.Fprintf(os.Stderr, "echo_client: RLIMIT_NOFILE %d < %d needed for %d connections\n",
			rl.Cur, need, *conns)
		os.Exit(1)
	}
}

func dialAll(n int) []net.Conn {
	cs := make([]net.Conn, n)
	sem := make(chan struct{}, *dialers)
	var wg sync.WaitGroup
	for i := range cs {
		sem <- struct{}{}
		wg.Add(1)
		go func(i int) {
			defer func() { <-sem; wg.Done() }()
			c, err := net.DialTimeout("tcp", *addr, 30*time.Second)
			if err != nil {
				fail("connect %d: %v", i, err)
				return
			}
			cs[i] = c
		}(i)
	}
	wg.Wait()
	if failures.Load() > 0 {
		os.Exit(1)
	}
	return cs
}

// worker runs one connection's closed loop until end; lat[w] collects the
// latencies (ns) of the requests that completed inside window w.
func worker(c net.Conn, id int, w0 time.Time, d time.Duration, nw int, lat [][]uint32) {
	end := w0.Add(d * time.Duration(nw))
	var out, in [msg]byte
	binary.LittleEndian.PutUint64(out[0:], uint64(id))
	for seq := uint64(0); ; seq++ {
		binary.LittleEndian.PutUint64(out[8:], seq)
		t0 := time.Now()
		if !t0.Before(end) {
			return
		}
		if _, err := c.Write(out[:]); err != nil {
			fail("conn %d: write: %v", id, err)
			return
		}
		if _, err := io.ReadFull(c, in[:]); err != nil {
			fail("conn %d: read: %v", id, err)
			return
		}
		t1 := time.Now()
		if !bytes.Equal(in[:], out[:]) {
			fail("conn %d: wrong echo", id)
			return
		}
		if t1.Before(w0) {
			continue
		}
		if w := int(t1.Sub(w0) / d); w < nw {
			ns := t1.Sub(t0)
			if ns > 1<<32-1 {
				ns = 1<<32 - 1
			}
			lat[w] = append(lat[w], uint32(ns))
		}
	}
}

func pct(v []uint32, p float64) float64 {
	if len(v) == 0 {
		return 0
	}
	i := int(p * float64(len(v)))
	if i >= len(v) {
		i = len(v) - 1
	}
	return float64(v[i]) / 1e3
}

func main() {
	flag.Parse()
	if *addr == "" || *conns < 1 || *reps < 1 {
		fmt.Fprintln(os.Stderr, "usage: echo_client -addr HOST:PORT [-conns N] [-name NAME] [-warmup D] [-duration D] [-reps N]")
		os.Exit(2)
	}
	s := benchutil.Scale()
	wu := time.Duration(float64(*warmup) * s)
	d := time.Duration(float64(*duration) * s)
	if wu < 500*time.Millisecond {
		wu = 500 * time.Millisecond
	}
	if d < 500*time.Millisecond {
		d = 500 * time.Millisecond
	}
	raiseNofile(*conns + 64)

	t := time.Now()
	cs := dialAll(*conns)
	setup := time.Since(t)

	nw := *reps
	w0 := time.Now().Add(wu)
	stop := w0.Add(d*time.Duration(nw) + 20*time.Second) // a stalled server fails the run
	lats := make([][][]uint32, len(cs))
	var wg sync.WaitGroup
	for i, c := range cs {
		c.SetDeadline(stop)
		lats[i] = make([][]uint32, nw)
		wg.Add(1)
		go func(i int, c net.Conn) {
			defer wg.Done()
			worker(c, i, w0, d, nw, lats[i])
		}(i, c)
	}
	wg.Wait()
	for _, c := range cs {
		c.Close()
	}
	if n := failures.Load(); n > 0 {
		fmt.Fprintf(os.Stderr, "echo_client: %d connections failed\n", n)
		os.Exit(1)
	}

	rps := make([]float64, nw)
	p99 := make([]float64, nw)
	var all []uint32
	for w := 0; w < nw; w++ {
		var v []uint32
		for i := range lats {
			v = append(v, lats[i][w]...)
		}
		sort.Slice(v, func(a, b int) bool { return v[a] < v[b] })
		rps[w] = float64(len(v)) / d.Seconds()
		p99[w] = pct(v, 0.99)
		all = append(all, v...)
		fmt.Printf("%s.detail window %d: %d requests, %.0f req/s, p50 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us\n",
			*name, w, len(v), rps[w], pct(v, 0.50), p99[w], pct(v, 0.999), pct(v, 1))
	}
	sort.Slice(all, func(a, b int) bool { return all[a] < all[b] })
	fmt.Printf("%s.detail %d connections set up in %.0f ms; all windows: p50 %.1f us, p99 %.1f us\n",
		*name, len(cs), float64(setup.Microseconds())/1e3, pct(all, 0.50), pct(all, 0.99))
	fmt.Printf("%s_rps %.0f req/s\n", *name, benchutil.Median(rps))
	fmt.Printf("%s_p99 %.1f us\n", *name, benchutil.Median(p99))
}
