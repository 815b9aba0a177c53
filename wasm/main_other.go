//go:build !(js && wasm)

// Command wasm is ResNet Playground in the browser; build it with GOOS=js GOARCH=wasm (`go
// run .` in the module root does). This file only keeps native builds of the package, and
// its tests, compiling.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "resnetplayground/wasm runs in a browser: build it with GOOS=js GOARCH=wasm")
	os.Exit(2)
}
