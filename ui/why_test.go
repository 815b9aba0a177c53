package ui

import (
	"math"
	"strings"
	"testing"

	"resnetplayground/lab"
	"resnetplayground/proto"
	"resnetplayground/ui/link"
)

// The Why panel's state as the twins' workers answer: asked, filling in, done; a report of a
// replaced run is dropped; a reset forgets the pictures; the preset rebuilds the twins.
func TestWhyPanelFollowsTheWorkersReports(t *testing.T) {
	c, _, ch := compareWith(t, "b=16x2p*4&s=3")
	c.SetView(link.ViewTwins)
	tw := c.Twins
	if tw.WhyState() != "none" || tw.WhyCommand() != "" {
		t.Fatalf("before drawing: state %q, command %q", tw.WhyState(), tw.WhyCommand())
	}
	c.DrawLandscapes()
	for side := range 2 {
		last := ch.twin[side][len(ch.twin[side])-1]
		if last.Kind != proto.CmdLandscape || last.Landscape.Grid != 31 || last.Landscape.Seed != 1 || last.Gen != tw.Side[side].Gen {
			t.Fatalf("%s twin was sent %+v", TwinNames[side], last)
		}
	}
	if tw.WhyState() != "filling" || tw.WhyProgress() != "starting…" {
		t.Fatalf("asked: state %q, progress %q", tw.WhyState(), tw.WhyProgress())
	}
	report := func(side, done, step int) proto.LandscapeReport {
		l := lab.Landscape{Axis: []float64{-1, 0, 1}, Loss: [][]float64{{1, 2, 3}, {4, 0.5, 6}, {7, 8, 9}}}
		return proto.LandscapeReport{Gen: tw.Side[side].Gen, Step: step, Done: done, Total: 9, Landscape: l, Roughness: 0.1 * float64(side+1)}
	}
	c.ReceiveLandscape(Plain, report(Plain, 4, 100))
	c.ReceiveLandscape(Residual, report(Residual, 6, 120))
	if got := tw.WhyProgress(); got != "4 of 9 points" {
		t.Errorf("filling: progress %q, want the slower twin's", got)
	}
	stale := report(Plain, 9, 100)
	stale.Gen--
	c.ReceiveLandscape(Plain, stale)
	if tw.Side[Plain].Why.Done != 4 {
		t.Error("a report of a replaced run was taken")
	}
	c.ReceiveLandscape(Plain, report(Plain, 9, 100))
	c.ReceiveLandscape(Residual, report(Residual, 9, 120))
	if tw.WhyState() != "done" || tw.WhyRoughness(Residual) != "0.20 (step 120)" {
		t.Errorf("done: state %q, residual roughness %q", tw.WhyState(), tw.WhyRoughness(Residual))
	}
	if cmd := tw.WhyCommand(); !strings.Contains(cmd, "--spec 'd=spiral") || !strings.Contains(cmd, "--steps 100 --directions 1") || !strings.Contains(cmd, "step 120") {
		t.Errorf("command %q", cmd)
	}
	if lo, hi, ok := tw.WhyScale(); !ok || lo != math.Log10(0.5) || hi != math.Log10(9) {
		t.Errorf("shared scale %v..%v %v", lo, hi, ok)
	}

	c.DrawLandscapes() // again: new directions
	if ch.twin[Plain][len(ch.twin[Plain])-1].Landscape.Seed != 2 {
		t.Error("drawing again did not draw new directions")
	}
	tw.Reset()
	if tw.WhyState() != "none" || tw.Side[Plain].Why != nil {
		t.Errorf("after a reset: state %q", tw.WhyState())
	}

	if c.UsesWhyPreset() {
		t.Fatal("the page's network is the preset already")
	}
	c.UseWhyPreset()
	if !c.UsesWhyPreset() || c.Twins.From != lab.WhyPreset().String() || !c.Twins.Side[Plain].Experiment().BatchNorm {
		t.Errorf("the preset: page %q, twins from %q", c.App.Spec, c.Twins.From)
	}
}

func TestNiceTicksPrintZeroWithoutASign(t *testing.T) {
	for _, r := range [][2]float64{{-0.25, 1.25}, {-1.2, 1.2}, {-500, 200}} {
		for _, x := range NiceTicks(r[0], r[1], 5) {
			if shortNumber(x) == "-0" {
				t.Errorf("%v: a tick reads -0", r)
			}
		}
	}
}
