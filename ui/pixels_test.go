package ui

import (
	"math"
	"testing"
)

func TestBoundaryPixelsColoursByClassAndConfidence(t *testing.T) {
	// 2×2 grid, 2 classes: sure class 0, sure class 1, a coin flip, NaN.
	nan := float32(math.NaN())
	probs := []float32{1, 0, 0, 1, 0.5, 0.5, nan, nan}
	px := BoundaryPixels(probs, 2, 2, nil)
	if len(px) != 16 {
		t.Fatalf("%d bytes, want 16", len(px))
	}
	blue, orange := ClassColors[0], ClassColors[1]
	if px[2] <= px[0] || px[2] < 200 || px[2] > blue[2]+60 {
		t.Errorf("a sure class-0 cell %v is not blue-ish", px[0:4])
	}
	if px[4] <= px[6] {
		t.Errorf("a sure class-1 cell %v is not orange-ish (%v)", px[4:8], orange)
	}
	if px[8] < 200 || px[9] < 200 || px[10] < 200 {
		t.Errorf("a coin-flip cell %v should be nearly white", px[8:12])
	}
	for i := 3; i < 16; i += 4 {
		if px[i] != 255 {
			t.Errorf("pixel %d not opaque", i/4)
		}
	}
}

func TestBoundaryPixelsToleratesBadInput(t *testing.T) {
	if px := BoundaryPixels([]float32{1}, 4, 3, nil); len(px) != 64 || px[3] != 0 {
		t.Errorf("too few probabilities should give a transparent picture, got %d bytes alpha %d", len(px), px[3])
	}
	if px := BoundaryPixels(nil, 0, 2, nil); len(px) != 0 {
		t.Errorf("n=0 gave %d bytes", len(px))
	}
	if px := BoundaryPixels([]float32{1, 1}, 1, 0, nil); len(px) != 4 {
		t.Errorf("0 classes gave %d bytes", len(px))
	}
}

func TestToCanvasMapsTheExtentToTheCorners(t *testing.T) {
	x, y := ToCanvas(-1.2, 1.2, 480)
	if x != 0 || y != 0 {
		t.Errorf("top-left corner at %v,%v", x, y)
	}
	x, y = ToCanvas(0, 0, 480)
	if math.Abs(x-240) > 1e-9 || math.Abs(y-240) > 1e-9 {
		t.Errorf("centre at %v,%v", x, y)
	}
}

func TestTicksAndFormats(t *testing.T) {
	if got := NiceTicks(0, 1000, 5); len(got) != 6 || got[1] != 200 {
		t.Errorf("NiceTicks(0,1000,5) = %v", got)
	}
	if got := LogTicks(0.1, 1); len(got) != 4 {
		t.Errorf("LogTicks within a decade = %v, want 0.1 0.2 0.5 1", got)
	}
	for in, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", -1234567: "-1,234,567"} {
		if got := Count(in); got != want {
			t.Errorf("Count(%d) = %q, want %q", in, got, want)
		}
	}
	if Loss(math.NaN()) != "diverged" || Percent(0.5) != "50.0%" || Loss(0.000012) != "1.20e-05" {
		t.Errorf("formats: %q %q %q", Loss(math.NaN()), Percent(0.5), Loss(0.000012))
	}
	if ClassColor(0) != "#0072B2" || ClassColor(6) != ClassColor(1) {
		t.Errorf("ClassColor: %s %s", ClassColor(0), ClassColor(6))
	}
}
