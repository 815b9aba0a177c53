package main

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// Packages main.wasm once carried for little and no longer does; each is tens of KB of a
// first visit's brotli transfer (README, Speed: Size). A new import of one of them, by our
// code or a dependency, fails here instead of quietly growing the download.
var unwantedInWasm = map[string]string{
	"encoding/json": "internal/minjson writes and reads the page's JSON; third_party/vjson is Vugu's",
	"net/url":       "internal/urlquery does what the page needs of it",
	"log":           "internal/vugulean drops vugugen's unused import",
	"regexp":        "ui.ClipQuotes scans by hand",
}

func TestWasmLeavesOutHeavyPackages(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "./wasm")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps ./wasm: %v", err)
	}
	deps := strings.Fields(string(out))
	for pkg, instead := range unwantedInWasm {
		if slices.Contains(deps, pkg) {
			t.Errorf("main.wasm links %s again (%s): find the new import with `GOOS=js GOARCH=wasm go list -deps -f '{{.ImportPath}}: {{.Imports}}' ./wasm`", pkg, instead)
		}
	}
}
