package worker

import (
	"context"
	"testing"
	"time"

	"resnetplayground/lab"
	"resnetplayground/proto"
)

// A sweep run in a pool worker must train exactly as lab.Sweep (and so the command line)
// trains the same Spec, whatever bursts the worker's clock cuts it into.
func TestSweepJobTrainsAsLabSweep(t *testing.T) {
	base := smallSpec()
	cfg := lab.SweepConfig{Base: base, Depths: []int{2, 5}, Seeds: []uint64{base.Seed}, Steps: 137, Workers: 1}
	want, err := lab.Sweep(context.Background(), cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, spec := range cfg.Specs() { // the runs the page's sweep asks its pool for
		j := newSweepJob(proto.Command{Kind: proto.CmdSweep, Gen: i, Spec: spec, Steps: cfg.Steps})
		var p proto.SweepPoint
		for bursts := 0; !p.Done; bursts++ {
			if bursts > 10000 {
				t.Fatal("the job never finished")
			}
			j.advance(time.Nanosecond) // the shortest budget: one burst at a time
			p = j.point()
		}
		w := want[i].Final
		if p.Step != w.Step || p.TrainAcc != w.TrainAcc || p.TestAcc != w.TestAcc || p.TrainLoss != w.TrainLoss || p.TestLoss != w.TestLoss {
			t.Errorf("run %d (%s): worker %+v, lab.Sweep %+v", i, spec, p, w)
		}
	}
}

func TestSweepJobReportsProgressAndBadSpecs(t *testing.T) {
	j := newSweepJob(proto.Command{Kind: proto.CmdSweep, Spec: smallSpec(), Steps: 1000})
	j.advance(time.Nanosecond)
	if p := j.point(); p.Done || p.Step != sweepBurst {
		t.Errorf("after one burst: %+v, want %d steps and not done", p, sweepBurst)
	}
	bad := smallSpec()
	bad.Width = -3
	if p := newSweepJob(proto.Command{Kind: proto.CmdSweep, Spec: bad, Steps: 10}).point(); !p.Done || p.Err == "" {
		t.Errorf("a bad spec: %+v, want a finished run with an error", p)
	}
	if p := newSweepJob(proto.Command{Kind: proto.CmdSweep, Spec: smallSpec(), Steps: 0}).point(); !p.Done || p.Err == "" {
		t.Errorf("zero steps: %+v, want an error", p)
	}
}

func TestSessionLesionLeavesTheNetworkAlone(t *testing.T) {
	s := newSession()
	spec := smallSpec()
	spec.Blocks = lab.Uniform(3, 8, 1, false)
	s.handle(proto.Command{Kind: proto.CmdReset, Gen: 4, Spec: spec})
	s.handle(proto.Command{Kind: proto.CmdStep, Gen: 4, Steps: 300})
	before := s.trainer.Metrics()

	r := s.lesion(proto.Command{Kind: proto.CmdLesion, Gen: 4, Block: proto.LesionAll})
	if r.Err != "" || len(r.Results) != 3 || r.Step != 300 {
		t.Fatalf("lesion scan: %+v, want 3 results at step 300", r)
	}
	if r.Intact.TestAcc != before.TestAcc {
		t.Errorf("intact accuracy %v, want the network's %v", r.Intact.TestAcc, before.TestAcc)
	}
	changed := false
	for i, x := range r.Results {
		if x.Block != i || x.Err != "" {
			t.Errorf("result %d: %+v", i, x)
		}
		changed = changed || x.TestAcc != before.TestAcc
	}
	if !changed {
		t.Error("removing a block of a plain net changed nothing")
	}
	if after := s.trainer.Metrics(); after.TestAcc != before.TestAcc || after.Step != before.Step {
		t.Errorf("the lesion changed the running network: %+v → %+v", before, after)
	}

	if one := s.lesion(proto.Command{Kind: proto.CmdLesion, Gen: 4, Block: 1}); len(one.Results) != 1 || one.Results[0] != r.Results[1] {
		t.Errorf("knocking out block 1 alone gave %+v, want the scan's %+v", one.Results, r.Results[1])
	}
	if bad := s.lesion(proto.Command{Kind: proto.CmdLesion, Gen: 4, Block: 7}); bad.Results[0].Err == "" {
		t.Error("lesioning block 7 of 3 gave no error")
	}
	if stale := s.lesion(proto.Command{Kind: proto.CmdLesion, Gen: 3, Block: 0}); stale.Err == "" {
		t.Error("a lesion for a replaced run gave no error")
	}
}

func TestSessionReportCarriesBlockStats(t *testing.T) {
	s := newSession()
	s.handle(proto.Command{Kind: proto.CmdReset, Gen: 1, Spec: smallSpec()})
	s.handle(proto.Command{Kind: proto.CmdStep, Gen: 1, Steps: 3})
	if r := fullReport(s); len(r.Metrics.Blocks) != 2 || r.Metrics.Blocks[0].GradNorm <= 0 {
		t.Errorf("report blocks %+v, want a positive gradient norm for each of 2 blocks", r.Metrics.Blocks)
	}
}
