//go:build !(wasm && goexperiment.simd)

package nn

// Kernels names the build of the kernels in this binary: "simd" or "scalar".
const Kernels = "scalar"

// mulAcc sets c = c0 + A·b for c rows×cols and b inner×cols (row-major, contiguous), where
// A(r,s) = a[r·ars + s·acs] (so a may be read transposed) and c0 is each row of c as it was,
// or, when init is given (cols long), init for every row. Each c element takes its terms in
// order of s, one rounded multiply and one rounded add each: the order kernels_simd.go's lanes
// follow, so both builds agree to the bit (kernels.go).
//
// Register-blocked: two rows by four columns of c stay in locals for the whole sum, so each
// b element loaded serves two rows and each a element four columns.
func mulAcc(c, init, a, b []float64, rows, inner, cols, ars, acs int) {
	if rows == 0 || cols == 0 {
		return
	}
	j := 0
	for ; j+4 <= cols; j += 4 {
		var i0 *[4]float64
		if init != nil {
			i0 = (*[4]float64)(init[j : j+4])
		}
		r := 0
		for ; r+2 <= rows; r += 2 {
			c0 := (*[4]float64)(c[r*cols+j : r*cols+j+4])
			c1 := (*[4]float64)(c[(r+1)*cols+j : (r+1)*cols+j+4])
			src0, src1 := c0, c1
			if i0 != nil {
				src0, src1 = i0, i0
			}
			s00, s01, s02, s03 := src0[0], src0[1], src0[2], src0[3]
			s10, s11, s12, s13 := src1[0], src1[1], src1[2], src1[3]
			ao0, ao1, bo := r*ars, (r+1)*ars, j
			for s := 0; s < inner; s++ {
				bs := (*[4]float64)(b[bo : bo+4])
				x0, x1 := a[ao0], a[ao1]
				s00 += x0 * bs[0]
				s01 += x0 * bs[1]
				s02 += x0 * bs[2]
				s03 += x0 * bs[3]
				s10 += x1 * bs[0]
				s11 += x1 * bs[1]
				s12 += x1 * bs[2]
				s13 += x1 * bs[3]
				ao0 += acs
				ao1 += acs
				bo += cols
			}
			c0[0], c0[1], c0[2], c0[3] = s00, s01, s02, s03
			c1[0], c1[1], c1[2], c1[3] = s10, s11, s12, s13
		}
		if r < rows {
			c0 := (*[4]float64)(c[r*cols+j : r*cols+j+4])
			src0 := c0
			if i0 != nil {
				src0 = i0
			}
			s0, s1, s2, s3 := src0[0], src0[1], src0[2], src0[3]
			ao, bo := r*ars, j
			for s := 0; s < inner; s++ {
				bs := (*[4]float64)(b[bo : bo+4])
				x := a[ao]
				s0 += x * bs[0]
				s1 += x * bs[1]
				s2 += x * bs[2]
				s3 += x * bs[3]
				ao += acs
				bo += cols
			}
			c0[0], c0[1], c0[2], c0[3] = s0, s1, s2, s3
		}
	}
	for ; j < cols; j++ {
		mulAccColumn(c, init, a, b, rows, inner, cols, ars, acs, j)
	}
}

// relu sets y = x where !(x ≤ 0) and +0 elsewhere (reluGo); without wasm SIMD, in portable Go.
func relu(y, x []float64) { reluGo(y, x) }

// reluGrad sets dx = dy where x > 0 and +0 elsewhere (reluGradGo).
func reluGrad(dx, dy, x []float64) { reluGradGo(dx, dy, x) }

// addColSums accumulates gb += the column sums of dy (n×m), the rows in order.
func addColSums(gb, dy []float64, n, m int) {
	gb = gb[:m]
	for i := 0; i < n; i++ {
		for j, v := range dy[i*m : i*m+m] {
			gb[j] += v
		}
	}
}

// adamStep is Adam's update (adamStepGo).
func adamStep(w, g, m, v []float64, k adamConsts) { adamStepGo(w, g, m, v, k) }
