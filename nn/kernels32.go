package nn

// The float32 kernel of inference-only forward passes (infer32.go): the decision-boundary grid,
// 10,000 points through a network whose weights change every few milliseconds, which has to be
// redrawn several times a second. Training stays float64 (kernels.go, and the README's Speed
// section for why); a picture needs only float32's seven digits, and float32 doubles the SIMD
// lanes (Float32x4 against Float64x2) and halves the memory the products stream through.
//
// One primitive, affine32: y = act(res + (b + x·w)), with the residual add and a ReLU done on
// the accumulators before they are stored, so a dense layer, its shortcut and its activation
// cost one pass over memory. Every output element takes its terms in this order,
//
//	acc = b[j] (or 0); acc += x(r,0)·w[0][j]; …; acc += x(r,k−1)·w[k−1][j]; acc += res(r,j); ReLU
//
// each product and sum rounded to float32 (no fused multiply-add), in both builds:
// kernels32_simd.go (wasm SIMD, four float32 lanes) and affine32Go here (everything else,
// through kernels32_scalar.go), so they agree to the bit, and tests hold both to a naive loop.
// The ReLU is kernels.go's: +0 where v ≤ 0, v itself otherwise (NaN passes, as in act.go).

// affine32Go is affine32 in portable Go: y (n×m) = act(res + (b + x·w)) for x n×k, w k×m,
// b (m long, or nil for none), res (n×m, or nil for none), and act ReLU when relu is set.
// y must not overlap x; it may be res. Four columns a pass keep each x element loaded once
// for four multiply-adds.
func affine32Go(y, x, w, b, res []float32, n, k, m int, relu bool) {
	if n == 0 || m == 0 {
		return
	}
	y, x, w = y[:n*m], x[:n*k], w[:k*m]
	for r := 0; r < n; r++ {
		xr, yr := x[r*k:r*k+k], y[r*m:r*m+m]
		var rr []float32
		if res != nil {
			rr = res[r*m : r*m+m]
		}
		j := 0
		for ; j+4 <= m; j += 4 {
			var s0, s1, s2, s3 float32
			if b != nil {
				s0, s1, s2, s3 = b[j], b[j+1], b[j+2], b[j+3]
			}
			wo := j
			for _, v := range xr {
				ws := (*[4]float32)(w[wo : wo+4])
				// The conversions round each product, so no compiler fuses it into the sum
				// (Go may on arm64): the SIMD lanes round both.
				s0 += float32(v * ws[0])
				s1 += float32(v * ws[1])
				s2 += float32(v * ws[2])
				s3 += float32(v * ws[3])
				wo += m
			}
			if rr != nil {
				s0, s1, s2, s3 = s0+rr[j], s1+rr[j+1], s2+rr[j+2], s3+rr[j+3]
			}
			if relu {
				s0, s1, s2, s3 = relu32(s0), relu32(s1), relu32(s2), relu32(s3)
			}
			yr[j], yr[j+1], yr[j+2], yr[j+3] = s0, s1, s2, s3
		}
		for ; j < m; j++ {
			yr[j] = affine32Element(xr, w, b, rr, m, j, relu)
		}
	}
}

// affine32Element is one output element of affine32, column j of a row whose input is xr and
// residual rr (nil for none): the odd columns past the last group of four, in both builds.
func affine32Element(xr, w, b, rr []float32, m, j int, relu bool) float32 {
	var s float32
	if b != nil {
		s = b[j]
	}
	wo := j
	for _, v := range xr {
		s += float32(v * w[wo])
		wo += m
	}
	if rr != nil {
		s += rr[j]
	}
	if relu {
		s = relu32(s)
	}
	return s
}

// relu32 is +0 where v ≤ 0 and v otherwise, so NaN passes through.
func relu32(v float32) float32 {
	if !(v <= 0) {
		return v
	}
	return 0
}
