// Package jsmsg carries proto.Messages across postMessage: ToJS makes a JS object of one,
// with its typed arrays ready to transfer, and FromJS reads one back. It is the only place
// that knows how a Message looks in JavaScript, and it needs GOOS=js GOARCH=wasm.
package jsmsg
