package nn

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// The kernels against naive triple loops that take each output's terms in the same order
// (kernels.go), so they must agree to the bit in both builds (make test runs this file natively,
// in wasm with the scalar kernels and in wasm with the SIMD kernels), and against gonum's GEMM
// to rounding, so the naive loops are right too.

// Ragged sizes: not multiples of the two lanes or the 2×8 and 2×4 register blocks, 1, and 0.
var kernelSizes = []int{0, 1, 2, 3, 5, 8, 9, 16, 17}

// kernelValues fills a slice of length n: random, with some exact zeros (as after a ReLU), and
// with special, when given, strewn in.
func kernelValues(rng *rand.Rand, n int, special []float64) []float64 {
	v := make([]float64, n)
	for i := range v {
		switch f := rng.Float64(); {
		case f < 0.25:
			v[i] = 0
		case f < 0.35 && len(special) > 0:
			v[i] = special[rng.IntN(len(special))]
		default:
			v[i] = rng.NormFloat64()
		}
	}
	return v
}

// sameBits reports whether a and b hold the same numbers bit for bit; NaNs match any NaN
// (wasm SIMD may return a canonical NaN where scalar code keeps the payload).
func sameBits(a, b []float64) (int, bool) {
	for i := range a {
		if math.IsNaN(a[i]) && math.IsNaN(b[i]) {
			continue
		}
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			return i, false
		}
	}
	return -1, len(a) == len(b)
}

func naiveAffine(y, x, w, b []float64, n, k, m int, bias bool) {
	for i := 0; i < n; i++ {
		for j := 0; j < m; j++ {
			s := 0.0
			if bias {
				s = b[j]
			}
			for p := 0; p < k; p++ {
				s += x[i*k+p] * w[p*m+j]
			}
			y[i*m+j] = s
		}
	}
}

func naiveAddOuterT(gw, x, dy []float64, n, k, m int) {
	for p := 0; p < k; p++ {
		for j := 0; j < m; j++ {
			s := gw[p*m+j]
			for i := 0; i < n; i++ {
				s += x[i*k+p] * dy[i*m+j]
			}
			gw[p*m+j] = s
		}
	}
}

func naiveMulT(dx, dy, w []float64, n, k, m int) {
	for i := 0; i < n; i++ {
		for p := 0; p < k; p++ {
			s := 0.0
			for j := 0; j < m; j++ {
				s += dy[i*m+j] * w[p*m+j]
			}
			dx[i*k+p] = s
		}
	}
}

func naiveColSums(gb, dy []float64, n, m int) {
	for j := 0; j < m; j++ {
		s := gb[j]
		for i := 0; i < n; i++ {
			s += dy[i*m+j]
		}
		gb[j] = s
	}
}

// checkKernels runs every kernel on n×k inputs and k×m weights against the naive loops.
func checkKernels(t *testing.T, rng *rand.Rand, n, k, m int, special []float64) {
	t.Helper()
	x, w, b := kernelValues(rng, n*k, special), kernelValues(rng, k*m, special), kernelValues(rng, m, special)
	dy, gw0, gb0 := kernelValues(rng, n*m, special), kernelValues(rng, k*m, special), kernelValues(rng, m, special)
	name := fmt.Sprintf("n=%d k=%d m=%d", n, k, m)
	check := func(kernel string, got, want []float64) {
		t.Helper()
		if i, ok := sameBits(got, want); !ok {
			t.Fatalf("%s %s: element %d is %v, the naive loop gives %v", kernel, name, i, got[i], want[i])
		}
	}
	// Outputs start as garbage: the kernels must overwrite (or, for gradients, add to) them.
	garbage := func(l int) []float64 { return kernelValues(rng, l, []float64{math.NaN()}) }

	got, want := garbage(n*m), make([]float64, n*m)
	affine(got, x, w, b, n, k, m)
	naiveAffine(want, x, w, b, n, k, m, true)
	check("affine", got, want)

	got = garbage(n * m)
	matMul(got, x, w, n, k, m)
	naiveAffine(want, x, w, nil, n, k, m, false)
	check("matMul", got, want)

	got, want = append([]float64(nil), gw0...), append([]float64(nil), gw0...)
	addOuterT(got, x, dy, n, k, m)
	naiveAddOuterT(want, x, dy, n, k, m)
	check("addOuterT", got, want)

	got, want = garbage(n*k), make([]float64, n*k)
	mulT(got, dy, w, garbage(k*m), n, k, m)
	naiveMulT(want, dy, w, n, k, m)
	check("mulT", got, want)

	got, want = append([]float64(nil), gb0...), append([]float64(nil), gb0...)
	addColSums(got, dy, n, m)
	naiveColSums(want, dy, n, m)
	check("addColSums", got, want)
}

