package nn

// Hand-written kernels for the small products of a narrow MLP (a 32×16 batch times a 16×16
// weight matrix). At these sizes gonum's general GEMM spends more time dispatching than
// multiplying, and under WebAssembly it has no assembly to fall back on. Plain loops over
// contiguous rows do better, provided every slice is resliced to a length the compiler can
// see, so that no bounds check is left in an inner loop (Go's wasm backend keeps them all
// otherwise), and the inner loop is unrolled by four.

// axpy adds a·x to y (len(x) ≥ len(y)).
func axpy(y []float64, a float64, x []float64) {
	x = x[:len(y)]
	j := 0
	for ; j+4 <= len(y); j += 4 {
		y4, x4 := y[j:j+4:j+4], x[j:j+4:j+4]
		y4[0] += a * x4[0]
		y4[1] += a * x4[1]
		y4[2] += a * x4[2]
		y4[3] += a * x4[3]
	}
	for ; j < len(y); j++ {
		y[j] += a * x[j]
	}
}

// dotProduct is Σ x[j]·y[j] (len(y) ≥ len(x)).
func dotProduct(x, y []float64) float64 {
	y = y[:len(x)]
	var s0, s1, s2, s3 float64
	j := 0
	for ; j+4 <= len(x); j += 4 {
		x4, y4 := x[j:j+4:j+4], y[j:j+4:j+4]
		s0 += x4[0] * y4[0]
		s1 += x4[1] * y4[1]
		s2 += x4[2] * y4[2]
		s3 += x4[3] * y4[3]
	}
	for ; j < len(x); j++ {
		s0 += x[j] * y[j]
	}
	return (s0 + s1) + (s2 + s3)
}

// affine sets y = x·w + b for x n×k, w k×m, b 1×m, y n×m (all row-major, contiguous).
func affine(y, x, w, b []float64, n, k, m int) {
	for i := 0; i < n; i++ {
		yr := y[i*m : i*m+m]
		copy(yr, b[:m])
		accumulateRow(yr, x[i*k:i*k+k], w, m)
	}
}

// matMul sets y = x·w for x n×k, w k×m (a bias-free affine).
func matMul(y, x, w []float64, n, k, m int) {
	for i := 0; i < n; i++ {
		yr := y[i*m : i*m+m]
		clear(yr)
		accumulateRow(yr, x[i*k:i*k+k], w, m)
	}
}

// accumulateRow adds xr·w to the row yr, w being len(xr)×m. Four rows of w are combined per
// pass over yr, so yr is loaded and stored a quarter as often.
func accumulateRow(yr, xr, w []float64, m int) {
	p := 0
	for ; p+4 <= len(xr); p += 4 {
		x4 := xr[p : p+4 : p+4]
		if x4[0] == 0 && x4[1] == 0 && x4[2] == 0 && x4[3] == 0 {
			continue // common after a ReLU
		}
		axpy4(yr, x4[0], x4[1], x4[2], x4[3], w[p*m:p*m+m], w[(p+1)*m:(p+1)*m+m], w[(p+2)*m:(p+2)*m+m], w[(p+3)*m:(p+3)*m+m])
	}
	for ; p < len(xr); p++ {
		if xr[p] != 0 {
			axpy(yr, xr[p], w[p*m:p*m+m])
		}
	}
}

// axpy4 adds a·u + b·v + c·w + d·z to y (all at least len(y) long), two elements a pass.
func axpy4(y []float64, a, b, c, d float64, u, v, w, z []float64) {
	u, v, w, z = u[:len(y)], v[:len(y)], w[:len(y)], z[:len(y)]
	j := 0
	for ; j+2 <= len(y); j += 2 {
		y2, u2, v2, w2, z2 := y[j:j+2:j+2], u[j:j+2:j+2], v[j:j+2:j+2], w[j:j+2:j+2], z[j:j+2:j+2]
		y2[0] += a*u2[0] + b*v2[0] + c*w2[0] + d*z2[0]
		y2[1] += a*u2[1] + b*v2[1] + c*w2[1] + d*z2[1]
	}
	if j < len(y) {
		y[j] += a*u[j] + b*v[j] + c*w[j] + d*z[j]
	}
}

// addOuterT accumulates gw += xᵀ·dy for x n×k, dy n×m, gw k×m, four examples at a time.
func addOuterT(gw, x, dy []float64, n, k, m int) {
	i := 0
	for ; i+4 <= n; i += 4 {
		d0, d1, d2, d3 := dy[i*m:i*m+m], dy[(i+1)*m:(i+1)*m+m], dy[(i+2)*m:(i+2)*m+m], dy[(i+3)*m:(i+3)*m+m]
		x0, x1, x2, x3 := x[i*k:i*k+k], x[(i+1)*k:(i+1)*k+k], x[(i+2)*k:(i+2)*k+k], x[(i+3)*k:(i+3)*k+k]
		x1, x2, x3 = x1[:len(x0)], x2[:len(x0)], x3[:len(x0)]
		for p, a := range x0 {
			b, c, d := x1[p], x2[p], x3[p]
			if a == 0 && b == 0 && c == 0 && d == 0 {
				continue
			}
			axpy4(gw[p*m:p*m+m], a, b, c, d, d0, d1, d2, d3)
		}
	}
	for ; i < n; i++ {
		dr := dy[i*m : i*m+m]
		for p, xv := range x[i*k : i*k+k] {
			if xv != 0 {
				axpy(gw[p*m:p*m+m], xv, dr)
			}
		}
	}
}

// addColSums accumulates gb += the column sums of dy (n×m).
func addColSums(gb, dy []float64, n, m int) {
	gb = gb[:m]
	for i := 0; i < n; i++ {
		axpy(gb, 1, dy[i*m:i*m+m])
	}
}

// mulT sets dx = dy·wᵀ for dy n×m, w k×m, dx n×k: four dot products per pass over a row of dy.
func mulT(dx, dy, w []float64, n, k, m int) {
	for i := 0; i < n; i++ {
		dr := dy[i*m : i*m+m]
		xr := dx[i*k : i*k+k]
		p := 0
		for ; p+4 <= len(xr); p += 4 {
			x4 := xr[p : p+4 : p+4]
			x4[0], x4[1], x4[2], x4[3] = dot4(dr, w[p*m:p*m+m], w[(p+1)*m:(p+1)*m+m], w[(p+2)*m:(p+2)*m+m], w[(p+3)*m:(p+3)*m+m])
		}
		for ; p < len(xr); p++ {
			xr[p] = dotProduct(dr, w[p*m:p*m+m])
		}
	}
}

// dot4 returns the dot products of d with u, v, w and z (each at least len(d) long).
func dot4(d, u, v, w, z []float64) (a, b, c, e float64) {
	u, v, w, z = u[:len(d)], v[:len(d)], w[:len(d)], z[:len(d)]
	for j, x := range d {
		a += x * u[j]
		b += x * v[j]
		c += x * w[j]
		e += x * z[j]
	}
	return a, b, c, e
}
