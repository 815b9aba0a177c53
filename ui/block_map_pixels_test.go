package ui

import "testing"

// Each unit's square sits in its place in the mosaic, scaled to its own peak: the peak is
// full blue, a negative peak full orange, zero white, and a dead unit white throughout.
func TestBlockMapPixels(t *testing.T) {
	const n = 2
	m := BlockMap{N: n, Units: 5, Values: []float32{
		0, 1, 2, 4, // unit 0: peak 4
		0, 0, 0, 0, // unit 1: dead
		-3, 0, 0, 3, // unit 2: both signs
		0, 0, 0, 0.001, // unit 3: tiny, still full at its peak
		1, 1, 1, 1, // unit 4: second row of the mosaic
	}}
	w, h := m.mapSize()
	if w != 4*(n+mapGap)-mapGap || h != 2*(n+mapGap)-mapGap {
		t.Fatalf("mosaic %d×%d", w, h)
	}
	px := m.pixels(nil)
	at := func(unit, k int) [3]byte {
		x, y := (unit%mapCols)*(n+mapGap)+k%n, (unit/mapCols)*(n+mapGap)+k/n
		p := 4 * (y*w + x)
		return [3]byte{px[p], px[p+1], px[p+2]}
	}
	white := [3]byte{255, 255, 255}
	for _, c := range []struct {
		unit, k int
		want    [3]byte
	}{
		{0, 3, mapPositive}, {0, 0, white}, {1, 0, white}, {1, 3, white},
		{2, 0, mapNegative}, {2, 3, mapPositive}, {2, 1, white}, {3, 3, mapPositive}, {4, 2, mapPositive},
	} {
		if got := at(c.unit, c.k); got != c.want {
			t.Errorf("unit %d, cell %d: %v, want %v", c.unit, c.k, got, c.want)
		}
	}
	if got := at(0, 2); got == white || got == mapPositive {
		t.Errorf("half the peak is %v: want a paler blue", got)
	}
	if p := 4 * (0*w + n); px[p] != 255 || px[p+3] != 255 {
		t.Error("the gap between squares is not white")
	}
}
