//go:build wasm && goexperiment.simd

package nn

import (
	"math/rand/v2"
	"simd/archsimd"
	"testing"
)

// The float32 question (README, Speed): Float32x4 has twice Float64x2's lanes. This is
// kernels_simd.go's 2-row panel over float32, sixteen columns (four vectors) a row, so the same
// eight accumulators do twice the multiply-adds; BenchmarkKernelsFloat32 against
// BenchmarkKernels/affine measures what switching the engine to float32 would buy.

// mulAccF32 is mulAcc's forward case (c = init + a·b, a read by rows) in float32, for cols a
// multiple of 16 and an even number of rows.
func mulAccF32(c, init, a, b []float32, rows, inner, cols int) {
	for j := 0; j+16 <= cols; j += 16 {
		i0 := (*[16]float32)(init[j : j+16])
		for r := 0; r+2 <= rows; r += 2 {
			c0 := (*[16]float32)(c[r*cols+j : r*cols+j+16])
			c1 := (*[16]float32)(c[(r+1)*cols+j : (r+1)*cols+j+16])
			p00 := archsimd.LoadFloat32x4Array((*[4]float32)(i0[0:4]))
			p01 := archsimd.LoadFloat32x4Array((*[4]float32)(i0[4:8]))
			p02 := archsimd.LoadFloat32x4Array((*[4]float32)(i0[8:12]))
			p03 := archsimd.LoadFloat32x4Array((*[4]float32)(i0[12:16]))
			p10, p11, p12, p13 := p00, p01, p02, p03
			ao0, ao1, bo := r*inner, (r+1)*inner, j
			for s := 0; s < inner; s++ {
				bs := (*[16]float32)(b[bo : bo+16])
				x0 := archsimd.BroadcastFloat32x4(a[ao0])
				x1 := archsimd.BroadcastFloat32x4(a[ao1])
				b0 := archsimd.LoadFloat32x4Array((*[4]float32)(bs[0:4]))
				p00 = p00.Add(x0.Mul(b0))
				p10 = p10.Add(x1.Mul(b0))
				b1 := archsimd.LoadFloat32x4Array((*[4]float32)(bs[4:8]))
				p01 = p01.Add(x0.Mul(b1))
				p11 = p11.Add(x1.Mul(b1))
				b2 := archsimd.LoadFloat32x4Array((*[4]float32)(bs[8:12]))
				p02 = p02.Add(x0.Mul(b2))
				p12 = p12.Add(x1.Mul(b2))
				b3 := archsimd.LoadFloat32x4Array((*[4]float32)(bs[12:16]))
				p03 = p03.Add(x0.Mul(b3))
				p13 = p13.Add(x1.Mul(b3))
				ao0++
				ao1++
				bo += cols
			}
			p00.StoreArray((*[4]float32)(c0[0:4]))
			p01.StoreArray((*[4]float32)(c0[4:8]))
			p02.StoreArray((*[4]float32)(c0[8:12]))
			p03.StoreArray((*[4]float32)(c0[12:16]))
			p10.StoreArray((*[4]float32)(c1[0:4]))
			p11.StoreArray((*[4]float32)(c1[4:8]))
			p12.StoreArray((*[4]float32)(c1[8:12]))
			p13.StoreArray((*[4]float32)(c1[12:16]))
		}
	}
}

func TestMulAccF32MatchesNaive(t *testing.T) {
	const n, k, m = 6, 5, 32
	rng := rand.New(rand.NewPCG(1, 2))
	f32 := func(l int) []float32 {
		v := make([]float32, l)
		for i := range v {
			v[i] = float32(rng.NormFloat64())
		}
		return v
	}
	x, w, b := f32(n*k), f32(k*m), f32(m)
	y := make([]float32, n*m)
	mulAccF32(y, b, x, w, n, k, m)
	for i := range n {
		for j := range m {
			s := b[j]
			for p := range k {
				s += x[i*k+p] * w[p*m+j]
			}
			if y[i*m+j] != s {
				t.Fatalf("y[%d][%d] = %v, want %v", i, j, y[i*m+j], s)
			}
		}
	}
}

// BenchmarkKernelsFloat32 is BenchmarkKernels/affine/256x16x16 in float32.
func BenchmarkKernelsFloat32(b *testing.B) {
	const n, k, m = 256, 16, 16
	rng := rand.New(rand.NewPCG(1, 1))
	f32 := func(l int) []float32 {
		v := make([]float32, l)
		for i := range v {
			v[i] = float32(rng.NormFloat64())
		}
		return v
	}
	x, w, bias, y := f32(n*k), f32(k*m), f32(m), make([]float32, n*m)
	for b.Loop() {
		mulAccF32(y, bias, x, w, n, k, m)
	}
	b.ReportMetric(float64(b.N*n*k*m)/b.Elapsed().Seconds()/1e9, "Gmadd/s")
}
