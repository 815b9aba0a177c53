package ui

import (
	"math"
	"strconv"

	"resnetplayground/lab"
)

// Gradient norms per block are why the twins differ: in a deep plain net the gradient that
// reaches the early blocks fades by orders of magnitude (or scatters), so they barely learn;
// along the shortcuts of a residual net it arrives intact.

// gradColumns bounds the columns (moments in training) a GradHistory keeps.
const gradColumns = 120

// GradHistory keeps each block's gradient norm over training in bounded memory: when full,
// every other old column is dropped, as History does for the loss curves.
type GradHistory struct {
	max     int
	Steps   []int
	Norms   [][]float32 // Norms[column][block]
	Version int         // bumped on every change, so a picture repaints only then
}

// NewGradHistory keeps at most limit columns (at least 4).
func NewGradHistory(limit int) *GradHistory { return &GradHistory{max: max(limit, 4)} }

// Add records the norms after step. A step no later than the last one recorded replaces
// it (a paused run is reported again without training).
func (h *GradHistory) Add(step int, blocks []lab.BlockStats) {
	col := make([]float32, len(blocks))
	for i, b := range blocks {
		col[i] = float32(b.GradNorm)
	}
	h.Version++
	if n := len(h.Steps); n > 0 && step <= h.Steps[n-1] {
		h.Steps[n-1], h.Norms[n-1] = step, col
		return
	}
	h.Steps = append(h.Steps, step)
	h.Norms = append(h.Norms, col)
	if len(h.Steps) <= h.max {
		return
	}
	last := len(h.Steps) - 1
	keptS, keptN := h.Steps[:0], h.Norms[:0]
	for i := range last {
		if i%2 == 0 {
			keptS, keptN = append(keptS, h.Steps[i]), append(keptN, h.Norms[i])
		}
	}
	h.Steps, h.Norms = append(keptS, h.Steps[last]), append(keptN, h.Norms[last])
}

// Reset forgets everything.
func (h *GradHistory) Reset() {
	h.Steps, h.Norms = h.Steps[:0], h.Norms[:0]
	h.Version++
}

// Latest returns the most recent column, or nil.
func (h *GradHistory) Latest() []float32 {
	if len(h.Norms) == 0 {
		return nil
	}
	return h.Norms[len(h.Norms)-1]
}

// Each column of a strip is scaled to its own largest gradient: what the picture shows is
// where in the network the gradient arrives at that moment, not how the loss falls overall
// (every gradient shrinks as a run converges, which would wash out the picture).

// RelRange is the colour scale both twins' strips share: the smallest gradient relative to
// its column's largest, as a whole power of ten (at most -1, at least maxDecades below).
// ok is false when there is nothing to show.
func RelRange(hs ...*GradHistory) (lo float64, ok bool) {
	lo = 0
	for _, h := range hs {
		if h == nil {
			continue
		}
		for _, col := range h.Norms {
			top := columnMax(col)
			if top <= 0 {
				continue
			}
			ok = true
			for _, v := range col {
				if x := float64(v); usableNorm(x) {
					lo = min(lo, math.Log10(x/top))
				}
			}
		}
	}
	return max(min(math.Floor(lo+1e-3), -1), -maxDecades), ok // norms are float32: 1e-6 comes out a hair below
}

// maxDecades bounds the colour scale: below a billionth of the largest, a gradient is gone.
const maxDecades = 9

func usableNorm(x float64) bool { return x > 0 && !math.IsInf(x, 0) && !math.IsNaN(x) }

func columnMax(col []float32) float64 {
	top := 0.0
	for _, v := range col {
		if x := float64(v); usableNorm(x) {
			top = max(top, x)
		}
	}
	return top
}

// StripPixels paints h as RGBA pixels: one column per recorded moment (left = start of
// training), one row per block (top = block 1, next to the input), coloured from pale (a
// gradient 10^lo times the column's largest, or smaller) to dark (the column's largest).
// Zero, NaN and missing norms are white.
func StripPixels(h *GradHistory, blocks int, lo float64, dst []byte) []byte {
	cols := len(h.Norms)
	size := 4 * cols * blocks
	if cap(dst) < size {
		dst = make([]byte, size)
	}
	dst = dst[:size]
	if lo >= 0 {
		lo = -1
	}
	for c, col := range h.Norms {
		top := columnMax(col)
		for b := range blocks {
			px := dst[4*(b*cols+c) : 4*(b*cols+c)+4]
			rgb := [3]uint8{255, 255, 255}
			if b < len(col) && usableNorm(float64(col[b])) {
				t := 1 - math.Log10(float64(col[b])/top)/lo
				rgb = GradColor(min(max(t, 0), 1))
			}
			px[0], px[1], px[2], px[3] = rgb[0], rgb[1], rgb[2], 255
		}
	}
	return dst
}

// GradColor maps t in [0, 1] from near-white through the palette's blue to a dark navy:
// one hue, so "darker means a bigger gradient" reads without a legend lookup, also in grey.
func GradColor(t float64) [3]uint8 {
	stops := [][3]float64{{247, 251, 255}, {107, 174, 214}, {0, 114, 178}, {8, 38, 84}}
	if math.IsNaN(t) {
		t = 0
	}
	x := min(max(t, 0), 1) * float64(len(stops)-1)
	i := min(int(x), len(stops)-2)
	f := x - float64(i)
	var c [3]uint8
	for k := range 3 {
		c[k] = uint8(stops[i][k] + f*(stops[i+1][k]-stops[i][k]) + 0.5)
	}
	return c
}

// PowerOfTen writes 10^e with e rounded to a whole number, in superscript digits: "10⁻⁵".
func PowerOfTen(e float64) string {
	sup := []string{"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"}
	n := int(math.Round(e))
	s := "10"
	if n < 0 {
		s += "⁻"
		n = -n
	}
	digits := strconv.Itoa(n)
	for _, d := range digits {
		s += sup[d-'0']
	}
	return s
}
