package ui

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"resnetplayground/internal/vugulean"
)

// The generated 0_components_gen.go must be what `go generate ./ui` makes of the .vugu files
// as they are: a .vugu edit without a regenerate would ship the old page. The test generates
// the package again in a temporary folder (the same commands as app.go's go:generate lines)
// and compares.
func TestGeneratedComponentsAreFresh(t *testing.T) {
	if testing.Short() {
		t.Skip("runs vugugen")
	}
	dir := filepath.Join(t.TempDir(), "ui")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	sources, _ := filepath.Glob("*")
	for _, name := range sources {
		if name == "0_components_gen.go" || strings.HasSuffix(name, "_test.go") ||
			!(strings.HasSuffix(name, ".go") || strings.HasSuffix(name, ".vugu")) {
			continue
		}
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gen := filepath.Join(dir, "0_components_gen.go")
	if out, err := exec.Command("go", "tool", "vugugen", "-s", "-skip-go-mod", "-skip-main", dir).CombinedOutput(); err != nil {
		t.Fatalf("vugugen: %v\n%s", err, out)
	}
	raw, err := os.ReadFile(gen)
	if err != nil {
		t.Fatal(err)
	}
	want, err := vugulean.Lean(raw) // what the second go:generate line does
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("0_components_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("ui/0_components_gen.go is stale: run `go generate ./ui` and commit the result")
	}
}
