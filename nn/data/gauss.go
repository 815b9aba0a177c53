package data

import (
	"math"
	"math/rand/v2"
)

// Cluster centres sit on a circle of radius gaussRadius, the first on the diagonal (so two
// clusters sit in opposite corners, as in TensorFlow Playground). Each cluster's standard
// deviation grows from gaussSpreadClean at Noise 0 by gaussSpreadNoise at Noise 1.
const (
	gaussRadius      = 0.55
	gaussSpreadClean = 0.07
	gaussSpreadNoise = 0.23
)

// gauss draws a point of the Gaussian cluster `class` of `classes`.
func gauss(r *rand.Rand, class, classes int, noise float64) (x, y float64) {
	cx, cy := gaussCentre(class, classes)
	spread := gaussSpreadClean + gaussSpreadNoise*noise
	return cx + spread*r.NormFloat64(), cy + spread*r.NormFloat64()
}

// gaussCentre is the centre of cluster `class` of `classes`.
func gaussCentre(class, classes int) (x, y float64) {
	angle := math.Pi/4 + 2*math.Pi*float64(class)/float64(classes)
	return gaussRadius * math.Cos(angle), gaussRadius * math.Sin(angle)
}
