package ui

import (
	"strings"
	"testing"

	"resnetplayground/lab"
	"resnetplayground/proto"
)

// Picking Digits brings the digits' deep plain conv network; picking points again, the
// page's default network. The seed stays.
func TestPickingDigitsSwitchesNetwork(t *testing.T) {
	h := &fakeHost{}
	a := NewApp(h, "", 1)
	a.SetField("seed", "7")
	a.SetField("dataset", "digits")
	if !a.Spec.IsConv() || a.Spec.Seed != 7 || !a.ShowsImages() || a.FieldMsgs["dataset"] != "" {
		t.Fatalf("after picking digits: %s (%v)", a.Spec, a.FieldMsgs)
	}
	if last := h.sent[len(h.sent)-1]; last.Kind != proto.CmdReset || last.Spec.Dataset != "digits" {
		t.Errorf("last command %+v, want a reset on the digits", last)
	}
	a.SetField("dataset", "moons")
	if a.Spec.IsConv() || a.Spec.Seed != 7 || a.Spec.Dataset != "moons" || len(a.Spec.Blocks) != len(lab.Default().Blocks) {
		t.Errorf("after picking moons: %s", a.Spec)
	}
}

// Reports build up the digits view: images once, predictions and probabilities as they come;
// the confusion matrix counts predictions by true digit.
func TestDigitsViewFromReports(t *testing.T) {
	a := NewApp(&fakeHost{}, "d=digits&net=conv&w=4&b=4x2p,8x2p,16x2p", 1)
	a.Receive(proto.Report{Gen: a.Gen, Digits: &proto.DigitsView{Side: 2, Images: []byte{1, 2, 3, 4}, Labels: []byte{0, 1, 1}}})
	a.Receive(proto.Report{Gen: a.Gen, Digits: &proto.DigitsView{Side: 2, Pred: []byte{0, 1, 0}, Probe: []float32{0.25, 0.75}}})
	d := a.Digits
	if len(d.Images) != 4 || len(d.Pred) != 3 || len(d.Probe) != 2 {
		t.Fatalf("digits view %+v", d)
	}
	m := d.Confusion(2)
	if m[0][0] != 1 || m[1][1] != 1 || m[1][0] != 1 || m[0][1] != 0 {
		t.Errorf("confusion %v", m)
	}
	panel := &DigitsPanel{App: a}
	if got := panel.ProbsText(); got != "0.250,0.750" {
		t.Errorf("ProbsText %q", got)
	}
	if rows := (&DigitsPad{Runs: panel.PadRuns()}).Answers()[0].Rows; rows[1].Class != " best" || rows[1].Pct != "75%" || rows[5].Width != "0%" {
		t.Errorf("probability rows %+v", rows[:2])
	}
	a.Probe(nil)
	if a.Digits.Probe != nil {
		t.Error("clearing the pad kept the probabilities")
	}
	// A report the worker sent before it heard of the clearing still carries the drawing's
	// probabilities: they must not come back.
	a.Receive(proto.Report{Gen: a.Gen, Ack: a.Sent - 1, Digits: &proto.DigitsView{Side: 2, Probe: []float32{0.5, 0.5}}})
	if a.Digits.Probe != nil {
		t.Error("a report older than the clearing brought the probabilities back")
	}
	a.Receive(proto.Report{Gen: a.Gen, Ack: a.Sent, Digits: &proto.DigitsView{Side: 2, Probe: []float32{0.5, 0.5}}})
	if len(a.Digits.Probe) != 2 {
		t.Error("a current report's probabilities were dropped")
	}
	a.Reset()
	if a.Digits.Pred != nil || len(a.Digits.Images) == 0 {
		t.Error("a reset should drop the predictions, not the images")
	}
}

// The depth sweep of a conv network starts with the digits experiment's sizes for the page:
// the paper's depths, 8 to 56 layers, every one within the budget, plain and residual.
func TestSweepOfDigitsUsesItsSizes(t *testing.T) {
	h := &fakeCompareHost{}
	c := NewCompare(NewApp(&fakeHost{}, lab.DigitsDefault().String(), 1), h)
	c.StartSweep()
	if c.Sweep.Msg != "" || c.Sweep.DepthsText != "1, 2, 3, 5, 7, 9" || c.Sweep.StepsText != "150" || c.Sweep.Classes != 10 || len(c.Sweep.Jobs) != 12 {
		t.Fatalf("sweep: %q, depths %q, %s steps, %d classes, %d jobs", c.Sweep.Msg, c.Sweep.DepthsText, c.Sweep.StepsText, c.Sweep.Classes, len(c.Sweep.Jobs))
	}
	if deepest := c.Sweep.Jobs[len(c.Sweep.Jobs)-1].Spec; lab.WeightLayers(deepest) != 56 || lab.CheckSize(deepest) != nil {
		t.Errorf("the deepest run has %d layers (want 56), budget: %v", lab.WeightLayers(deepest), lab.CheckSize(deepest))
	}
	// The table counts depth as the paper does, beside the blocks.
	view := &Sweep{Compare: c}
	rows := view.Rows()
	if view.DepthHeader() != "blocks (n, layers)" || len(rows) != 6 || rows[5].Label != "27 (n = 9, 56 layers)" || rows[0].Label != "3 (n = 1, 8 layers)" {
		t.Errorf("table: %q, rows %+v", view.DepthHeader(), rows)
	}
}

// The editor and the diagram speak in stages for a conv network: blocks per stage rebuild the
// stages, labels give channels and stride.
func TestConvNetworkInStages(t *testing.T) {
	a := NewApp(&fakeHost{}, lab.DigitsDefault().String(), 1)
	ed := &BlockEditor{App: a}
	if ed.PerStage() != "5" || ed.LayerCount() != "= 32 weight layers" || ed.WidthLabel() != "channels" {
		t.Errorf("editor: %s per stage, %q, %q", ed.PerStage(), ed.LayerCount(), ed.WidthLabel())
	}
	a.SetPerStage("2")
	if got := a.Spec.String(); !strings.Contains(got, "b=4x2p*2,8x2p*2,16x2p*2") {
		t.Errorf("after 2 per stage: %s", got)
	}
	a.Select(2)
	if got := ed.Stage(); got != "stride 2: a new stage, 7×7 out" {
		t.Errorf("stage of block 3: %q", got)
	}
	if got := convWidthLabel(a.Spec, 2); got != "↓2 8ch" {
		t.Errorf("diagram label %q", got)
	}
	a.SetAllShortcuts(true)
	if got := ed.ShortcutKind(); !strings.Contains(got, "option A") {
		t.Errorf("shortcut of a stage entry: %q", got)
	}
	d := &Diagram{App: a}
	if !strings.Contains(d.InputLabel(), "3×3 conv") || !strings.Contains(d.OutputLabel(), "10 classes") {
		t.Errorf("diagram labels %q, %q", d.InputLabel(), d.OutputLabel())
	}
}
