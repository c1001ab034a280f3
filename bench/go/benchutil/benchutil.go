// Package benchutil holds what every Go twin of the gocc benchmarks shares:
// the BENCH_SCALE knob, the median of repetitions and the peak RSS.
package benchutil

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"syscall"
)

// Scale is BENCH_SCALE (default 1): the factor applied to iteration counts.
func Scale() float64 {
	if s, err := strconv.ParseFloat(os.Getenv("BENCH_SCALE"), 64); err == nil && s > 0 {
		return s
	}
	return 1
}

// Median sorts v and returns its middle element.
func Median(v []float64) float64 {
	sort.Float64s(v)
	return v[len(v)/2]
}

// RSS is the peak resident set size of the process, in KB.
func RSS() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Maxrss
}

// Repeat runs warm once, then run reps times, and returns the median of
// run's results: the Go side of bench.h's bench_repeat.
func Repeat(reps int, warm func(), run func() float64) float64 {
	warm()
	v := make([]float64, 0, reps)
	for r := 0; r < reps; r++ {
		v = append(v, run())
	}
	return Median(v)
}

// Report prints a benchmark's result and the process's peak RSS in the
// format bench/run.sh reads: "name value unit" and "name.rss KB KB".
func Report(name string, value float64, unit string) {
	fmt.Printf("%s %.1f %s\n", name, value, unit)
	fmt.Printf("%s.rss %d KB\n", name, RSS())
}
