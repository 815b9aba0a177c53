package lab

import "math"

// Stops are the values a setting's − and + buttons step through, as TensorFlow Playground's
// menus and sliders offer them: a learning rate by factors of about 3, the batch size by
// doubling, the noise in its control's steps. A value typed between two stops steps to the
// next one.

// evenStops are lo, lo+step, … up to hi.
func evenStops(lo, hi, step float64) []float64 {
	var out []float64
	for i := 0; ; i++ {
		v := math.Round((lo+float64(i)*step)*1e9) / 1e9
		if v > hi+1e-12 {
			return out
		}
		out = append(out, v)
	}
}

// doublingStops are lo, 2·lo, 4·lo, … up to hi.
func doublingStops(lo, hi float64) []float64 {
	var out []float64
	for v := lo; v <= hi; v *= 2 {
		out = append(out, v)
	}
	return out
}

// Nudge is the stop after v (dir > 0) or before it (dir < 0), and false when there is none
// that way (v is at or past the last stop) or the field has no stops.
func (f *Field) Nudge(v float64, dir int) (float64, bool) {
	const tol = 1e-9 // a value printed and parsed back counts as its stop
	if dir > 0 {
		for _, s := range f.Stops {
			if s > v+tol*math.Max(1, math.Abs(v)) {
				return s, true
			}
		}
		return 0, false
	}
	for i := len(f.Stops) - 1; i >= 0; i-- {
		if s := f.Stops[i]; s < v-tol*math.Max(1, math.Abs(v)) {
			return s, true
		}
	}
	return 0, false
}
