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
