//go:build !js && !unix

package lab

import "time"

// cpuTime is unknown here: benchmarks then report no CPU time.
func cpuTime() time.Duration { return 0 }
