package lab

import (
	"gonum.org/v1/gonum/mat"

	"resnetplayground/nn"
	"resnetplayground/nn/data"
)

// Boundary returns, for a dataset of 2-D points, the class probabilities on an n×n grid over
// [-data.Extent, data.Extent]²: cell (row r, column c) holds x = -Extent + (c+0.5)·2·Extent/n
// and y = +Extent - (r+0.5)·2·Extent/n (row 0 at the top, as on a screen), and its
// probabilities are dst[(r*n+c)*classes : (r*n+c+1)*classes]. dst is reused when large enough.
//
// It draws with a float32 copy of the network (nn.Net32, loaded afresh each time: the
// picture the page redraws several times a second, at twice the SIMD lanes of float64), so
// the probabilities differ from the float64 network's by float32 rounding alone, and the
// network itself, its buffers and so its training, are not touched. A network Net32 cannot
// run goes through the float64 network instead.
func (t *Trainer) Boundary(n int, dst []float32) []float32 {
	classes := t.train.Classes
	if n < 1 || t.train.Dim != 2 { // images have no plane to draw
		return dst[:0]
	}
	if cap(dst) < n*n*classes {
		dst = make([]float32, n*n*classes)
	}
	dst = dst[:n*n*classes]
	if t.net32.Load(t.net) != nil {
		return t.boundary64(n, dst)
	}
	if t.grid32N != n {
		t.grid32 = t.grid32[:0]
		for k := 0; k < n*n; k++ {
			x, y := gridCell(n, k)
			t.grid32 = append(t.grid32, float32(x), float32(y))
		}
		t.grid32N = n
	}
	t.net32.Probabilities(dst, t.grid32, n*n)
	return dst
}

// boundary64 is Boundary through the float64 network, in batched forward passes.
func (t *Trainer) boundary64(n int, dst []float32) []float32 {
	t.recordStats() // before the forward passes overwrite the buffers the stats are read from
	classes := t.train.Classes
	for lo := 0; lo < n*n; lo += evalChunk {
		hi := min(lo+evalChunk, n*n)
		nn.Probabilities(dst[lo*classes:hi*classes], t.forwardGrid(n, lo, hi))
	}
	return dst
}

// forwardGrid runs the float64 network, in inference mode, on cells lo to hi of the n×n grid
// Boundary describes, and returns its logits; the blocks' outputs are those cells' too.
func (t *Trainer) forwardGrid(n, lo, hi int) *mat.Dense {
	grid := t.grid[:0]
	for k := lo; k < hi; k++ {
		x, y := gridCell(n, k)
		grid = append(grid, x, y)
	}
	t.grid = grid
	t.chunk = chunkOf(t.chunk, grid, hi-lo, 2)
	return t.net.Forward(t.chunk, false)
}

// gridCell is the point at the centre of cell k (row k/n, column k%n) of the n×n grid over
// [-data.Extent, data.Extent]², row 0 at the top (see Boundary).
func gridCell(n, k int) (x, y float64) {
	cell := 2 * data.Extent / float64(n)
	r, c := k/n, k%n
	return -data.Extent + (float64(c)+0.5)*cell, data.Extent - (float64(r)+0.5)*cell
}
