package nn

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// affine32 (the SIMD kernel in the SIMD build, affine32Go otherwise) and affine32Go against a
// naive loop taking each element's terms in kernels32.go's order, bit for bit, on ragged shapes
// (not multiples of the four lanes or of the 2×16 panel, 1 and 0), with NaN, ±Inf and −0 strewn
// in: make test runs this natively, in wasm with the scalar kernels and in wasm with SIMD, so the
// builds agree with the loop and with each other.

func values32(rng *rand.Rand, n int, special []float64) []float32 {
	v := kernelValues(rng, n, special)
	out := make([]float32, n)
	for i, x := range v {
		out[i] = float32(x)
	}
	return out
}

func naiveAffine32(y, x, w, b, res []float32, n, k, m int, relu bool) {
	for r := 0; r < n; r++ {
		for j := 0; j < m; j++ {
			var s float32
			if b != nil {
				s = b[j]
			}
			for p := 0; p < k; p++ {
				s += float32(x[r*k+p] * w[p*m+j])
			}
			if res != nil {
				s += res[r*m+j]
			}
			if relu && s <= 0 {
				s = 0
			}
			y[r*m+j] = s
		}
	}
}

func sameBits32(a, b []float32) (int, bool) {
	for i := range a {
		if a[i] != a[i] && b[i] != b[i] { // NaN matches any NaN (kernels_test.go: sameBits)
			continue
		}
		if math.Float32bits(a[i]) != math.Float32bits(b[i]) {
			return i, false
		}
	}
	return -1, len(a) == len(b)
}

var kernel32Sizes = []int{0, 1, 2, 3, 4, 5, 15, 16, 17, 33}

func TestAffine32MatchesNaiveLoop(t *testing.T) {
	rng := rand.New(rand.NewPCG(32, 1))
	specials := [][]float64{nil, {math.NaN()}, {math.Inf(1), math.Inf(-1)}, {math.NaN(), math.Inf(1), math.Inf(-1), math.Copysign(0, -1)}}
	check := func(n, k, m int, special []float64, bias, residual, relu bool) {
		t.Helper()
		x, w := values32(rng, n*k, special), values32(rng, k*m, special)
		var b, res []float32
		if bias {
			b = values32(rng, m, special)
		}
		if residual {
			res = values32(rng, n*m, special)
		}
		want := make([]float32, n*m)
		naiveAffine32(want, x, w, b, res, n, k, m, relu)
		for _, kernel := range []struct {
			name string
			run  func(y, x, w, b, res []float32, n, k, m int, relu bool)
		}{{"affine32 (" + Kernels + ")", affine32}, {"affine32Go", affine32Go}} {
			got := values32(rng, n*m, []float64{math.NaN()}) // garbage the kernel must overwrite
			kernel.run(got, x, w, b, res, n, k, m, relu)
			if i, ok := sameBits32(got, want); !ok {
				t.Fatalf("%s n=%d k=%d m=%d bias=%v res=%v relu=%v special=%v: element %d is %v, the naive loop gives %v",
					kernel.name, n, k, m, bias, residual, relu, special, i, got[i], want[i])
			}
		}
	}
	for _, special := range specials {
		for _, n := range kernel32Sizes {
			for _, k := range kernel32Sizes {
				for _, m := range kernel32Sizes {
					for mode := range 8 {
						check(n, k, m, special, mode&1 != 0, mode&2 != 0, mode&4 != 0)
					}
				}
			}
		}
	}
	// The shapes the boundary grid runs: input, hidden and output layers of a 256-row chunk.
	for _, s := range [][3]int{{256, 2, 16}, {256, 16, 16}, {256, 16, 3}, {255, 16, 8}, {256, 8, 32}} {
		check(s[0], s[1], s[2], nil, true, true, true)
		check(s[0], s[1], s[2], []float64{math.NaN(), math.Inf(1)}, true, false, true)
	}
}

// TestAffine32ReLUAndNaNRule pins the edge cases by value: ReLU gives +0 for −0 and for
// negatives, keeps NaN, and a zero input does not mask a NaN or infinite weight (0·Inf is NaN).
func TestAffine32ReLUAndNaNRule(t *testing.T) {
	inf := float32(math.Inf(1))
	nan := float32(math.NaN())
	for _, kernel := range []func(y, x, w, b, res []float32, n, k, m int, relu bool){affine32, affine32Go} {
		// 1×1 through 1×20 columns: the vector panel, the 4-lane edge and the scalar tail.
		for m := 1; m <= 20; m++ {
			b := make([]float32, m)
			for j := range b {
				b[j] = []float32{-1, float32(math.Copysign(0, -1)), 2, nan}[j%4]
			}
			y := make([]float32, m)
			kernel(y, []float32{0}, make([]float32, m), b, nil, 1, 1, m, true)
			for j, v := range y {
				switch j % 4 {
				case 0, 1:
					if math.Float32bits(v) != 0 {
						t.Errorf("m=%d: relu(%v) = %v (bits %#x), want +0", m, b[j], v, math.Float32bits(v))
					}
				case 2:
					if v != 2 {
						t.Errorf("m=%d: relu(2) = %v", m, v)
					}
				case 3:
					if v == v {
						t.Errorf("m=%d: relu(NaN) = %v, want NaN", m, v)
					}
				}
			}
			w := make([]float32, 3*m)
			w[m+m-1] = inf // row 1, last column
			y = make([]float32, 2*m)
			kernel(y, make([]float32, 6), w, nil, nil, 2, 3, m, false)
			for j, v := range y {
				if (v != v) != (j%m == m-1) {
					t.Errorf("m=%d: y[%d] = %v; want NaN exactly in the last column (0·Inf)", m, j, v)
				}
			}
		}
		kernel(nil, nil, nil, nil, nil, 0, 5, 3, true) // empty: nothing to do, nothing read
	}
}

// BenchmarkKernels32 times affine32 on the boundary grid's hidden layer (a 256-row chunk by
// 16×16, ReLU in the product), in multiply-adds per second: against BenchmarkKernels/affine,
// what float32 buys.
func BenchmarkKernels32(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	for _, s := range [][3]int{{256, 16, 16}, {256, 16, 3}} {
		n, k, m := s[0], s[1], s[2]
		x, w, bias, y := values32(rng, n*k, nil), values32(rng, k*m, nil), values32(rng, m, nil), make([]float32, n*m)
		b.Run(fmt.Sprintf("%dx%dx%d", n, k, m), func(b *testing.B) {
			for b.Loop() {
				affine32(y, x, w, bias, nil, n, k, m, true)
			}
			b.ReportMetric(float64(b.N*n*k*m)/b.Elapsed().Seconds()/1e9, "Gmadd/s")
		})
	}
}
