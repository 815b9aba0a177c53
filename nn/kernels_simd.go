//go:build wasm && goexperiment.simd

package nn

import (
	"simd/archsimd"
	"unsafe"
)

// Kernels names the build of the kernels in this binary: "simd" or "scalar".
const Kernels = "simd"

// mulAcc sets c = c0 + A·b for c rows×cols and b inner×cols (row-major, contiguous), where
// A(r,s) = a[r·ars + s·acs] (so a may be read transposed) and c0 is each row of c as it was,
// or, when init is given (cols long), init for every row. It runs in wasm's 128-bit SIMD: two
// float64 lanes along a row of c. Each lane takes its terms in order of s with a separate
// multiply and add (Mul then Add: wasm has no fused multiply-add), exactly as
// kernels_scalar.go does, so both builds agree to the bit (kernels.go).
//
// Register-blocked: a panel of two rows by eight columns of c (eight vectors) stays in
// registers for the whole sum; per step four vector loads of b and two broadcasts of a feed
// eight multiply-adds. The panel is written out in the loop, not called: a call costs more
// under wasm than a 16-step panel.
func mulAcc(c, init, a, b []float64, rows, inner, cols, ars, acs int) {
	if rows == 0 || cols == 0 {
		return
	}
	// The 2×8 panel's inner loop reads a and b through pointers, without Go's bounds checks
	// (under wasm they cost as much as the arithmetic); these checks make every read in range.
	if inner > 0 && (len(b) < inner*cols || len(a) < (rows-1)*ars+(inner-1)*acs+1 || ars < 0 || acs < 0) {
		panic("nn: mulAcc: a or b is too short for the shapes given")
	}
	ap, bp := unsafe.Pointer(unsafe.SliceData(a)), unsafe.Pointer(unsafe.SliceData(b))
	j := 0
	for ; j+8 <= cols; j += 8 {
		var i0 *[8]float64
		if init != nil {
			i0 = (*[8]float64)(init[j : j+8])
		}
		r := 0
		for ; r+2 <= rows; r += 2 {
			c0 := (*[8]float64)(c[r*cols+j : r*cols+j+8])
			c1 := (*[8]float64)(c[(r+1)*cols+j : (r+1)*cols+j+8])
			src0, src1 := c0, c1
			if i0 != nil {
				src0, src1 = i0, i0
			}
			p00 := archsimd.LoadFloat64x2Array((*[2]float64)(src0[0:2]))
			p01 := archsimd.LoadFloat64x2Array((*[2]float64)(src0[2:4]))
			p02 := archsimd.LoadFloat64x2Array((*[2]float64)(src0[4:6]))
			p03 := archsimd.LoadFloat64x2Array((*[2]float64)(src0[6:8]))
			p10 := archsimd.LoadFloat64x2Array((*[2]float64)(src1[0:2]))
			p11 := archsimd.LoadFloat64x2Array((*[2]float64)(src1[2:4]))
			p12 := archsimd.LoadFloat64x2Array((*[2]float64)(src1[4:6]))
			p13 := archsimd.LoadFloat64x2Array((*[2]float64)(src1[6:8]))
			ao0, ao1, bo := r*ars, (r+1)*ars, j
			s := 0
			for ; s+2 <= inner; s += 2 { // two steps a pass: a loop's back edge is dear under wasm
				{
					bs := (*[8]float64)(unsafe.Add(bp, bo*8))
					x0 := archsimd.BroadcastFloat64x2(*(*float64)(unsafe.Add(ap, ao0*8)))
					x1 := archsimd.BroadcastFloat64x2(*(*float64)(unsafe.Add(ap, ao1*8)))
					b0 := archsimd.LoadFloat64x2Array((*[2]float64)(bs[0:2]))
					p00 = p00.Add(x0.Mul(b0))
					p10 = p10.Add(x1.Mul(b0))
					b1 := archsimd.LoadFloat64x2Array((*[2]float64)(bs[2:4]))
					p01 = p01.Add(x0.Mul(b1))
					p11 = p11.Add(x1.Mul(b1))
					b2 := archsimd.LoadFloat64x2Array((*[2]float64)(bs[4:6]))
					p02 = p02.Add(x0.Mul(b2))
					p12 = p12.Add(x1.Mul(b2))
					b3 := archsimd.LoadFloat64x2Array((*[2]float64)(bs[6:8]))
					p03 = p03.Add(x0.Mul(b3))
					p13 = p13.Add(x1.Mul(b3))
					ao0 += acs
					ao1 += acs
					bo += cols
				}
				{
					bs := (*[8]float64)(unsafe.Add(bp, bo*8))
					x0 := archsimd.BroadcastFloat64x2(*(*float64)(unsafe.Add(ap, ao0*8)))
					x1 := archsimd.BroadcastFloat64x2(*(*float64)(unsafe.Add(ap, ao1*8)))
					b0 := archsimd.LoadFloat64x2Array((*[2]float64)(bs[0:2]))
					p00 = p00.Add(x0.Mul(b0))
					p10 = p10.Add(x1.Mul(b0))
					b1 := archsimd.LoadFloat64x2Array((*[2]float64)(bs[2:4]))
					p01 = p01.Add(x0.Mul(b1))
					p11 = p11.Add(x1.Mul(b1))
					b2 := archsimd.LoadFloat64x2Array((*[2]float64)(bs[4:6]))
					p02 = p02.Add(x0.Mul(b2))
					p12 = p12.Add(x1.Mul(b2))
					b3 := archsimd.LoadFloat64x2Array((*[2]float64)(bs[6:8]))
					p03 = p03.Add(x0.Mul(b3))
					p13 = p13.Add(x1.Mul(b3))
					ao0 += acs
					ao1 += acs
					bo += cols
				}
			}
			if s < inner {
				bs := (*[8]float64)(unsafe.Add(bp, bo*8))
				x0 := archsimd.BroadcastFloat64x2(*(*float64)(unsafe.Add(ap, ao0*8)))
				x1 := archsimd.BroadcastFloat64x2(*(*float64)(unsafe.Add(ap, ao1*8)))
				b0 := archsimd.LoadFloat64x2Array((*[2]float64)(bs[0:2]))
				p00 = p00.Add(x0.Mul(b0))
				p10 = p10.Add(x1.Mul(b0))
				b1 := archsimd.LoadFloat64x2Array((*[2]float64)(bs[2:4]))
				p01 = p01.Add(x0.Mul(b1))
				p11 = p11.Add(x1.Mul(b1))
				b2 := archsimd.LoadFloat64x2Array((*[2]float64)(bs[4:6]))
				p02 = p02.Add(x0.Mul(b2))
				p12 = p12.Add(x1.Mul(b2))
				b3 := archsimd.LoadFloat64x2Array((*[2]float64)(bs[6:8]))
				p03 = p03.Add(x0.Mul(b3))
				p13 = p13.Add(x1.Mul(b3))
				ao0 += acs
				ao1 += acs
				bo += cols
			}
			p00.StoreArray((*[2]float64)(c0[0:2]))
			p01.StoreArray((*[2]float64)(c0[2:4]))
			p02.StoreArray((*[2]float64)(c0[4:6]))
			p03.StoreArray((*[2]float64)(c0[6:8]))
			p10.StoreArray((*[2]float64)(c1[0:2]))
			p11.StoreArray((*[2]float64)(c1[2:4]))
			p12.StoreArray((*[2]float64)(c1[4:6]))
			p13.StoreArray((*[2]float64)(c1[6:8]))
		}
		if r < rows {
			c0 := (*[8]float64)(c[r*cols+j : r*cols+j+8])
			src0 := c0
			if i0 != nil {
				src0 = i0
			}
			p00 := archsimd.LoadFloat64x2Array((*[2]float64)(src0[0:2]))
			p01 := archsimd.LoadFloat64x2Array((*[2]float64)(src0[2:4]))
			p02 := archsimd.LoadFloat64x2Array((*[2]float64)(src0[4:6]))
			p03 := archsimd.LoadFloat64x2Array((*[2]float64)(src0[6:8]))
			ao0, bo := r*ars, j
			for s := 0; s < inner; s++ {
				bs := (*[8]float64)(b[bo : bo+8])
				x0 := archsimd.BroadcastFloat64x2(a[ao0])
				p00 = p00.Add(x0.Mul(archsimd.LoadFloat64x2Array((*[2]float64)(bs[0:2]))))
				p01 = p01.Add(x0.Mul(archsimd.LoadFloat64x2Array((*[2]float64)(bs[2:4]))))
				p02 = p02.Add(x0.Mul(archsimd.LoadFloat64x2Array((*[2]float64)(bs[4:6]))))
				p03 = p03.Add(x0.Mul(archsimd.LoadFloat64x2Array((*[2]float64)(bs[6:8]))))
				ao0 += acs
				bo += cols
			}
			p00.StoreArray((*[2]float64)(c0[0:2]))
			p01.StoreArray((*[2]float64)(c0[2:4]))
			p02.StoreArray((*[2]float64)(c0[4:6]))
			p03.StoreArray((*[2]float64)(c0[6:8]))
		}
	}
	for ; j+2 <= cols; j += 2 {
		for r := 0; r < rows; r++ {
			cr := (*[2]float64)(c[r*cols+j : r*cols+j+2])
			src := cr
			if init != nil {
				src = (*[2]float64)(init[j : j+2])
			}
			acc := archsimd.LoadFloat64x2Array(src)
			ao, bo := r*ars, j
			for s := 0; s < inner; s++ {
				x := archsimd.BroadcastFloat64x2(a[ao])
				acc = acc.Add(x.Mul(archsimd.LoadFloat64x2Array((*[2]float64)(b[bo : bo+2]))))
				ao += acs
				bo += cols
			}
			acc.StoreArray(cr)
		}
	}
	if j < cols {
		mulAccColumn(c, init, a, b, rows, inner, cols, ars, acs, j)
	}
}

