package ui

import "testing"

// A small stroke in a corner of the pad becomes a digit-sized stroke in the middle of the
// image, as MNIST's digits are.
func TestPadImageCentresAndScales(t *testing.T) {
	const w, h, side = 140, 140, 14
	alpha := make([]byte, w*h)
	for y := 5; y < 35; y++ { // a vertical bar 4 wide, 30 tall, near the top left
		for x := 10; x < 14; x++ {
			alpha[y*w+x] = 255
		}
	}
	img := PadImage(alpha, w, h, side)
	if len(img) != side*side {
		t.Fatalf("%d pixels", len(img))
	}
	rows, cols := map[int]bool{}, map[int]bool{}
	for i, v := range img {
		if v > 0.05 {
			rows[i/side], cols[i%side] = true, true
		}
	}
	if len(rows) < 9 || len(rows) > 11 {
		t.Errorf("the bar spans %d rows of %d, want about 10 (20/28 of the side)", len(rows), side)
	}
	if !rows[7] || !cols[6] && !cols[7] || len(cols) > 2 {
		t.Errorf("the bar is not thin and in the middle: rows %v, cols %v", rows, cols)
	}
	if PadImage(make([]byte, w*h), w, h, side) != nil {
		t.Error("an empty pad gave an image")
	}
}
