package data

import (
	"math"
	"math/rand/v2"
)

// Class 0 fills a disc of radius circleInner; class 1 a ring from circleRingIn to
// circleRingOut. The gap between them is what noise erodes.
const (
	circleInner   = 0.5
	circleRingIn  = 0.7
	circleRingOut = 0.95
	circleJitter  = 0.15 // standard deviation of each coordinate's jitter at Noise 1
)

// circles draws a point of the inner disc (class 0) or the outer ring (class 1), uniform in
// area.
func circles(r *rand.Rand, class, _ int, noise float64) (x, y float64) {
	lo, hi := 0.0, circleInner
	if class == 1 {
		lo, hi = circleRingIn, circleRingOut
	}
	radius := math.Sqrt(lo*lo + (hi*hi-lo*lo)*r.Float64()) // sqrt: uniform in area, not radius
	angle := 2 * math.Pi * r.Float64()
	x = radius*math.Cos(angle) + noise*circleJitter*r.NormFloat64()
	y = radius*math.Sin(angle) + noise*circleJitter*r.NormFloat64()
	return x, y
}
