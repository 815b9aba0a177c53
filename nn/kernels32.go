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
// y must not overlap x; it may be res. Register-blocked like kernels_scalar.go's mulAcc: two
// rows by four columns stay in locals for the whole sum, so each w element loaded serves two
// rows and each x element four columns.
func affine32Go(y, x, w, b, res []float32, n, k, m int, relu bool) {
	if n == 0 || m == 0 {
		return
	}
	y, x, w = y[:n*m], x[:n*k], w[:k*m]
	j := 0
	for ; j+4 <= m; j += 4 {
		var b0, b1, b2, b3 float32
		if b != nil {
			b0, b1, b2, b3 = b[j], b[j+1], b[j+2], b[j+3]
		}
		r := 0
		for ; r+2 <= n; r += 2 {
			s00, s01, s02, s03 := b0, b1, b2, b3
			s10, s11, s12, s13 := b0, b1, b2, b3
			x0, x1 := x[r*k:r*k+k], x[(r+1)*k:(r+1)*k+k]
			wo := j
			for p, v0 := range x0 {
				ws := (*[4]float32)(w[wo : wo+4])
				v1 := x1[p]
				// The conversions round each product, so no compiler fuses it into the sum
				// (Go may on arm64): the SIMD lanes round both.
				s00 += float32(v0 * ws[0])
				s01 += float32(v0 * ws[1])
				s02 += float32(v0 * ws[2])
				s03 += float32(v0 * ws[3])
				s10 += float32(v1 * ws[0])
				s11 += float32(v1 * ws[1])
				s12 += float32(v1 * ws[2])
				s13 += float32(v1 * ws[3])
				wo += m
			}
			y0, y1 := (*[4]float32)(y[r*m+j:r*m+j+4]), (*[4]float32)(y[(r+1)*m+j:(r+1)*m+j+4])
			if res != nil {
				r0, r1 := (*[4]float32)(res[r*m+j:r*m+j+4]), (*[4]float32)(res[(r+1)*m+j:(r+1)*m+j+4])
				s00, s01, s02, s03 = s00+r0[0], s01+r0[1], s02+r0[2], s03+r0[3]
				s10, s11, s12, s13 = s10+r1[0], s11+r1[1], s12+r1[2], s13+r1[3]
			}
			if relu {
				s00, s01, s02, s03 = relu32(s00), relu32(s01), relu32(s02), relu32(s03)
				s10, s11, s12, s13 = relu32(s10), relu32(s11), relu32(s12), relu32(s13)
			}
			y0[0], y0[1], y0[2], y0[3] = s00, s01, s02, s03
			y1[0], y1[1], y1[2], y1[3] = s10, s11, s12, s13
		}
		if r < n { // the odd last row
			var rr []float32
			if res != nil {
				rr = res[r*m : r*m+m]
			}
			for c := j; c < j+4; c++ {
				y[r*m+c] = affine32Element(x[r*k:r*k+k], w, b, rr, m, c, relu)
			}
		}
	}
	for ; j < m; j++ {
		for r := 0; r < n; r++ {
			var rr []float32
			if res != nil {
				rr = res[r*m : r*m+m]
			}
			y[r*m+j] = affine32Element(x[r*k:r*k+k], w, b, rr, m, j, relu)
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
