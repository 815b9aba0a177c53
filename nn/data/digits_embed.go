//go:build !js

package data

import _ "embed"

// Native programs (the CLI, tests) carry the digits file; main.wasm does not (see
// digits_source.go).
//
//go:embed digits.bin
var embeddedDigits []byte

func init() { digitsSource.file = embeddedDigits }