// relu sets y = x where !(x ≤ 0) (so NaN passes through, its bits kept) and +0 elsewhere, two
// lanes at a time: the same bits as kernels_scalar.go (not Max, which would turn −0 into −0
// and NaN into a canonical NaN).
func relu(y, x []float64) {
	y = y[:len(x)]
	zero := archsimd.BroadcastFloat64x2(0)
	i := 0
	for ; i+4 <= len(x); i += 4 {
		x4, y4 := (*[4]float64)(x[i:i+4]), (*[4]float64)(y[i:i+4])
		v0 := archsimd.LoadFloat64x2Array((*[2]float64)(x4[0:2]))
		v1 := archsimd.LoadFloat64x2Array((*[2]float64)(x4[2:4]))
		zero.IfElse(v0.LessEqual(zero), v0).StoreArray((*[2]float64)(y4[0:2]))
		zero.IfElse(v1.LessEqual(zero), v1).StoreArray((*[2]float64)(y4[2:4]))
	}
	reluGo(y[i:], x[i:])
}

// reluGrad sets dx = dy where x > 0 and +0 elsewhere, two lanes at a time.
func reluGrad(dx, dy, x []float64) {
	dx, x = dx[:len(dy)], x[:len(dy)]
	zero := archsimd.BroadcastFloat64x2(0)
	i := 0
	for ; i+2 <= len(dy); i += 2 {
		d := archsimd.LoadFloat64x2Array((*[2]float64)(dy[i : i+2]))
		xv := archsimd.LoadFloat64x2Array((*[2]float64)(x[i : i+2]))
		d.Masked(xv.Greater(zero)).StoreArray((*[2]float64)(dx[i : i+2]))
	}
	reluGradGo(dx[i:], dy[i:], x[i:])
}

