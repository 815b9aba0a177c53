package nn

import "math"

// Loss is the mean softmax cross-entropy of rows examples x (rows×Inputs, row-major) against
// labels, as SoftmaxCE.Forward computes it for the float64 network, from this float32 copy's
// logits: the softmax is taken in float64, so it differs from the float64 network's loss by
// the logits' float32 rounding alone (a loss near 0 keeps its digits). The loss landscape
// evaluates thousands of perturbed copies of a network this way (lab.LandscapeJob). It
// allocates nothing once f ran rows of this size.
func (f *Net32) Loss(x []float32, labels []int, rows int) float64 {
	var loss float64
	c, stride := f.classes, f.output.out
	e := f.exps[:c]
	for lo := 0; lo < rows; lo += net32Chunk {
		hi := min(lo+net32Chunk, rows)
		logits := f.forward(x[lo*f.inputs:hi*f.inputs], hi-lo)
		for i := 0; i < hi-lo; i++ {
			s := shiftedExps(e, logits[i*stride:i*stride+c])
			loss -= math.Log(max(e[labels[lo+i]]/s, 1e-300))
		}
	}
	return loss / float64(rows)
}