func TestKernelsMatchNaiveLoops(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 10))
	for _, special := range [][]float64{nil, {math.NaN()}, {math.Inf(1), math.Inf(-1)}, {math.NaN(), math.Inf(1), math.Inf(-1), math.Copysign(0, -1)}} {
		for _, n := range kernelSizes {
			for _, k := range kernelSizes {
				for _, m := range kernelSizes {
					checkKernels(t, rng, n, k, m, special)
				}
			}
		}
	}
	// The shapes the engine runs: a training batch, a boundary chunk, input and output layers.
	for _, s := range [][3]int{{32, 16, 16}, {256, 16, 16}, {32, 2, 16}, {32, 16, 3}, {256, 16, 2}} {
		checkKernels(t, rng, s[0], s[1], s[2], []float64{math.NaN(), math.Inf(1)})
	}
}

// TestKernelsAgreeWithGonum checks the naive loops' arithmetic itself against gonum's GEMM.
func TestKernelsAgreeWithGonum(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, s := range [][3]int{{1, 1, 1}, {3, 5, 7}, {32, 16, 16}, {17, 9, 2}} {
		n, k, m := s[0], s[1], s[2]
		x, w, dy := kernelValues(rng, n*k, nil), kernelValues(rng, k*m, nil), kernelValues(rng, n*m, nil)
		y, gw, dx := make([]float64, n*m), make([]float64, k*m), make([]float64, n*k)
		matMul(y, x, w, n, k, m)
		addOuterT(gw, x, dy, n, k, m)
		mulT(dx, dy, w, make([]float64, k*m), n, k, m)
		X, W, DY := mat.NewDense(n, k, x), mat.NewDense(k, m, w), mat.NewDense(n, m, dy)
		var wantY, wantGW, wantDX mat.Dense
		wantY.Mul(X, W)
		wantGW.Mul(X.T(), DY)
		wantDX.Mul(DY, W.T())
		for _, c := range []struct {
			name string
			got  *mat.Dense
			want *mat.Dense
		}{{"x·W", mat.NewDense(n, m, y), &wantY}, {"xᵀ·dy", mat.NewDense(k, m, gw), &wantGW}, {"dy·Wᵀ", mat.NewDense(n, k, dx), &wantDX}} {
			if !mat.EqualApprox(c.got, c.want, 1e-12) {
				t.Errorf("%v %s: differs from gonum\n%v\nwant\n%v", s, c.name, mat.Formatted(c.got), mat.Formatted(c.want))
			}
		}
	}
}

// TestKernelsPropagateNaNThroughZeros pins the NaN rule (kernels.go): a zero input does not
// mask a NaN or infinite weight, as a skip of zero terms would.
func TestKernelsPropagateNaNThroughZeros(t *testing.T) {
	for _, bad := range []float64{math.NaN(), math.Inf(1)} {
		const n, k, m = 3, 5, 9
		x := make([]float64, n*k) // all zero, as a dead ReLU layer gives
		w := make([]float64, k*m)
		w[2*m+4] = bad
		y := make([]float64, n*m)
		affine(y, x, w, make([]float64, m), n, k, m)
		for i := 0; i < n; i++ {
			for j := 0; j < m; j++ {
				if v := y[i*m+j]; math.IsNaN(v) != (j == 4) {
					t.Errorf("weight %v: y[%d][%d] = %v; want NaN exactly in column 4 (0·%v is NaN)", bad, i, j, v, bad)
				}
			}
		}
	}
}

// BenchmarkKernels times the products on the shapes the engine runs, in multiply-adds per
// second: a boundary chunk (256×16 by 16×16) and a training batch (32×16 by 16×16).
func BenchmarkKernels(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	for _, s := range [][3]int{{256, 16, 16}, {32, 16, 16}} {
		n, k, m := s[0], s[1], s[2]
		x, w, bias, dy := kernelValues(rng, n*k, nil), kernelValues(rng, k*m, nil), kernelValues(rng, m, nil), kernelValues(rng, n*m, nil)
		y, gw, dx, wt := make([]float64, n*m), make([]float64, k*m), make([]float64, n*k), make([]float64, k*m)
		for _, c := range []struct {
			name string
			run  func()
		}{
			{"affine", func() { affine(y, x, w, bias, n, k, m) }},
			{"addOuterT", func() { addOuterT(gw, x, dy, n, k, m) }},
			{"mulT", func() { mulT(dx, dy, w, wt, n, k, m) }},
		} {
			b.Run(fmt.Sprintf("%s/%dx%dx%d", c.name, n, k, m), func(b *testing.B) {
				for b.Loop() {
					c.run()
				}
				b.ReportMetric(float64(b.N*n*k*m)/b.Elapsed().Seconds()/1e9, "Gmadd/s")
			})
		}
	}
}

