package data

import (
	"math"
	"math/rand/v2"
)

// Two interleaving half circles of radius moonRadius, as in scikit-learn's make_moons scaled
// into the square: class 0 is the upper arc about (-moonShiftX, -moonShiftY), class 1 the
// lower arc about (+moonShiftX, +moonShiftY); each arc's tip reaches into the other's
// hollow, so no straight line separates them.
const (
	moonRadius = 0.6
	moonShiftX = 0.3  // half the horizontal offset between the two arcs' centres
	moonShiftY = 0.15 // half the vertical offset
	moonJitter = 0.15 // standard deviation of each coordinate's jitter at Noise 1
)

// moons draws a point of the upper moon (class 0) or the lower moon (class 1).
func moons(r *rand.Rand, class, _ int, noise float64) (x, y float64) {
	angle := math.Pi * r.Float64()
	if class == 0 {
		x = -moonShiftX + moonRadius*math.Cos(angle)
		y = -moonShiftY + moonRadius*math.Sin(angle)
	} else {
		x = moonShiftX - moonRadius*math.Cos(angle)
		y = moonShiftY - moonRadius*math.Sin(angle)
	}
	x += noise * moonJitter * r.NormFloat64()
	y += noise * moonJitter * r.NormFloat64()
	return x, y
}
