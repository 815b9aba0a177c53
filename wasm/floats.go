package main

import (
	"encoding/binary"
	"math"

	"resnetplayground/ui"
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

// History travels as float64s: a step number is exact in a float64 up to 2⁵³, in a float32
// only up to 2²⁴ (16,777,216), which the smallest network passes in about 35 s of training.

// float64Bytes appends the little-endian bytes of f to dst.
func float64Bytes(dst []byte, f []float64) []byte {
	for _, x := range f {
		dst = binary.LittleEndian.AppendUint64(dst, math.Float64bits(x))
	}
	return dst
}

// bytesFloat64 decodes little-endian float64s; a trailing partial value is ignored.
func bytesFloat64(dst []float64, b []byte) []float64 {
	dst = dst[:0]
	for i := 0; i+8 <= len(b); i += 8 {
		dst = append(dst, math.Float64frombits(binary.LittleEndian.Uint64(b[i:])))
	}
	return dst
}

// flattenHistory lays samples out as ui.SampleFields float64s each: step, train loss, train
// accuracy, test loss, test accuracy.
func flattenHistory(samples []ui.Sample) []float64 {
	out := make([]float64, 0, ui.SampleFields*len(samples))
	for _, s := range samples {
		out = append(out, s.Step, s.TrainLoss, s.TrainAcc, s.TestLoss, s.TestAcc)
	}
	return out
}

// unflattenHistory reads what flattenHistory wrote; a trailing partial sample is ignored.
func unflattenHistory(f []float64) []ui.Sample {
	var out []ui.Sample
	for i := 0; i+ui.SampleFields <= len(f); i += ui.SampleFields {
		h := f[i : i+ui.SampleFields]
		out = append(out, ui.Sample{Step: h[0], TrainLoss: h[1], TrainAcc: h[2], TestLoss: h[3], TestAcc: h[4]})
	}
	return out
}
