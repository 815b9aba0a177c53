package ui

import (
	"math"
	"testing"
)

// A loss falling from 1 to 1e-10 spans 11 decades: the axis keeps a grid line per decade
// but labels few enough of them that 13.5-unit text on a 138-unit axis cannot collide.
func TestLogAxisLabelsDoNotCollide(t *testing.T) {
	var y []float64
	var x []float64
	for i := range 200 {
		x = append(x, float64(i))
		y = append(y, math.Pow(10, -10*float64(i)/199))
	}
	c := &Chart{Series: []Series{{Name: "train", X: x, Y: y}}, LogY: true}
	g := c.geometry()
	var labelled []Tick
	for _, tk := range g.YTicks {
		if tk.Label != "" {
			labelled = append(labelled, tk)
		}
	}
	if len(g.YTicks) < 11 || len(labelled) > maxYLabels || len(labelled) < 3 {
		t.Fatalf("%d ticks, %d labelled; want a grid line per decade and 3..%d labels", len(g.YTicks), len(labelled), maxYLabels)
	}
	for i := 1; i < len(labelled); i++ {
		if gap := math.Abs(labelled[i].Pos - labelled[i-1].Pos); gap < 16 {
			t.Errorf("labels %q and %q are %.1f units apart; 13.5-unit text needs 16", labelled[i-1].Label, labelled[i].Label, gap)
		}
	}
	if top := g.YTicks[len(g.YTicks)-1]; top.Label != "1" {
		t.Errorf("the top of the axis is labelled %q, want 1", top.Label)
	}
	for _, tk := range labelled {
		if len(tk.Label) > 5 {
			t.Errorf("label %q is too long for the 44-unit margin", tk.Label)
		}
	}
}
