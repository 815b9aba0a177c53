package lab

// BlockMapUnits is how many of a block's units BlockMap draws: a small picture each, as
// TensorFlow Playground draws one per neuron; wider blocks show their first ones.
const BlockMapUnits = 16

// BlockMap is what one block of a network trained on 2-D points passes on, over the same
// plane as Boundary: for each of the block's first BlockMapUnits output units, an n×n
// picture of that unit's value (after the block's activation), row 0 at the top, unit by
// unit: dst[u*n*n + r*n + c]. It returns dst and the units drawn; 0 units for images or a
// block the network does not have. dst is reused when large enough.
//
// It runs the float64 network (the float32 copy keeps no block outputs), in inference mode
// and in batches of evalChunk, after keeping the block statistics its forward passes would
// overwrite, as boundary64 does; the weights, and so training, are not touched.
func (t *Trainer) BlockMap(block, n int, dst []float32) ([]float32, int) {
	if n < 1 || t.train.Dim != 2 || block < 0 || block >= len(t.net.Blocks) {
		return dst[:0], 0
	}
	units := min(t.net.Blocks[block].Out, BlockMapUnits)
	if cap(dst) < units*n*n {
		dst = make([]float32, units*n*n)
	}
	dst = dst[:units*n*n]
	t.recordStats()
	for lo := 0; lo < n*n; lo += evalChunk {
		hi := min(lo+evalChunk, n*n)
		t.forwardGrid(n, lo, hi)
		out := t.net.Blocks[block].Output()
		for k := lo; k < hi; k++ {
			row := out.RawRowView(k - lo)
			for u := 0; u < units; u++ {
				dst[u*n*n+k] = float32(row[u])
			}
		}
	}
	return dst, units
}
