package data

import (
	"math"
	"math/rand/v2"
)

// The spiral's arms run from radius spiralInner to spiralOuter over spiralTurns turns. More
// than one and a half turns is what makes it hard: a shallow or narrow net cannot follow the
// arms round.
const (
	spiralInner  = 0.05
	spiralOuter  = 0.95
	spiralTurns  = 1.75
	spiralJitter = 0.12 // standard deviation of each coordinate's jitter at Noise 1, for 2 arms
)

// spiral draws a point on arm `class` of `classes` arms, the arms rotated 2π/classes apart.
func spiral(r *rand.Rand, class, classes int, noise float64) (x, y float64) {
	t := r.Float64()
	radius := spiralInner + (spiralOuter-spiralInner)*t
	angle := spiralAngle(radius) + 2*math.Pi*float64(class)/float64(classes)
	// More arms sit closer together; shrink the jitter with the gap between them so that a
	// given Noise blurs every arm count about as much.
	jitter := noise * spiralJitter * 2 / float64(classes)
	x = radius*math.Cos(angle) + jitter*r.NormFloat64()
	y = radius*math.Sin(angle) + jitter*r.NormFloat64()
	return x, y
}

// spiralAngle is the angle of arm 0 at the given radius.
func spiralAngle(radius float64) float64 {
	return (radius - spiralInner) / (spiralOuter - spiralInner) * spiralTurns * 2 * math.Pi
}
