package worker

import (
	"testing"
	"time"

	"resnetplayground/lab"
	"resnetplayground/proto"
)

func smallSpec() lab.Spec {
	s := lab.Default()
	s.Blocks = lab.Uniform(2, 8, 1, true)
	s.Width = 8
	s.Points = 100
	return s
}

// fullReport measures everything, with the boundary at its first size; progressReport
// measures nothing it need not.
func fullReport(s *session) proto.Report {
	r, _ := s.report(measure{metrics: true, gridN: gridSize(s.cost())})
	return r
}

func progressReport(s *session) proto.Report {
	r, _ := s.report(measure{})
	return r
}

// A report between measurements carries the current step and the latest measurement, and
// adds nothing to the history: it costs no evaluation.
func TestProgressReportsMeasureNothing(t *testing.T) {
	s := newSession()
	s.handle(proto.Command{Kind: proto.CmdReset, Gen: 1, Spec: smallSpec()})
	first := fullReport(s)
	s.handle(proto.Command{Kind: proto.CmdStep, Gen: 1, Steps: 7})
	r, cost := s.report(measure{})
	if r.Metrics.Step != 7 || r.Metrics.Epoch <= 0 {
		t.Errorf("progress report at step %d, epoch %g; want step 7", r.Metrics.Step, r.Metrics.Epoch)
	}
	if r.Metrics.TrainLoss != first.Metrics.TrainLoss || len(r.History) != 1 || cost.metrics != 0 || len(r.Boundary) != 0 {
		t.Errorf("a progress report measured: loss %g (was %g), %d history samples, %v spent", r.Metrics.TrainLoss, first.Metrics.TrainLoss, len(r.History), cost.metrics)
	}
	r, cost = s.report(measure{metrics: true, gridN: 20})
	if len(r.History) != 2 || r.Metrics.Step != 7 || r.GridN != 20 || len(r.Boundary) != 20*20*2 || cost.gridN != 20 {
		t.Errorf("a measuring report: %d samples, step %d, grid %d with %d values", len(r.History), r.Metrics.Step, r.GridN, len(r.Boundary))
	}
}

func TestSessionResetStepAndReport(t *testing.T) {
	s := newSession()
	if !s.handle(proto.Command{Kind: proto.CmdReset, Gen: 3, Spec: smallSpec()}) {
		t.Fatal("a reset should be reported at once")
	}
	r := fullReport(s)
	if r.Gen != 3 || r.Err != "" {
		t.Fatalf("report gen %d err %q", r.Gen, r.Err)
	}
	if r.Train == nil || r.Test == nil || r.Train.Len()+r.Test.Len() != 100 {
		t.Fatalf("the first report must carry the 100 data points")
	}
	if len(r.Boundary) != GridN*GridN*r.Classes || r.Classes != 2 {
		t.Errorf("boundary has %d values for %d classes, want %d", len(r.Boundary), r.Classes, GridN*GridN*2)
	}
	if r2 := progressReport(s); r2.Train != nil || len(r2.Boundary) != 0 {
		t.Error("later reports resend the points, or a boundary nobody asked for")
	}

	s.handle(proto.Command{Kind: proto.CmdStep, Gen: 3, Steps: 5})
	if r := progressReport(s); r.Metrics.Step != 5 {
		t.Errorf("after a 5-step command the step is %d", r.Metrics.Step)
	}
	// Commands for another generation are ignored.
	s.handle(proto.Command{Kind: proto.CmdStep, Gen: 2, Steps: 5})
	if r := progressReport(s); r.Metrics.Step != 5 {
		t.Errorf("a stale step command was applied: step %d", r.Metrics.Step)
	}
}

func TestSessionRunTrainsInBursts(t *testing.T) {
	s := newSession()
	s.handle(proto.Command{Kind: proto.CmdReset, Gen: 1, Spec: smallSpec(), Run: true})
	if !s.training() {
		t.Fatal("a reset with Run should train")
	}
	if n := s.train(5 * time.Millisecond); n < 1 {
		t.Errorf("a burst ran %d steps", n)
	}
	s.handle(proto.Command{Kind: proto.CmdRun, Gen: 1, Run: false})
	if s.training() || s.train(time.Millisecond) != 0 {
		t.Error("paused, yet still training")
	}
}

func TestSessionReportsBadSpecAndLiveToggleErrors(t *testing.T) {
	s := newSession()
	bad := smallSpec()
	bad.LR = -1
	s.handle(proto.Command{Kind: proto.CmdReset, Gen: 1, Spec: bad, Run: true})
	r := fullReport(s)
	if r.Err == "" || s.training() {
		t.Errorf("a bad spec: err %q training %v; want an error and no training", r.Err, s.training())
	}
	if fullReport(s).Err != "" {
		t.Error("an error is reported more than once")
	}

	s.handle(proto.Command{Kind: proto.CmdReset, Gen: 2, Spec: smallSpec()})
	fullReport(s)
	s.handle(proto.Command{Kind: proto.CmdShortcut, Gen: 2, Block: 99, On: true})
	if r := progressReport(s); r.Err == "" {
		t.Error("toggling block 99 of 2 gave no error")
	}
	s.handle(proto.Command{Kind: proto.CmdShortcut, Gen: 2, Block: 0, On: false})
	if r := progressReport(s); r.Err != "" {
		t.Errorf("a valid live toggle failed: %s", r.Err)
	}
}

