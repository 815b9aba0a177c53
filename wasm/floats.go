package main

import (
	"encoding/binary"
	"math"
)

// Typed arrays cross postMessage as bytes: a Float32Array is copied into Go as its bytes
// (little-endian, as wasm and every browser are) and decoded here, and the other way round.

// float32Bytes appends the little-endian bytes of f to dst.
func float32Bytes(dst []byte, f []float32) []byte {
	for _, x := range f {
		dst = binary.LittleEndian.AppendUint32(dst, math.Float32bits(x))
	}
	return dst
}

// bytesFloat32 decodes little-endian float32s; a trailing partial value is ignored.
func bytesFloat32(dst []float32, b []byte) []float32 {
	dst = dst[:0]
	for i := 0; i+4 <= len(b); i += 4 {
		dst = append(dst, math.Float32frombits(binary.LittleEndian.Uint32(b[i:])))
	}
	return dst
}
