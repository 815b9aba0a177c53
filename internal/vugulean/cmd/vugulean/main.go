// Command vugulean rewrites a file vugugen generated the way vugulean.Lean says (formatted,
// and smaller); `go generate ./ui` runs it on 0_components_gen.go.
package main

import (
	"fmt"
	"os"

	"resnetplayground/internal/vugulean"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: vugulean FILE (a file vugugen generated, rewritten in place)")
		os.Exit(2)
	}
	src, err := os.ReadFile(os.Args[1])
	if err == nil {
		src, err = vugulean.Lean(src)
	}
	if err == nil {
		err = os.WriteFile(os.Args[1], src, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "vugulean:", err)
		os.Exit(1)
	}
}
