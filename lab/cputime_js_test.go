//go:build js

package lab

import (
	"syscall/js"
	"time"
)

// cpuTime is the CPU time the process (Node, running the tests) has used: on a shared
// machine a benchmark's CPU time per operation is steadier than its wall time, and it is what
// bench/tfjs/grid.js prints for TF.js.
func cpuTime() time.Duration {
	u := js.Global().Get("process").Call("cpuUsage")
	return time.Duration(u.Get("user").Float()+u.Get("system").Float()) * time.Microsecond
}