// TestReLUKernel checks relu against its definition bit for bit: x where !(x ≤ 0), so NaN
// passes through, and +0 elsewhere, −0 included; on every length up to 9.
func TestReLUKernel(t *testing.T) {
	vals := []float64{1.5, -2, 0, math.Copysign(0, -1), math.NaN(), math.Inf(1), math.Inf(-1), 5e-324, -5e-324}
	for n := 0; n <= len(vals); n++ {
		for shift := range vals {
			x := make([]float64, n)
			for i := range x {
				x[i] = vals[(i+shift)%len(vals)]
			}
			y := kernelValues(rand.New(rand.NewPCG(1, uint64(n))), n, nil)
			relu(y, x)
			for i, v := range x {
				want := 0.0
				if !(v <= 0) {
					want = v
				}
				if math.Float64bits(y[i]) != math.Float64bits(want) && !(math.IsNaN(y[i]) && math.IsNaN(want)) {
					t.Fatalf("relu(%v) = %v (bits %#x), want %v", v, y[i], math.Float64bits(y[i]), want)
				}
			}
		}
	}
}

// TestReLUGradKernel checks reluGrad against its definition: dy where x > 0, +0 elsewhere
// (NaN x included), on ragged lengths with NaN and ±Inf in both inputs.
func TestReLUGradKernel(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	special := []float64{math.NaN(), math.Inf(1), math.Inf(-1), math.Copysign(0, -1)}
	for n := 0; n <= 9; n++ {
		dy, x, dx := kernelValues(rng, n, special), kernelValues(rng, n, special), kernelValues(rng, n, nil)
		reluGrad(dx, dy, x)
		want := make([]float64, n)
		for i := range want {
			if x[i] > 0 {
				want[i] = dy[i]
			}
		}
		if i, ok := sameBits(dx, want); !ok {
			t.Fatalf("n=%d: dx[%d] = %v for dy %v, x %v; want %v", n, i, dx[i], dy[i], x[i], want[i])
		}
	}
}

// TestAdamKernel checks adamStep against Adam's update written out element by element, bit
// for bit, on ragged lengths, with and without weight decay, NaN and Inf gradients included.
func TestAdamKernel(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for n := 0; n <= 9; n++ {
		for _, k := range []adamConsts{
			{0.9, 0.999, 1e-3, 1e-8, 0, 1 / (1 - 0.9), 1 / (1 - 0.999)},
			{0.8, 0.99, 0.05, 1e-6, 1e-3, 1 / (1 - 0.8*0.8*0.8), 1 / (1 - 0.99*0.99*0.99)},
		} {
			w, g := kernelValues(rng, n, nil), kernelValues(rng, n, []float64{math.NaN(), math.Inf(-1)})
			m, v := kernelValues(rng, n, nil), kernelValues(rng, n, nil)
			for i := range v {
				v[i] = math.Abs(v[i])
			}
			ww, wm, wv := append([]float64(nil), w...), append([]float64(nil), m...), append([]float64(nil), v...)
			for i := range ww {
				gi := g[i] + k.wd*ww[i]
				wm[i] = k.b1*wm[i] + (1-k.b1)*gi
				wv[i] = k.b2*wv[i] + (1-k.b2)*gi*gi
				ww[i] -= k.lr * (wm[i] * k.c1) / (math.Sqrt(wv[i]*k.c2) + k.eps)
			}
			adamStep(w, g, m, v, k)
			for _, c := range []struct {
				name      string
				got, want []float64
			}{{"w", w, ww}, {"m", m, wm}, {"v", v, wv}} {
				if i, ok := sameBits(c.got, c.want); !ok {
					t.Fatalf("n=%d %+v: %s[%d] = %v, want %v", n, k, c.name, i, c.got[i], c.want[i])
				}
			}
		}
	}
}

// TestMulAccRejectsShortInputs: the SIMD kernel reads without bounds checks, after checking the
// lengths once; a slice too short for the shapes must panic, not read past its end.
func TestMulAccRejectsShortInputs(t *testing.T) {
	for _, c := range []struct {
		name    string
		a, b, c int // lengths, for rows 4, inner 3, cols 8 (a by rows)
	}{{"short a", 11, 24, 32}, {"short b", 12, 23, 32}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: mulAcc did not panic", c.name)
				}
			}()
			mulAcc(make([]float64, c.c), nil, make([]float64, c.a), make([]float64, c.b), 4, 3, 8, 3, 1)
		}()
	}
}
