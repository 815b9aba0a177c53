//go:build js

package lab

import (
	"os"
	"testing"

	"resnetplayground/nn/data"
)

// Under wasm the digits file is not built in; the tests provide it as the page does after
// its fetch.
func TestMain(m *testing.M) {
	if f, err := os.ReadFile("../nn/data/digits.bin"); err == nil {
		if err := data.ProvideDigits(f); err != nil {
			panic(err)
		}
	}
	os.Exit(m.Run())
}
