// Package benchutil holds what every Go twin of the gocc benchmarks shares:
// the BENCH_SCALE knob, the median of repetitions and the peak RSS.
package benchutil

import (
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
