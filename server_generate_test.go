package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A .vugu file newer than the generated code makes the build regenerate it in a copy of the
// package: identical output leaves the file's bytes alone (only its time moves on, so the next
// build does not try again), a stale file is replaced whole.
func TestGenerateVuguRegeneratesOnlyWhatChanged(t *testing.T) {
	if testing.Short() {
		t.Skip("runs vugugen")
	}
	pkg := filepath.Join(t.TempDir(), "ui")
	if err := copyVuguPackage("ui", pkg); err != nil {
		t.Fatal(err)
	}
	fresh, err := os.ReadFile("ui/0_components_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	gen := filepath.Join(pkg, "0_components_gen.go")
	past := time.Now().Add(-time.Hour)
	write := func(body []byte) {
		t.Helper()
		if err := os.WriteFile(gen, body, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(gen, past, past); err != nil {
			t.Fatal(err)
		}
	}

	write(fresh)
	if err := generateVugu(pkg); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(gen)
	info, _ := os.Stat(gen)
	if !bytes.Equal(got, fresh) {
		t.Error("regenerating an up-to-date package changed 0_components_gen.go")
	}
	if !info.ModTime().After(past) {
		t.Error("an up-to-date generated file kept its old time: every build would regenerate")
	}

	write(append(fresh[:len(fresh):len(fresh)], []byte("\n// stale\n")...))
	if err := generateVugu(pkg); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(gen); !bytes.Equal(got, fresh) {
		t.Error("a stale 0_components_gen.go was not regenerated")
	}
	if _, err := os.Stat(gen + ".tmp"); !os.IsNotExist(err) {
		t.Errorf("the temporary file was left behind: %v", err)
	}
}
