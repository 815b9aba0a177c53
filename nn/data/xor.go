package data

import "math/rand/v2"

const (
	xorGap    = 0.05 // clean points keep this far from the axes, so the label is never ambiguous
	xorJitter = 0.15 // standard deviation of each coordinate's jitter at Noise 1
)

// xor draws a point in one of the four quadrants: class 0 where x and y share a sign
// (x·y > 0), class 1 where they differ. Jitter is added after labelling, so noisy points can
// cross into the other class's quadrant.
func xor(r *rand.Rand, class, _ int, noise float64) (x, y float64) {
	x = xorGap + (1-xorGap)*r.Float64()
	y = xorGap + (1-xorGap)*r.Float64()
	if r.IntN(2) == 1 { // which of the class's two quadrants
		x = -x
	}
	if (x < 0) != (class == 1) {
		y = -y
	}
	x += noise * xorJitter * r.NormFloat64()
	y += noise * xorJitter * r.NormFloat64()
	return x, y
}
