package proto

import (
	"encoding/binary"
	"math"
)

// Typed arrays cross into and out of Go as their bytes (little-endian, as wasm and every
// browser are): these turn a Message's []float32 and []float64 into bytes for a JS typed
// array, and a typed array's bytes back.

// Float32Bytes appends the little-endian bytes of f to dst.
func Float32Bytes(dst []byte, f []float32) []byte {
	for _, x := range f {
		dst = binary.LittleEndian.AppendUint32(dst, math.Float32bits(x))
	}
	return dst
}

// BytesFloat32 decodes little-endian float32s into dst[:0]; a trailing partial value is
// ignored.
func BytesFloat32(dst []float32, b []byte) []float32 {
	dst = dst[:0]
	for i := 0; i+4 <= len(b); i += 4 {
		dst = append(dst, math.Float32frombits(binary.LittleEndian.Uint32(b[i:])))
	}
	return dst
}

// History travels as float64s: a step number is exact in a float64 up to 2⁵³, in a float32
// only up to 2²⁴ (16,777,216), which the smallest network passes in about 35 s of training.

// Float64Bytes appends the little-endian bytes of f to dst.
func Float64Bytes(dst []byte, f []float64) []byte {
	for _, x := range f {
		dst = binary.LittleEndian.AppendUint64(dst, math.Float64bits(x))
	}
	return dst
}

// BytesFloat64 decodes little-endian float64s into dst[:0]; a trailing partial value is
// ignored.
func BytesFloat64(dst []float64, b []byte) []float64 {
	dst = dst[:0]
	for i := 0; i+8 <= len(b); i += 8 {
		dst = append(dst, math.Float64frombits(binary.LittleEndian.Uint64(b[i:])))
	}
	return dst
}
