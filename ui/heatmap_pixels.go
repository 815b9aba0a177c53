package ui

// BoundaryPixels turns class probabilities on an n×n grid (laid out as lab.Trainer.Boundary
// returns them) into RGBA pixels, one per cell: the colour of the most likely class, mixed
// into white by how sure the network is (a coin flip stays almost white). dst is reused when
// large enough. Malformed input gives a blank (transparent) picture, never a panic.
func BoundaryPixels(probs []float32, n, classes int, dst []byte) []byte {
	size := 4 * n * n
	if n <= 0 {
		return dst[:0]
	}
	if cap(dst) < size {
		dst = make([]byte, size)
	}
	dst = dst[:size]
	clear(dst)
	if classes < 1 || len(probs) < n*n*classes {
		return dst
	}
	uniform := 1 / float32(classes)
	for cell := range n * n {
		p := probs[cell*classes : (cell+1)*classes]
		best := 0
		for k := range p {
			if p[k] > p[best] {
				best = k
			}
		}
		sure := float32(1)
		if classes > 1 {
			sure = (p[best] - uniform) / (1 - uniform)
		}
		sure = min(max(sure, 0), 1) // also maps NaN to 0
		alpha := 0.12 + 0.6*sure
		c := ClassColors[best%len(ClassColors)]
		px := dst[4*cell : 4*cell+4]
		for i := range 3 {
			px[i] = uint8(255 - alpha*(255-float32(c[i])) + 0.5)
		}
		px[3] = 255
	}
	return dst
}
