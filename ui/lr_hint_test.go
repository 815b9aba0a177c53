package ui

import (
	"testing"

	"resnetplayground/lab"
	"resnetplayground/proto"
)

func hintRun(peak float64, step int, acc float64) *Run {
	r := NewRun(func(proto.Command) {})
	r.Restart(lab.Default())
	r.Receive(proto.Report{Gen: r.Gen, Metrics: lab.Metrics{Step: 400, TrainAcc: acc, TrainLoss: 0.693}, PeakLoss: peak, PeakStep: step})
	return r
}

func TestLossBlewUpSpotsATooHighLearningRate(t *testing.T) {
	if peak, step, ok := LossBlewUp(hintRun(431.7, 2, 0.517), 2); !ok || peak != 431.7 || step != 2 {
		t.Errorf("a spike to 432 at step 2, then chance: peak %v at %v, ok %v", peak, step, ok)
	}
	if h := LRHint(hintRun(431.7, 2, 0.517)); h == "" {
		t.Error("no hint for a spike to 432 then chance")
	}
	if _, _, ok := LossBlewUp(hintRun(431.7, 2, 0.99), 2); ok {
		t.Error("a run that recovered and learnt was blamed on its learning rate")
	}
	if _, _, ok := LossBlewUp(hintRun(0.92, 286, 0.517), 2); ok {
		t.Error("a deep plain net stuck at chance (no spike) was blamed on its learning rate")
	}
	if _, _, ok := LossBlewUp(hintRun(40, 1, 0.5), 2); ok {
		t.Error("a high loss at the first step (the initial weights') was blamed on the learning rate")
	}
	r := hintRun(431.7, 2, 0.517)
	r.Restart(lab.Default())
	if LRHint(r) != "" {
		t.Error("the hint outlived a restart")
	}
}
