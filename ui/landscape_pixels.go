package ui

import "math"

// The loss landscape is drawn on a canvas: one pixel per grid point, coloured by log₁₀ loss on
// a scale shared by both twins, scaled up by the browser, with contour lines on top.

// landscapeRamp runs from deep blue (low loss) through teal and green to yellow (high), the
// shape of viridis: dark where the loss is low, as in Li et al.'s figures, and readable in grey.
var landscapeRamp = [][3]float64{
	{0x44, 0x01, 0x54}, {0x3b, 0x52, 0x8b}, {0x21, 0x91, 0x8c}, {0x5e, 0xc9, 0x62}, {0xfd, 0xe7, 0x25},
}

// LogRange is the range of log₁₀ of the positive, finite values of both grids.
func LogRange(grids ...[][]float64) (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, g := range grids {
		for _, row := range g {
			for _, v := range row {
				if v > 0 && !math.IsInf(v, 0) {
					z := math.Log10(v)
					lo, hi = math.Min(lo, z), math.Max(hi, z)
				}
			}
		}
	}
	return lo, hi, lo <= hi
}

// LandscapePixels writes the grid as RGBA pixels into dst (reused when large enough): row 0 of
// the image is the grid's last row (β = +span at the top, as on a chart), colour by log₁₀ loss
// between lo and hi; a point not yet evaluated or overflowed is pale grey.
func LandscapePixels(loss [][]float64, lo, hi float64, dst []byte) []byte {
	n := len(loss)
	if cap(dst) < 4*n*n {
		dst = make([]byte, 4*n*n)
	}
	dst = dst[:4*n*n]
	span := math.Max(hi-lo, 1e-12)
	for r, row := range loss {
		y := n - 1 - r
		for c, v := range row {
			px := dst[4*(y*n+c):]
			if !(v > 0) || math.IsInf(v, 0) {
				px[0], px[1], px[2], px[3] = 0xe5, 0xe7, 0xeb, 0xff
				continue
			}
			t := math.Min(math.Max((math.Log10(v)-lo)/span, 0), 1) * float64(len(landscapeRamp)-1)
			i := min(int(t), len(landscapeRamp)-2)
			f := t - float64(i)
			a, b := landscapeRamp[i], landscapeRamp[i+1]
			for k := range 3 {
				px[k] = uint8(a[k] + f*(b[k]-a[k]) + 0.5)
			}
			px[3] = 0xff
		}
	}
	return dst
}

// ContourLevels are the log₁₀ losses a contour is drawn at: every quarter decade within
// [lo, hi], at most max of them (then every half decade, and so on).
func ContourLevels(lo, hi float64, max int) []float64 {
	step := 0.25
	for (hi-lo)/step > float64(max) {
		step *= 2
	}
	var levels []float64
	for z := math.Ceil(lo/step) * step; z <= hi; z += step {
		levels = append(levels, z)
	}
	return levels
}

// Contour returns the segments of the level line z = level of log₁₀ loss on the grid, by
// marching squares, as x0, y0, x1, y1 quadruples in grid units: x = column, y = row counted
// from the top of the image (so y = n−1−r for grid row r). Cells with a point not positive and
// finite are skipped.
func Contour(loss [][]float64, level float64, dst []float64) []float64 {
	n := len(loss)
	z := func(r, c int) float64 {
		v := loss[r][c]
		if !(v > 0) || math.IsInf(v, 0) {
			return math.NaN()
		}
		return math.Log10(v)
	}
	for r := 0; r+1 < n; r++ {
		for c := 0; c+1 < n; c++ {
			// Corners counter-clockwise from the bottom left, in image coordinates.
			type pt struct{ x, y, z float64 }
			cs := [4]pt{
				{float64(c), float64(n - 1 - r), z(r, c)},
				{float64(c + 1), float64(n - 1 - r), z(r, c+1)},
				{float64(c + 1), float64(n - 2 - r), z(r+1, c+1)},
				{float64(c), float64(n - 2 - r), z(r+1, c)},
			}
			skip := false
			for _, p := range cs {
				skip = skip || math.IsNaN(p.z)
			}
			if skip {
				continue
			}
			// The points where the level crosses each edge, in edge order.
			var xs []float64
			for e := range 4 {
				a, b := cs[e], cs[(e+1)%4]
				if (a.z < level) != (b.z < level) {
					t := (level - a.z) / (b.z - a.z)
					xs = append(xs, a.x+t*(b.x-a.x), a.y+t*(b.y-a.y))
				}
			}
			// Two crossings make one segment; four (a saddle) make two, paired along the edges.
			for i := 0; i+3 < len(xs); i += 4 {
				dst = append(dst, xs[i], xs[i+1], xs[i+2], xs[i+3])
			}
		}
	}
	return dst
}