// addColSums accumulates gb += the column sums of dy (n×m), the rows in order, two columns
// a lane pair.
func addColSums(gb, dy []float64, n, m int) {
	gb = gb[:m]
	j := 0
	for ; j+2 <= m; j += 2 {
		acc := archsimd.LoadFloat64x2Array((*[2]float64)(gb[j : j+2]))
		for i := 0; i < n; i++ {
			acc = acc.Add(archsimd.LoadFloat64x2Array((*[2]float64)(dy[i*m+j : i*m+j+2])))
		}
		acc.StoreArray((*[2]float64)(gb[j : j+2]))
	}
	if j < m {
		for i := 0; i < n; i++ {
			gb[j] += dy[i*m+j]
		}
	}
}

// adamStep is Adam's update (kernels_scalar.go) two weights at a time, with the scalar loop's
// operations in its order (Sqrt and Div are exactly rounded in both).
func adamStep(w, g, m, v []float64, k adamConsts) {
	g, m, v = g[:len(w)], m[:len(w)], v[:len(w)]
	b1, b2 := archsimd.BroadcastFloat64x2(k.b1), archsimd.BroadcastFloat64x2(k.b2)
	nb1, nb2 := archsimd.BroadcastFloat64x2(1-k.b1), archsimd.BroadcastFloat64x2(1-k.b2)
	lr, eps, wd := archsimd.BroadcastFloat64x2(k.lr), archsimd.BroadcastFloat64x2(k.eps), archsimd.BroadcastFloat64x2(k.wd)
	c1, c2 := archsimd.BroadcastFloat64x2(k.c1), archsimd.BroadcastFloat64x2(k.c2)
	i := 0
	for ; i+2 <= len(w); i += 2 {
		wp, mp, vp := (*[2]float64)(w[i:i+2]), (*[2]float64)(m[i:i+2]), (*[2]float64)(v[i:i+2])
		wv := archsimd.LoadFloat64x2Array(wp)
		gi := archsimd.LoadFloat64x2Array((*[2]float64)(g[i : i+2])).Add(wd.Mul(wv))
		mv := b1.Mul(archsimd.LoadFloat64x2Array(mp)).Add(nb1.Mul(gi))
		vv := b2.Mul(archsimd.LoadFloat64x2Array(vp)).Add(nb2.Mul(gi).Mul(gi))
		step := lr.Mul(mv.Mul(c1)).Div(vv.Mul(c2).Sqrt().Add(eps))
		mv.StoreArray(mp)
		vv.StoreArray(vp)
		wv.Sub(step).StoreArray(wp)
	}
	adamStepGo(w[i:], g[i:], m[i:], v[i:], k)
}
