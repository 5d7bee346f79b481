//go:build unix

package ssda903_test

import (
	"syscall"
	"time"
)

// cpuTime returns the process's CPU time (user and system) so far: on a
// machine shared with other work, benchmarks report it beside the wall
// time, which the other work inflates.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
