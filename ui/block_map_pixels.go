package ui

import "math"

// BlockMap is a block's output over the plane as the worker drew it (proto.Report.BlockMap):
// Units pictures of N×N, unit by unit, of block Block (0-based).
type BlockMap struct {
	Block, N, Units int
	Values          []float32
	Version         int // bumped for every new map, so the canvas repaints only then
}

// The mosaic: mapCols pictures a row, each N pixels with a mapGap-pixel white border.
const (
	mapCols = 4
	mapGap  = 2
)

// mapSize is the mosaic's width and height in pixels, before it is scaled up on screen.
func (m *BlockMap) mapSize() (w, h int) {
	rows := (m.Units + mapCols - 1) / mapCols
	return mapCols*(m.N+mapGap) - mapGap, rows*(m.N+mapGap) - mapGap
}

// pixels lays the units out as an RGBA mosaic, mapCols a row, in dst when large enough. Each unit is scaled to its
// own largest magnitude, so a unit that barely moves still shows its shape: white is 0,
// blue positive, orange negative (tanh and the like), and a unit that is 0 everywhere (a
// dead ReLU) stays white.
func (m *BlockMap) pixels(dst []byte) []byte {
	w, h := m.mapSize()
	rgba := dst[:0]
	if cap(rgba) < 4*w*h {
		rgba = make([]byte, 4*w*h)
	}
	rgba = rgba[:4*w*h]
	for i := range rgba {
		rgba[i] = 255
	}
	n := m.N
	for u := 0; u < m.Units; u++ {
		vals := m.Values[u*n*n : (u+1)*n*n]
		peak := 0.0
		for _, v := range vals {
			peak = max(peak, math.Abs(float64(v)))
		}
		ox, oy := (u%mapCols)*(n+mapGap), (u/mapCols)*(n+mapGap)
		for k, v := range vals {
			t := 0.0
			if peak > 0 && !math.IsNaN(float64(v)) {
				t = float64(v) / peak
			}
			col := mapPositive
			if t < 0 {
				col, t = mapNegative, -t
			}
			p := 4 * ((oy+k/n)*w + ox + k%n)
			for c := range 3 {
				rgba[p+c] = byte(math.Round(255 + t*(float64(col[c])-255)))
			}
		}
	}
	return rgba
}

// The colours of a block map's largest positive and negative values (the page's blue and
// orange, Okabe–Ito).
var (
	mapPositive = [3]byte{0, 94, 150}
	mapNegative = [3]byte{213, 94, 0}
)
