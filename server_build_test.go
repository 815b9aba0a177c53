package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildFallsBackToScalarWithoutTheSIMDToolchain is `go run .` on a machine that cannot
// fetch the SIMD toolchain: the site still gets a main.wasm (the scalar build), and one line
// says why.
func TestBuildFallsBackToScalarWithoutTheSIMDToolchain(t *testing.T) {
	if testing.Short() {
		t.Skip("builds main.wasm")
	}
	defer func(v string) { simdToolchain = v }(simdToolchain)
	simdToolchain = "go1.27.99" // no such release, and nothing may be fetched
	t.Setenv("GOPROXY", "off")
	dir := t.TempDir()
	var warn bytes.Buffer
	if _, err := buildWasm(dir, &warn); err != nil {
		t.Fatal(err)
	}
	simd, err1 := os.ReadFile(filepath.Join(dir, wasmSIMD))
	scalar, err2 := os.ReadFile(filepath.Join(dir, wasmScalar))
	if err1 != nil || err2 != nil || !bytes.Equal(simd, scalar) || len(scalar) == 0 {
		t.Fatalf("main.wasm should be the scalar build (%v, %v)", err1, err2)
	}
	// Two lines: the attempt to fetch it (it is not in the module cache), and why it failed.
	lines := strings.Split(strings.TrimSpace(warn.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "fetching go1.27.99") || !strings.Contains(lines[1], "go1.27.99") || !strings.Contains(lines[1], "scalar") {
		t.Errorf("want a line saying go1.27.99 is being fetched and one saying main.wasm is the scalar build, got %q", warn.String())
	}
}
