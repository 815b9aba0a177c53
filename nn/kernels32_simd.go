//go:build wasm && goexperiment.simd

package nn

import (
	"simd/archsimd"
	"unsafe"
)

// affine32 sets y = act(res + (b + x·w)) (kernels32.go) in wasm's 128-bit SIMD, four float32
// lanes along a row of y, each lane taking its terms in affine32Go's order (Mul then Add, no
// fused multiply-add), so both builds agree to the bit.
//
// Register-blocked like kernels_simd.go's mulAcc: a panel of two rows by sixteen columns (eight
// vectors) stays in registers for the whole sum; per step four vector loads of w and two
// broadcasts of x feed eight multiply-adds, and the residual and the ReLU are applied to the
// panel before it is stored. The panel is written out, not called (a call costs more under
// wasm than a 16-step panel).
func affine32(y, x, w, b, res []float32, n, k, m int, relu bool) {
	if n == 0 || m == 0 {
		return
	}
	// The panel reads x and w through pointers, without Go's bounds checks (under wasm they
	// cost as much as the arithmetic); these checks make every read in range.
	if len(y) < n*m || len(x) < n*k || len(w) < k*m || (b != nil && len(b) < m) || (res != nil && len(res) < n*m) {
		panic("nn: affine32: a slice is too short for the shapes given")
	}
	xp, wp := unsafe.Pointer(unsafe.SliceData(x)), unsafe.Pointer(unsafe.SliceData(w))
	zero := archsimd.BroadcastFloat32x4(0)
	j := 0
	for ; j+16 <= m; j += 16 {
		b0, b1, b2, b3 := zero, zero, zero, zero
		if b != nil {
			bs := (*[16]float32)(b[j : j+16])
			b0 = archsimd.LoadFloat32x4Array((*[4]float32)(bs[0:4]))
			b1 = archsimd.LoadFloat32x4Array((*[4]float32)(bs[4:8]))
			b2 = archsimd.LoadFloat32x4Array((*[4]float32)(bs[8:12]))
			b3 = archsimd.LoadFloat32x4Array((*[4]float32)(bs[12:16]))
		}
		r := 0
		for ; r+2 <= n; r += 2 {
			p00, p01, p02, p03 := b0, b1, b2, b3
			p10, p11, p12, p13 := b0, b1, b2, b3
			xo0, xo1, wo := r*k, (r+1)*k, j
			s := 0
			for ; s+2 <= k; s += 2 { // two steps a pass: a loop's back edge is dear under wasm
				{
					ws := (*[16]float32)(unsafe.Add(wp, wo*4))
					x0 := archsimd.BroadcastFloat32x4(*(*float32)(unsafe.Add(xp, xo0*4)))
					x1 := archsimd.BroadcastFloat32x4(*(*float32)(unsafe.Add(xp, xo1*4)))
					w0 := archsimd.LoadFloat32x4Array((*[4]float32)(ws[0:4]))
					p00 = p00.Add(x0.Mul(w0))
					p10 = p10.Add(x1.Mul(w0))
					w1 := archsimd.LoadFloat32x4Array((*[4]float32)(ws[4:8]))
					p01 = p01.Add(x0.Mul(w1))
					p11 = p11.Add(x1.Mul(w1))
					w2 := archsimd.LoadFloat32x4Array((*[4]float32)(ws[8:12]))
					p02 = p02.Add(x0.Mul(w2))
					p12 = p12.Add(x1.Mul(w2))
					w3 := archsimd.LoadFloat32x4Array((*[4]float32)(ws[12:16]))
					p03 = p03.Add(x0.Mul(w3))
					p13 = p13.Add(x1.Mul(w3))
					xo0++
					xo1++
					wo += m
				}
				{
					ws := (*[16]float32)(unsafe.Add(wp, wo*4))
					x0 := archsimd.BroadcastFloat32x4(*(*float32)(unsafe.Add(xp, xo0*4)))
					x1 := archsimd.BroadcastFloat32x4(*(*float32)(unsafe.Add(xp, xo1*4)))
					w0 := archsimd.LoadFloat32x4Array((*[4]float32)(ws[0:4]))
					p00 = p00.Add(x0.Mul(w0))
					p10 = p10.Add(x1.Mul(w0))
					w1 := archsimd.LoadFloat32x4Array((*[4]float32)(ws[4:8]))
					p01 = p01.Add(x0.Mul(w1))
					p11 = p11.Add(x1.Mul(w1))
					w2 := archsimd.LoadFloat32x4Array((*[4]float32)(ws[8:12]))
					p02 = p02.Add(x0.Mul(w2))
					p12 = p12.Add(x1.Mul(w2))
					w3 := archsimd.LoadFloat32x4Array((*[4]float32)(ws[12:16]))
					p03 = p03.Add(x0.Mul(w3))
					p13 = p13.Add(x1.Mul(w3))
					xo0++
					xo1++
					wo += m
				}
			}
			if s < k {
				ws := (*[16]float32)(unsafe.Add(wp, wo*4))
				x0 := archsimd.BroadcastFloat32x4(*(*float32)(unsafe.Add(xp, xo0*4)))
				x1 := archsimd.BroadcastFloat32x4(*(*float32)(unsafe.Add(xp, xo1*4)))
				w0 := archsimd.LoadFloat32x4Array((*[4]float32)(ws[0:4]))
				p00 = p00.Add(x0.Mul(w0))
				p10 = p10.Add(x1.Mul(w0))
				w1 := archsimd.LoadFloat32x4Array((*[4]float32)(ws[4:8]))
				p01 = p01.Add(x0.Mul(w1))
				p11 = p11.Add(x1.Mul(w1))
				w2 := archsimd.LoadFloat32x4Array((*[4]float32)(ws[8:12]))
				p02 = p02.Add(x0.Mul(w2))
				p12 = p12.Add(x1.Mul(w2))
				w3 := archsimd.LoadFloat32x4Array((*[4]float32)(ws[12:16]))
				p03 = p03.Add(x0.Mul(w3))
				p13 = p13.Add(x1.Mul(w3))
				xo0++
				xo1++
				wo += m
			}
			y0 := (*[16]float32)(y[r*m+j : r*m+j+16])
			y1 := (*[16]float32)(y[(r+1)*m+j : (r+1)*m+j+16])
			if res != nil {
				r0 := (*[16]float32)(res[r*m+j : r*m+j+16])
				r1 := (*[16]float32)(res[(r+1)*m+j : (r+1)*m+j+16])
				p00 = p00.Add(archsimd.LoadFloat32x4Array((*[4]float32)(r0[0:4])))
				p01 = p01.Add(archsimd.LoadFloat32x4Array((*[4]float32)(r0[4:8])))
				p02 = p02.Add(archsimd.LoadFloat32x4Array((*[4]float32)(r0[8:12])))
				p03 = p03.Add(archsimd.LoadFloat32x4Array((*[4]float32)(r0[12:16])))
				p10 = p10.Add(archsimd.LoadFloat32x4Array((*[4]float32)(r1[0:4])))
				p11 = p11.Add(archsimd.LoadFloat32x4Array((*[4]float32)(r1[4:8])))
				p12 = p12.Add(archsimd.LoadFloat32x4Array((*[4]float32)(r1[8:12])))
				p13 = p13.Add(archsimd.LoadFloat32x4Array((*[4]float32)(r1[12:16])))
			}
			if relu {
				p00 = zero.IfElse(p00.LessEqual(zero), p00)
				p01 = zero.IfElse(p01.LessEqual(zero), p01)
				p02 = zero.IfElse(p02.LessEqual(zero), p02)
				p03 = zero.IfElse(p03.LessEqual(zero), p03)
				p10 = zero.IfElse(p10.LessEqual(zero), p10)
				p11 = zero.IfElse(p11.LessEqual(zero), p11)
				p12 = zero.IfElse(p12.LessEqual(zero), p12)
				p13 = zero.IfElse(p13.LessEqual(zero), p13)
			}
			p00.StoreArray((*[4]float32)(y0[0:4]))
			p01.StoreArray((*[4]float32)(y0[4:8]))
			p02.StoreArray((*[4]float32)(y0[8:12]))
			p03.StoreArray((*[4]float32)(y0[12:16]))
			p10.StoreArray((*[4]float32)(y1[0:4]))
			p11.StoreArray((*[4]float32)(y1[4:8]))
			p12.StoreArray((*[4]float32)(y1[8:12]))
			p13.StoreArray((*[4]float32)(y1[12:16]))
		}
		if r < n { // the odd last row, four columns at a time
			for c := j; c < j+16; c += 4 {
				affine32Vector(y, x, w, b, res, r, k, m, c, relu)
			}
		}
	}
	for ; j+4 <= m; j += 4 { // narrow layers (the output's 4 padded columns): 4 rows × 4 columns
		bj := zero
		if b != nil {
			bj = archsimd.LoadFloat32x4Array((*[4]float32)(b[j : j+4]))
		}
		r := 0
		for ; r+4 <= n; r += 4 {
			p0, p1, p2, p3 := bj, bj, bj, bj
			xo, wo := r*k, j
			for s := 0; s < k; s++ {
				wv := archsimd.LoadFloat32x4Array((*[4]float32)(unsafe.Add(wp, wo*4)))
				p0 = p0.Add(archsimd.BroadcastFloat32x4(*(*float32)(unsafe.Add(xp, xo*4))).Mul(wv))
				p1 = p1.Add(archsimd.BroadcastFloat32x4(*(*float32)(unsafe.Add(xp, (xo+k)*4))).Mul(wv))
				p2 = p2.Add(archsimd.BroadcastFloat32x4(*(*float32)(unsafe.Add(xp, (xo+2*k)*4))).Mul(wv))
				p3 = p3.Add(archsimd.BroadcastFloat32x4(*(*float32)(unsafe.Add(xp, (xo+3*k)*4))).Mul(wv))
				xo++
				wo += m
			}
			if res != nil {
				p0 = p0.Add(archsimd.LoadFloat32x4Array((*[4]float32)(res[r*m+j : r*m+j+4])))
				p1 = p1.Add(archsimd.LoadFloat32x4Array((*[4]float32)(res[(r+1)*m+j : (r+1)*m+j+4])))
				p2 = p2.Add(archsimd.LoadFloat32x4Array((*[4]float32)(res[(r+2)*m+j : (r+2)*m+j+4])))
				p3 = p3.Add(archsimd.LoadFloat32x4Array((*[4]float32)(res[(r+3)*m+j : (r+3)*m+j+4])))
			}
			if relu {
				p0 = zero.IfElse(p0.LessEqual(zero), p0)
				p1 = zero.IfElse(p1.LessEqual(zero), p1)
				p2 = zero.IfElse(p2.LessEqual(zero), p2)
				p3 = zero.IfElse(p3.LessEqual(zero), p3)
			}
			p0.StoreArray((*[4]float32)(y[r*m+j : r*m+j+4]))
			p1.StoreArray((*[4]float32)(y[(r+1)*m+j : (r+1)*m+j+4]))
			p2.StoreArray((*[4]float32)(y[(r+2)*m+j : (r+2)*m+j+4]))
			p3.StoreArray((*[4]float32)(y[(r+3)*m+j : (r+3)*m+j+4]))
		}
		for ; r < n; r++ {
			affine32Vector(y, x, w, b, res, r, k, m, j, relu)
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

// affine32Vector computes columns j…j+3 of row r of affine32, one vector: the edges of
// the 2×16 panels.
func affine32Vector(y, x, w, b, res []float32, r, k, m, j int, relu bool) {
	zero := archsimd.BroadcastFloat32x4(0)
	acc := zero
	if b != nil {
		acc = archsimd.LoadFloat32x4Array((*[4]float32)(b[j : j+4]))
	}
	wo := j
	for _, v := range x[r*k : r*k+k] {
		acc = acc.Add(archsimd.BroadcastFloat32x4(v).Mul(archsimd.LoadFloat32x4Array((*[4]float32)(w[wo : wo+4]))))
		wo += m
	}
	if res != nil {
		acc = acc.Add(archsimd.LoadFloat32x4Array((*[4]float32)(res[r*m+j : r*m+j+4])))
	}
	if relu {
		acc = zero.IfElse(acc.LessEqual(zero), acc)
	}
	acc.StoreArray((*[4]float32)(y[r*m+j : r*m+j+4]))
}