func TestHistoryStaysBoundedAndKeepsEnds(t *testing.T) {
	h := NewHistory(10)
	for i := range 1000 {
		h.Add(proto.Sample{Step: float64(i)})
	}
	got := h.Samples()
	if len(got) > 10 || len(got) < 5 {
		t.Fatalf("%d samples kept, want 5..10", len(got))
	}
	if got[0].Step != 0 || got[len(got)-1].Step != 999 {
		t.Errorf("kept %v..%v, want the first and the latest", got[0].Step, got[len(got)-1].Step)
	}
	for i := 1; i < len(got); i++ {
		if got[i].Step <= got[i-1].Step {
			t.Fatalf("samples out of order: %v", got)
		}
	}
	h.Reset()
	if len(h.Samples()) != 0 {
		t.Error("Reset kept samples")
	}
}

// A network too costly to draw at full resolution gets a coarser boundary, so drawing it
// stays short enough for the worker to keep hearing the page.
func TestBoundaryShrinksForCostlyNetworks(t *testing.T) {
	if n := gridSize(12_000); n != GridN {
		t.Errorf("a 24-block width-16 net (12k multiply-adds a point) gets a %d grid, want %d", n, GridN)
	}
	if n := gridSize(1_000_000); n >= GridN || n < MinGridN {
		t.Errorf("a million multiply-adds a point gets a %d grid", n)
	}
	if n := gridSize(1 << 40); n != MinGridN {
		t.Errorf("an absurd cost gets a %d grid, want the minimum %d", n, MinGridN)
	}
	s := newSession()
	spec := lab.Default()
	spec.Blocks = lab.Uniform(128, 64, 2, true)
	spec.Width = 64
	s.handle(proto.Command{Kind: proto.CmdReset, Gen: 1, Spec: spec})
	r := fullReport(s)
	if r.Err != "" {
		t.Fatal(r.Err)
	}
	if r.GridN >= GridN || len(r.Boundary) != r.GridN*r.GridN*r.Classes {
		t.Fatalf("128 blocks of width 64: grid %d with %d values", r.GridN, len(r.Boundary))
	}
}

// The page's watchdog counts on an answer to every Run: a Play with no network to train
// (its Spec failed) is answered at once, as a pause is.
func TestRunWithNothingToTrainIsAnswered(t *testing.T) {
	s := newSession()
	if !s.handle(proto.Command{Kind: proto.CmdRun, Run: true}) {
		t.Error("a Play without a trainer gets no answer")
	}
	if s.training() {
		t.Error("training without a trainer")
	}
}

// Reports carry the run's peak minibatch loss, so the page can tell a learning rate that
// blew the loss up from a network that merely sits at chance; a reset forgets it.
func TestReportsCarryThePeakMinibatchLoss(t *testing.T) {
	s := newSession()
	spec := smallSpec()
	spec.LR = 1
	s.handle(proto.Command{Kind: proto.CmdReset, Gen: 1, Spec: spec})
	s.handle(proto.Command{Kind: proto.CmdStep, Gen: 1, Steps: 30})
	if r := progressReport(s); r.PeakLoss < 20 || r.PeakStep < 1 || r.PeakStep > 30 {
		t.Errorf("Adam at learning rate 1: the report's peak is %g at step %d", r.PeakLoss, r.PeakStep)
	}
	s.handle(proto.Command{Kind: proto.CmdReset, Gen: 2, Spec: smallSpec()})
	if r := progressReport(s); r.PeakLoss != 0 || r.PeakStep != 0 {
		t.Errorf("after a reset the peak is %g at step %d", r.PeakLoss, r.PeakStep)
	}
	s.handle(proto.Command{Kind: proto.CmdStep, Gen: 2, Steps: 30})
	if r := progressReport(s); r.PeakLoss > 2 || r.PeakStep < 1 {
		t.Errorf("a sound learning rate: peak %g at step %d", r.PeakLoss, r.PeakStep)
	}
}

// The page changes the learning rate of a run in place: the trainer keeps its step and
// weights, and reports say when the rate changed.
func TestLRCommandChangesTheRunningTrainer(t *testing.T) {
	s := newSession()
	s.handle(proto.Command{Kind: proto.CmdReset, Gen: 1, Spec: smallSpec()})
	s.handle(proto.Command{Kind: proto.CmdStep, Gen: 1, Steps: 12})
	if !s.handle(proto.Command{Kind: proto.CmdLR, Gen: 1, LR: 0.03}) {
		t.Error("a learning-rate change should be reported at once")
	}
	r := progressReport(s)
	if r.Metrics.Step != 12 || len(r.LRChanges) != 1 || r.LRChanges[0] != (lab.LRChange{Step: 12, LR: 0.03}) || r.Err != "" {
		t.Errorf("after the change: step %d, changes %+v, err %q", r.Metrics.Step, r.LRChanges, r.Err)
	}
	s.handle(proto.Command{Kind: proto.CmdLR, Gen: 1, LR: 50})
	if r := progressReport(s); r.Err == "" || len(r.LRChanges) != 1 {
		t.Errorf("a learning rate of 50: err %q, changes %+v", r.Err, r.LRChanges)
	}
	s.handle(proto.Command{Kind: proto.CmdLR, Gen: 0, LR: 0.1}) // for a replaced trainer
	if r := progressReport(s); len(r.LRChanges) != 1 {
		t.Errorf("a stale change was applied: %+v", r.LRChanges)
	}
}
