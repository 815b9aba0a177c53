package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"resnetplayground/internal/vugulean"
)

// generateUI brings ui/0_components_gen.go up to date with the .vugu files when one of them
// is newer. It does what `go generate ./ui` does (vugugen, then vugulean), but in a copy of the
// package in a temporary folder, and replaces the file only if the result differs, by a
// rename: a go build of ./ui running at the same moment (a test, an editor) never reads a
// half-written file. A fresh clone, whose files all carry the checkout's time, rewrites nothing.
func generateUI() error { return generateVugu("ui") }

// generateVugu is generateUI for the Vugu package in the folder pkg.
func generateVugu(pkg string) error {
	generated := filepath.Join(pkg, "0_components_gen.go")
	src, err := newestModTime(pkg, ".vugu")
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	if !isStale(generated, src) {
		return nil
	}
	tmp, err := os.MkdirTemp("", "resnet-vugugen-")
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	defer os.RemoveAll(tmp)
	dir := filepath.Join(tmp, "ui")
	if err := copyVuguPackage(pkg, dir); err != nil {
		return err
	}
	if err := runGo(nil, "tool", "vugugen", "-s", "-skip-go-mod", "-skip-main", dir); err != nil {
		return err
	}
	raw, err := os.ReadFile(filepath.Join(dir, filepath.Base(generated)))
	if err != nil {
		return fmt.Errorf("build: vugugen wrote nothing: %w", err)
	}
	want, err := vugulean.Lean(raw)
	if err != nil {
		return fmt.Errorf("build: finishing the generated code: %w", err)
	}
	if have, err := os.ReadFile(generated); err == nil && bytes.Equal(have, want) {
		now := time.Now()
		return os.Chtimes(generated, now, now) // up to date: only its time was behind
	}
	return writeAtomic(generated, want)
}

// copyVuguPackage copies what vugugen reads of a package (its .vugu and non-test .go files,
// not the generated file) from src to the new folder dst.
func copyVuguPackage(src, dst string) error {
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return fmt.Errorf("build: %w", err)
	}
	entries, err := os.ReadDir(src)
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || name == "0_components_gen.go" || strings.HasSuffix(name, "_test.go") ||
			!(strings.HasSuffix(name, ".go") || strings.HasSuffix(name, ".vugu")) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			return fmt.Errorf("build: %w", err)
		}
		if err := os.WriteFile(filepath.Join(dst, name), b, 0o644); err != nil {
			return fmt.Errorf("build: %w", err)
		}
	}
	return nil
}
