package ui

import (
	"strings"
	"testing"

	"resnetplayground/lab"
	"resnetplayground/proto"
)

// A learning rate typed while a run has trained applies to that run, as in TensorFlow
// Playground: no restart, the link follows, and the run's record says when it changed.
// Before the first step, or after a divergence, it restarts as every other setting does.
func TestLearningRateChangesTheRunInPlace(t *testing.T) {
	a, h := appWith(t, "#b=16x2r*3")
	gen := a.Gen
	a.SetField("lr", "0.01") // nothing trained yet: a restart at the new rate
	if c := lastSent(t, h); c.Kind != proto.CmdReset || a.Gen == gen {
		t.Fatalf("before any step: sent %+v; want a restart", c)
	}
	a.Play()
	a.Receive(proto.Report{Gen: a.Gen, Running: true, Metrics: lab.Metrics{Step: 1200}})
	gen = a.Gen
	a.SetField("lr", "0.03")
	c := lastSent(t, h)
	if c.Kind != proto.CmdLR || c.LR != 0.03 || c.Gen != gen || a.Gen != gen || !a.Running {
		t.Fatalf("while training: sent %+v (gen %d → %d, running %v); want the new rate for the same run", c, gen, a.Gen, a.Running)
	}
	if !strings.Contains(h.hash, "lr=0.03") || a.Spec.LR != 0.03 || a.Experiment().LR != 0.03 {
		t.Errorf("hash %q, spec lr %g, run lr %g; want 0.03 everywhere", h.hash, a.Spec.LR, a.Experiment().LR)
	}
	a.Receive(proto.Report{Gen: a.Gen, Running: true, Metrics: lab.Metrics{Step: 1300},
		LRChanges: []lab.LRChange{{Step: 1204, LR: 0.03}},
		History:   []proto.Sample{{Step: 1200}, {Step: 1204}, {Step: 1205}}})
	if got := (&Toolbar{App: a}).LRChangesText(); !strings.Contains(got, "0.01 at first, then 0.03 after step 1,204") {
		t.Errorf("the toolbar says %q", got)
	}
	rows := a.MetricsRows()
	if rows[1].LR != 0.01 || rows[2].LR != 0.03 {
		t.Errorf("exported rows' rates %g at step 1204, %g at 1205; want 0.01 then 0.03", rows[1].LR, rows[2].LR)
	}
	if svg, _, _ := a.ChartsSVG(); !strings.Contains(captionOf(t, svg), "lr 0.01 → 0.03 after step 1,204") {
		t.Errorf("the exported charts' caption %q does not say the rate changed", captionOf(t, svg))
	}
	// Another setting restarts, at the latest rate, and the record starts again.
	a.SetField("batch", "16")
	if c := lastSent(t, h); c.Kind != proto.CmdReset || c.Spec.LR != 0.03 || len(a.LRChanges) != 0 {
		t.Errorf("a batch change sent %+v with changes %v; want a restart at 0.03 with none", c, a.LRChanges)
	}
	// A diverged run cannot change: the new rate restarts it.
	a.Receive(proto.Report{Gen: a.Gen, Metrics: lab.Metrics{Step: 9, Diverged: true}})
	a.SetField("lr", "0.001")
	if c := lastSent(t, h); c.Kind != proto.CmdReset {
		t.Errorf("after divergence: sent %+v; want a restart", c)
	}
}

// The − and + buttons step a setting through its stops, as the field would take them typed.
func TestSteppersWalkTheStops(t *testing.T) {
	a, _ := appWith(t, "")
	c := &Settings{App: a}
	c.nudge("lr", 1)
	c.nudge("batch", -1)
	c.nudge("noise", 1)
	if a.Spec.LR != 0.01 || a.Spec.Batch != 16 || a.Spec.Noise != 0.15 {
		t.Errorf("after +lr, −batch, +noise: lr %g, batch %d, noise %g; want 0.01, 16, 0.15", a.Spec.LR, a.Spec.Batch, a.Spec.Noise)
	}
	a.SetField("lr", "1")
	if c.CanNudge("lr", 1) || !c.CanNudge("lr", -1) {
		t.Error("at the largest learning rate + should be off and − on")
	}
	for _, g := range Groups {
		for _, ctl := range g.Controls {
			if want := ctl.Field == "lr" || ctl.Field == "batch" || ctl.Field == "noise"; ctl.Stepper != want {
				t.Errorf("%s: stepper %v", ctl.Field, ctl.Stepper)
			}
		}
	}
}

// Regenerate draws new points and keeps everything else, the seed of the initial weights
// included; the link says so, so it still reproduces the run.
func TestRegenerateDataKeepsTheNetworksStart(t *testing.T) {
	a, h := appWith(t, "#b=16x2r*3&s=7")
	a.RegenerateData()
	c := lastSent(t, h)
	if c.Kind != proto.CmdReset || c.Spec.DataSeed == 0 || c.Spec.Seed != 7 || !strings.Contains(h.hash, "ds=") {
		t.Errorf("sent %+v, hash %q; want a restart with a data seed and seed 7", c.Spec, h.hash)
	}
	back, err := lab.Parse(h.hash)
	if err != nil || back.DataSeed != c.Spec.DataSeed {
		t.Errorf("the link reads back data seed %d (%v); want %d", back.DataSeed, err, c.Spec.DataSeed)
	}
}
