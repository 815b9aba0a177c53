//go:build !(wasm && goexperiment.simd)

package nn

// affine32 sets y = act(res + (b + x·w)) (kernels32.go); without wasm SIMD, in portable Go.
func affine32(y, x, w, b, res []float32, n, k, m int, relu bool) {
	affine32Go(y, x, w, b, res, n, k, m, relu)
}
