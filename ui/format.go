package ui

import (
	"math"
	"strconv"
)

// vg-content prints floats as %f, so every number on screen goes through one of these.

// FormatFloat is the shortest text that reads back as x: what a control shows.
func FormatFloat(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// Percent shows an accuracy in [0, 1] as "87.5%".
func Percent(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "–"
	}
	return strconv.FormatFloat(100*x, 'f', 1, 64) + "%"
}

// Loss shows a loss with three significant digits, switching to powers of ten only for
// values too small or large to read otherwise.
func Loss(x float64) string {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		return "diverged"
	case x != 0 && (math.Abs(x) < 0.001 || math.Abs(x) >= 1e5):
		return strconv.FormatFloat(x, 'e', 2, 64)
	}
	return strconv.FormatFloat(x, 'g', 3, 64)
}

// Count shows a whole number with thousands separated: 12,345.
func Count(n int) string {
	s := strconv.Itoa(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}

// Fixed shows x with the given number of decimals.
func Fixed(x float64, decimals int) string { return strconv.FormatFloat(x, 'f', decimals, 64) }

// Itoa is strconv.Itoa, short enough for templates.
func Itoa(n int) string { return strconv.Itoa(n) }

// P formats an SVG coordinate to a tenth of a unit (Vugu would print six decimals).
func P(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }

// Plural is "1 recorded step", "2 recorded steps": n and noun, with an s unless n is 1.
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return Itoa(n) + " " + noun + "s"
}
