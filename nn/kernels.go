package nn

import "math"

// The engine's hot loops: the products of a dense layer's forward and backward passes. They
// are small (a 32×16 batch times a 16×16 weight matrix while training, 256×16 chunks for the
// decision-boundary grid), where gonum's general GEMM spends more time dispatching than
// multiplying and has no assembly under WebAssembly.
//
// Every product here reduces to one primitive, mulAcc (c = c or a bias row, plus A·b), which two
// builds implement:
// kernels_simd.go (GOARCH=wasm with GOEXPERIMENT=simd: 128-bit Float64x2 lanes) and
// kernels_scalar.go (everything else: native, plain Go 1.26, browsers without wasm SIMD).
// Both compute every output element with the same operations in the same order,
//
//	c[r][j] = (…((c[r][j] + a(r,0)·b[0][j]) + a(r,1)·b[1][j]) + …) + a(r,S−1)·b[S−1][j]
//
// one multiply and one add per step, each rounded (no fused multiply-add), so the two builds
// — and a naive triple loop — give bit-identical results, and a link trains to the same
// numbers in any browser and under `go run . train`.
//
// NaN rule: IEEE arithmetic throughout. No term is skipped, not even when a(r,s) is zero
// (after a ReLU about half are): 0·NaN and 0·Inf are NaN, so a weight that has blown up
// shows in every output it touches, just as act.go lets NaN through, and divergence is seen.

// affine sets y = x·w + b for x n×k, w k×m, b 1×m, y n×m (all row-major, contiguous).
func affine(y, x, w, b []float64, n, k, m int) {
	mulAcc(y, b[:m], x, w, n, k, m, k, 1)
}

// matMul sets y = x·w for x n×k, w k×m (a bias-free affine).
func matMul(y, x, w []float64, n, k, m int) {
	clear(y[:n*m])
	mulAcc(y, nil, x, w, n, k, m, k, 1)
}

// addOuterT accumulates gw += xᵀ·dy for x n×k, dy n×m, gw k×m, the examples in order.
func addOuterT(gw, x, dy []float64, n, k, m int) {
	mulAcc(gw, nil, x, dy, k, n, m, 1, k)
}

// mulT sets dx = dy·wᵀ for dy n×m, w k×m, dx n×k. wt (at least m·k long) receives wᵀ, so the
// product runs along rows like the others: the transpose costs k·m moves against n·k·m
// multiply-adds.
func mulT(dx, dy, w, wt []float64, n, k, m int) {
	transpose(wt, w, k, m)
	clear(dx[:n*k])
	mulAcc(dx, nil, dy, wt, n, m, k, m, 1)
}

// mulAccColumn is mulAcc for column j alone, one element at a time (the odd last column).
func mulAccColumn(c, init, a, b []float64, rows, inner, cols, ars, acs, j int) {
	for r := 0; r < rows; r++ {
		v := c[r*cols+j]
		if init != nil {
			v = init[j]
		}
		for s := 0; s < inner; s++ {
			v += a[r*ars+s*acs] * b[s*cols+j]
		}
		c[r*cols+j] = v
	}
}

// transpose sets t (c×r) to the transpose of a (r×c).
func transpose(t, a []float64, r, c int) {
	t = t[:r*c]
	for i := 0; i < r; i++ {
		for j, v := range a[i*c : i*c+c] {
			t[j*r+i] = v
		}
	}
}

// adamConsts are one Adam update's numbers (optim.go): β₁, β₂, the learning rate, ε, the
// weight decay, and the bias corrections 1/(1−β₁ᵗ) and 1/(1−β₂ᵗ).
type adamConsts struct{ b1, b2, lr, eps, wd, c1, c2 float64 }

// The portable element-wise kernels: the scalar build uses them whole, the SIMD build for
// the elements left over after its lanes, so both builds round alike.

// reluGo sets y = x where !(x ≤ 0) (so NaN passes through) and +0 elsewhere (len(y) ≥ len(x)).
// Not max(v, 0): under wasm that is a runtime call, a tenth of a training step.
func reluGo(y, x []float64) {
	y = y[:len(x)]
	for i, v := range x {
		if !(v <= 0) {
			y[i] = v
		} else {
			y[i] = 0
		}
	}
}

// reluGradGo sets dx = dy where x > 0 and +0 elsewhere (len(dx), len(x) ≥ len(dy)).
func reluGradGo(dx, dy, x []float64) {
	dx, x = dx[:len(dy)], x[:len(dy)]
	for i, d := range dy {
		if x[i] > 0 {
			dx[i] = d
		} else {
			dx[i] = 0
		}
	}
}

// adamStepGo is Adam's update of the weights w from their gradients g and moments m, v (all
// len(w) long), each operation in the order kernels_simd.go's lanes take.
func adamStepGo(w, g, m, v []float64, k adamConsts) {
	g, m, v = g[:len(w)], m[:len(w)], v[:len(w)]
	for i := range w {
		gi := g[i] + k.wd*w[i]
		m[i] = k.b1*m[i] + (1-k.b1)*gi
		v[i] = k.b2*v[i] + (1-k.b2)*gi*gi
		w[i] -= k.lr * (m[i] * k.c1) / (math.Sqrt(v[i]*k.c2) + k.eps)
	}
}
