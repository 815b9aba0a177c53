package e2e

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// The site has two builds of the module (server_build.go): main.wasm with wasm SIMD kernels,
// main-scalar.wasm without. boot.js picks by what the browser validates; ?simd=0 forces the
// scalar one. <html data-wasm> says what boot.js fetched, <body data-kernels> which kernels the
// running Go code carries (nn.Kernels).

// fetchedWasm lists the .wasm files the page requested.
const fetchedWasm = `performance.getEntriesByType("resource").map(e => new URL(e.name).pathname.split("/").pop()).filter(n => n.endsWith(".wasm"))`

func TestPageRunsTheSIMDBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped with -short")
	}
	simd, err1 := os.ReadFile(filepath.Join(siteDir, "main.wasm"))
	scalar, err2 := os.ReadFile(filepath.Join(siteDir, "main-scalar.wasm"))
	if err1 != nil || err2 != nil {
		t.Fatalf("the site lacks a build: %v, %v", err1, err2)
	}
	if bytes.Equal(simd, scalar) {
		t.Skip("the server could not get the SIMD toolchain (offline?), so main.wasm is the scalar build")
	}
	p := newPage(t, 1280, 800)
	p.open(t, "#b=16x2r*4")
	wasm, files := p.wasmBuild(t)
	if wasm != "simd simd" {
		t.Errorf("data-wasm and data-kernels = %q, want the SIMD build in Chromium", wasm)
	}
	if len(files) != 1 || files[0] != "main.wasm" {
		t.Errorf("the page fetched %v, want [main.wasm] alone", files)
	}
	p.checkNoErrors(t)
}

// TestScalarFallbackTrains is a browser without wasm SIMD, as far as the page can tell: with
// ?simd=0 it fetches main-scalar.wasm alone, its workers run it (the page posts them its
// compiled module), and the network trains.
func TestScalarFallbackTrains(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped with -short")
	}
	p := newPage(t, 1280, 800)
	p.open(t, "?simd=0#b=16x2r*4")
	build, _ := p.wasmBuild(t)
	if build != "scalar scalar" {
		t.Errorf("data-wasm and data-kernels = %q with ?simd=0, want the scalar build", build)
	}
	p.click(t, "#play")
	p.waitFor(t, "the step counter to pass 50", singleSteps+" > 50", 60*time.Second)
	p.waitFor(t, "the train accuracy read-out to show a percentage", `/%$/.test(document.querySelector("#ro-train-acc").textContent)`, 10*time.Second)
	if _, files := p.wasmBuild(t); len(files) != 1 || files[0] != "main-scalar.wasm" {
		t.Errorf("the page fetched %v with ?simd=0, want [main-scalar.wasm] alone", files)
	}
	p.checkNoErrors(t)
}

// wasmBuild is the build the page says it runs (data-wasm and data-kernels, e.g. "simd simd")
// and the wasm files it fetched.
func (p *page) wasmBuild(t testing.TB) (build string, files []string) {
	t.Helper()
	p.eval(t, `document.documentElement.dataset.wasm + " " + document.body.dataset.kernels`, &build)
	p.eval(t, fetchedWasm, &files)
	return build, files
}
