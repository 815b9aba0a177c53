package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"resnetplayground/lab"
	"runtime"
	"strings"
	"time"
)

// The site is built from the module root (where go.mod lives) into one folder that the server
// serves as it is: index.html, style.css, boot.js, worker.js, wasm_exec.js, main.wasm and
// main-scalar.wasm (buildWasm), the embed
// page and the example blog post, each compressible file with .gz (and, written by the
// server in the background or by --build-only, .br) beside it.

// buildSite brings the site in dir up to date, rebuilding only what is older than its
// sources: the generated Vugu code in ui/, main.wasm, wasm_exec.js and the assets. It must
// run in the module root.
// It says on stderr when it compiles main.wasm, the step that keeps a first `go run .` quiet
// for a minute, and reports whether it did.
func buildSite(dir string) (compiled bool, err error) {
	if _, err := os.Stat("go.mod"); err != nil {
		return false, errors.New("build: no go.mod in the working directory; run from the module root, or pass --no-build to serve an already built site")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return false, fmt.Errorf("build: %w", err)
	}
	if err := generateUI(); err != nil {
		return false, err
	}
	compiled, err = buildWasm(dir, os.Stderr)
	if err != nil {
		return compiled, err
	}
	return compiled, buildRest(dir)
}

// buildRest copies what the site needs besides main.wasm and compresses it.
func buildRest(dir string) error {
	if err := copyWasmExec(filepath.Join(dir, "wasm_exec.js")); err != nil {
		return err
	}
	if err := copyAssets("assets", dir); err != nil {
		return err
	}
	// The digits: fetched by the page only when a visitor picks them (1.4 MB, 250 KB as brotli).
	if err := copyIfStale(filepath.Join("nn", "data", "digits.bin"), filepath.Join(dir, "digits.bin")); err != nil {
		return err
	}
	if err := copyIfStale(filepath.Join("docs", "example-post.html"), filepath.Join(dir, "example-post.html")); err != nil {
		return err
	}
	return precompress(dir, "gzip")
}

// simdToolchain is the Go release whose simd/archsimd package supports GOARCH=wasm. The go
// command fetches it from the module proxy the first time (GOTOOLCHAIN, about 76 MB, kept in
// the module cache); a machine with plain Go 1.26 needs nothing else.
var simdToolchain = "go1.27.3"

// The two builds of the page's module: main.wasm uses wasm SIMD (nn/kernels_simd.go), what
// every current browser runs; main-scalar.wasm is the fallback boot.js picks for a browser
// without it (or for ?simd=0). Both are the same program and train to the same numbers.
const (
	wasmSIMD   = "main.wasm"
	wasmScalar = "main-scalar.wasm"
)

// buildWasm compiles ./wasm for the browser twice, the scalar build with the go command at
// hand and the SIMD build with simdToolchain, each when any Go source or go.mod is newer than
// it. The linker flags strip debug information, which halves the download. When simdToolchain
// cannot be had (offline, not cached), main.wasm is a copy of the scalar build and one line
// says so on warn; the next build tries again.
func buildWasm(dir string, warn io.Writer) (compiled bool, err error) {
	sources, err := wasmSources()
	if err != nil {
		return false, err
	}
	var newest time.Time
	for _, d := range sources {
		t, err := newestModTime(d, ".go")
		if err != nil {
			return false, fmt.Errorf("build: %w", err)
		}
		if t.After(newest) {
			newest = t
		}
	}
	scalar, simd := filepath.Join(dir, wasmScalar), filepath.Join(dir, wasmSIMD)
	args := []string{"build", "-trimpath", "-ldflags=-s -w", "-o"}
	if isStale(scalar, newest) || isStale(simd, newest) {
		fmt.Fprintln(progress, "building main.wasm (the first build takes about a minute)…")
	}
	if isStale(scalar, newest) {
		compiled = true
		if err := runGo([]string{"GOOS=js", "GOARCH=wasm"}, append(args, scalar, "./wasm")...); err != nil {
			return compiled, err
		}
	}
	if !isStale(simd, newest) && !sameFile(simd, scalar) {
		return compiled, nil
	}
	if !toolchainCached(simdToolchain) {
		fmt.Fprintf(warn, "build: fetching %s for the wasm SIMD build (once, about 76 MB)…\n", simdToolchain)
	}
	if err := haveToolchain(simdToolchain); err != nil {
		fmt.Fprintf(warn, "build: %s (for the wasm SIMD build) is not available, so main.wasm is the scalar build: %v\n", simdToolchain, err)
		return compiled, copyFile(scalar, simd)
	}
	// nojsonv2: Go 1.27 backs encoding/json with json/v2, which would add ~1 MB to main.wasm
	// (~0.2 MB brotli). main.wasm links no encoding/json now (internal/minjson,
	// third_party/vjson), so the flag changes nothing; it keeps a dependency that brings
	// encoding/json back from bringing json/v2 with it.
	env := []string{"GOOS=js", "GOARCH=wasm", "GOTOOLCHAIN=" + simdToolchain, "GOEXPERIMENT=simd,nojsonv2"}
	return true, runGo(env, append(args, simd, "./wasm")...)
}

// progress is where the build says what it is doing that takes a while.
var progress io.Writer = os.Stderr

