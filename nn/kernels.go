package nn

// Hand-written kernels for the small products of a narrow MLP (a 32×16 batch times a 16×16
// weight matrix). At these sizes gonum's general GEMM spends more time dispatching than
// multiplying, and under WebAssembly it has no assembly to fall back on; plain loops over
// contiguous rows, with bounds checks hoisted by reslicing, are several times faster.

// affine sets y = x·w + b for x n×k, w k×m, b 1×m, y n×m (all row-major, contiguous).
func affine(y, x, w, b []float64, n, k, m int) {
	for i := 0; i < n; i++ {
		yr := y[i*m : i*m+m]
		copy(yr, b[:m])
		xr := x[i*k : i*k+k]
		for p, xv := range xr {
			if xv == 0 { // ReLU outputs are often exactly zero
				continue
			}
			wr := w[p*m : p*m+m]
			for j := range yr {
				yr[j] += xv * wr[j]
			}
		}
	}
}

// matMul sets y = x·w for x n×k, w k×m (a bias-free affine).
func matMul(y, x, w []float64, n, k, m int) {
	for i := 0; i < n; i++ {
		yr := y[i*m : i*m+m]
		clear(yr)
		xr := x[i*k : i*k+k]
		for p, xv := range xr {
			if xv == 0 {
				continue
			}
			wr := w[p*m : p*m+m]
			for j := range yr {
				yr[j] += xv * wr[j]
			}
		}
	}
}

// addOuterT accumulates gw += xᵀ·dy for x n×k, dy n×m, gw k×m.
func addOuterT(gw, x, dy []float64, n, k, m int) {
	for i := 0; i < n; i++ {
		dr := dy[i*m : i*m+m]
		xr := x[i*k : i*k+k]
		for p, xv := range xr {
			if xv == 0 {
				continue
			}
			gr := gw[p*m : p*m+m]
			for j := range gr {
				gr[j] += xv * dr[j]
			}
		}
	}
}

// addColSums accumulates gb += the column sums of dy (n×m).
func addColSums(gb, dy []float64, n, m int) {
	gb = gb[:m]
	for i := 0; i < n; i++ {
		dr := dy[i*m : i*m+m]
		for j := range gb {
			gb[j] += dr[j]
		}
	}
}

// mulT sets dx = dy·wᵀ for dy n×m, w k×m, dx n×k.
func mulT(dx, dy, w []float64, n, k, m int) {
	for i := 0; i < n; i++ {
		dr := dy[i*m : i*m+m]
		xr := dx[i*k : i*k+k]
		for p := range xr {
			wr := w[p*m : p*m+m]
			var s float64
			for j, d := range dr {
				s += d * wr[j]
			}
			xr[p] = s
		}
	}
}
