//go:build unix

package lab

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the process has used (cputime_js_test.go says why benchmarks want it).
func cpuTime() time.Duration {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
