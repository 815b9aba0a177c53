package lab

import "math"

// Roughness is how bumpy a landscape looks in its log-scale picture: the mean absolute second
// difference of log₁₀ loss between neighbouring grid points, along α and along β. A smooth bowl
// bends the same way everywhere and scores low; a chaotic surface, whose slope keeps changing
// sign from one grid point to the next, scores high. It compares landscapes of the same grid
// (the page's and the CLI's default is 31×31 over [−1, 1]²). Terms touching a non-finite or
// non-positive loss are left out; with no term left it is NaN.
//
// Why this measure: the residual twin's bowl sits far lower than its wall, so measures of
// curvature in the raw loss are dominated by the wall; in log loss, what the picture shows,
// the residual twin's landscape is about half as rough as the plain twin's once the plain
// twin has trained partly (TestResidualLandscapeIsSmoother).
func (l Landscape) Roughness() float64 {
	g := len(l.Loss)
	lg := func(r, c int) float64 {
		if v := l.Loss[r][c]; v > 0 && !math.IsInf(v, 0) {
			return math.Log10(v)
		}
		return math.NaN()
	}
	var sum float64
	n := 0
	add := func(a, b, c float64) {
		if d := a - 2*b + c; !math.IsNaN(d) {
			sum += math.Abs(d)
			n++
		}
	}
	for r := range g {
		for c := range g {
			if c > 0 && c < g-1 {
				add(lg(r, c-1), lg(r, c), lg(r, c+1))
			}
			if r > 0 && r < g-1 {
				add(lg(r-1, c), lg(r, c), lg(r+1, c))
			}
		}
	}
	if n == 0 {
		return math.NaN()
	}
	return sum / float64(n)
}

// Sum adds the grid's losses row by row (those not evaluated, NaN, make it NaN): a
// fingerprint of the picture, which the page shows so that a test can check the page drew
// exactly what the command line computes.
func (l Landscape) Sum() float64 {
	s := 0.0
	for _, row := range l.Loss {
		for _, v := range row {
			s += v
		}
	}
	return s
}
