package ui

import (
	"math"
	"testing"
)

// bowl is a grid of n×n losses 10^(x² + y²) over [−1, 1]²: log₁₀ loss is x² + y².
func bowl(n int) [][]float64 {
	g := make([][]float64, n)
	for r := range g {
		g[r] = make([]float64, n)
		for c := range g[r] {
			x, y := -1+2*float64(c)/float64(n-1), -1+2*float64(r)/float64(n-1)
			g[r][c] = math.Pow(10, x*x+y*y)
		}
	}
	return g
}

func TestContourOfABowlIsACircle(t *testing.T) {
	const n = 31
	g := bowl(n)
	for _, level := range []float64{0.25, 0.5} {
		segs := Contour(g, level, nil)
		if len(segs) < 4*20 {
			t.Fatalf("level %g: %d segments, want a closed circle of many", level, len(segs)/4)
		}
		for i := 0; i < len(segs); i += 2 {
			// Back from grid units to [−1, 1]: x = column, y = n−1−row.
			x := -1 + 2*segs[i]/(n-1)
			y := -1 + 2*(n-1-segs[i+1])/(n-1)
			if r := math.Hypot(x, y); math.Abs(r*r-level) > 0.01 {
				t.Fatalf("level %g: a contour point at radius² %g", level, r*r)
			}
		}
	}
	g[15][15] = math.NaN()
	if segs := Contour(g, 0.001, nil); len(segs) != 0 {
		t.Fatalf("a contour around a point not evaluated: %v", segs)
	}
}

func TestLandscapePixelsPutsLowLossDarkAndTheTopRowFirst(t *testing.T) {
	g := bowl(5)
	g[4][0] = math.NaN() // top-left in the image
	lo, hi, ok := LogRange(g)
	if !ok || lo != 0 || hi != 2 {
		t.Fatalf("range %g..%g %v", lo, hi, ok)
	}
	px := LandscapePixels(g, lo, hi, nil)
	at := func(x, y int) []byte { return px[4*(y*5+x) : 4*(y*5+x)+4] }
	if c := at(2, 2); c[0] != 0x44 || c[2] != 0x54 {
		t.Errorf("the centre (lowest loss) is %v, want the ramp's dark end", c)
	}
	if c := at(4, 4); c[0] != 0xfd {
		t.Errorf("a corner (highest loss) is %v, want the ramp's bright end", c)
	}
	if c := at(0, 0); c[0] != 0xe5 {
		t.Errorf("the point not evaluated is %v, want pale grey", c)
	}
	if levels := ContourLevels(0, 2, 12); len(levels) != 9 || levels[1] != 0.25 {
		t.Errorf("levels %v", levels)
	}
	if levels := ContourLevels(-2, 3, 12); len(levels) > 12 {
		t.Errorf("%d levels", len(levels))
	}
}
