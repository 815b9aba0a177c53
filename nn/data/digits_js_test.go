//go:build js

package data

import (
	"os"
	"testing"
)

// Under wasm the file is not built in; the tests provide it as the page does after a fetch.
func TestMain(m *testing.M) {
	if !DigitsLoaded() {
		if f, err := os.ReadFile("digits.bin"); err == nil {
			if err := ProvideDigits(f); err != nil {
				panic(err)
			}
		}
	}
	os.Exit(m.Run())
}