// wasmSources lists what main.wasm is built from: go.mod, go.sum and the folders of the
// packages that ./wasm imports (as the go command lists them for js/wasm) from this module
// or from a module that go.mod replaces (third_party/vjson).
func wasmSources() ([]string, error) {
	cmd := exec.Command("go", "list", "-deps", "-f", "{{if .Module}}{{if or .Module.Main .Module.Replace}}{{.Dir}}{{end}}{{end}}", "./wasm")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("build: go list ./wasm: %w", err)
	}
	return append(strings.Fields(string(out)), "go.mod", "go.sum"), nil
}

// haveToolchain asks the go command to run version (a toolchain switch, so a download on
// first use); the error is the go command's first line, e.g. that the proxy cannot be reached.
func haveToolchain(version string) error {
	cmd := exec.Command("go", "version")
	cmd.Env = append(os.Environ(), "GOTOOLCHAIN="+version)
	out, err := cmd.CombinedOutput()
	if err == nil && strings.Contains(string(out), version) {
		return nil
	}
	first, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	if first == "" && err != nil {
		first = err.Error()
	}
	return errors.New(first)
}

// toolchainCached reports whether the go command has version in its module cache already
// (where GOTOOLCHAIN switching keeps it), so that a first download can be announced.
func toolchainCached(version string) bool {
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		return false
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "golang.org", "toolchain@v0.0.1-"+version+"."+runtime.GOOS+"-"+runtime.GOARCH)
	_, err = os.Stat(dir)
	return err == nil
}

// sameFile reports whether a and b both exist with the same contents (main.wasm standing in
// for itself with the scalar build).
func sameFile(a, b string) bool {
	x, err := os.ReadFile(a)
	if err != nil {
		return false
	}
	y, err := os.ReadFile(b)
	return err == nil && bytes.Equal(x, y)
}

// copyFile copies src to dst whatever their times.
func copyFile(src, dst string) error {
	os.Remove(dst)
	return copyIfStale(src, dst)
}

// copyWasmExec copies the JS glue from the toolchain that builds main-scalar.wasm (go1.27.3's
// is the same file, so one serves both builds); since Go 1.24 it lives in lib/wasm (not
// misc/wasm, where older tools still look).
func copyWasmExec(out string) error {
	var goroot bytes.Buffer
	cmd := exec.Command("go", "env", "GOROOT")
	cmd.Stdout = &goroot
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("build: go env GOROOT: %w", err)
	}
	src := filepath.Join(strings.TrimSpace(goroot.String()), "lib", "wasm", "wasm_exec.js")
	return copyIfStale(src, out)
}

// copyAssets copies every file of the assets folder (flat) into dir.
func copyAssets(assets, dir string) error {
	entries, err := os.ReadDir(assets)
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		src, dst := filepath.Join(assets, e.Name()), filepath.Join(dir, e.Name())
		if e.Name() == "embed.html" {
			if err := writeEmbedPage(src, dst); err != nil {
				return err
			}
			continue
		}
		if err := copyIfStale(src, dst); err != nil {
			return err
		}
	}
	return nil
}

// defaultsMarker ends the line of embed.html that holds the Spec's defaults, which the
// build writes in from Go: the poster describes a network before the engine has loaded,
// and must fill in what a short link leaves out exactly as lab.Parse does.
const defaultsMarker = "// resnet:defaults"

// embedWithDefaults is embed.html with lab.Default()'s URL form on its defaults line.
func embedWithDefaults(src []byte) ([]byte, error) {
	lines := bytes.Split(src, []byte("\n"))
	found := 0
	for i, line := range lines {
		if !bytes.HasSuffix(bytes.TrimSpace(line), []byte(defaultsMarker)) {
			continue
		}
		indent := line[:len(line)-len(bytes.TrimLeft(line, " \t"))]
		lines[i] = fmt.Appendf(nil, "%sconst defaults = %q; %s", indent, lab.Default().String(), defaultsMarker)
		found++
	}
	if found != 1 {
		return nil, fmt.Errorf("build: embed.html has %d lines ending in %q, want 1", found, defaultsMarker)
	}
	return bytes.Join(lines, []byte("\n")), nil
}

// writeEmbedPage writes embedWithDefaults(src) to dst when that changes dst.
func writeEmbedPage(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	page, err := embedWithDefaults(b)
	if err != nil {
		return err
	}
	if old, err := os.ReadFile(dst); err == nil && bytes.Equal(old, page) {
		return nil
	}
	return writeAtomic(dst, page)
}

func copyIfStale(src, dst string) error {
	info, err := os.Stat(src)
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	if !isStale(dst, info.ModTime()) {
		return nil
	}
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	defer in.Close()
	tmp := dst + ".tmp"
	out, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("build: copy %s: %w", src, err)
	}
	if err := out.Close(); err != nil {
		return fmt.Errorf("build: %w", err)
	}
	return os.Rename(tmp, dst) // atomic: the server never serves half a file
}

// isStale reports whether out is missing or older than the newest source time.
func isStale(out string, newestSource time.Time) bool {
	info, err := os.Stat(out)
	return err != nil || info.ModTime().Before(newestSource)
}

// newestModTime is the latest modification time of the files under root (a file or a
// folder) whose names end in ext; go.mod and go.sum count whatever ext is.
func newestModTime(root, ext string) (time.Time, error) {
	var newest time.Time
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !(strings.HasSuffix(path, ext) || root == path) {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if info.ModTime().After(newest) {
			newest = info.ModTime()
		}
		return nil
	})
	return newest, err
}

// runGo runs the go command with extra environment variables, passing its output through so
// compile errors reach the person who typed `go run .`.
func runGo(env []string, args ...string) error {
	cmd := exec.Command("go", args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("build: go %s: %w", strings.Join(args, " "), err)
	}
	return nil
}
