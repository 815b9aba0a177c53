package main

import (
	"context"
	"math"
	"testing"
	"time"

	"resnetplayground/lab"
	"resnetplayground/ui"
)

func TestPoolSize(t *testing.T) {
	for _, tc := range []struct{ cores, jobs, want int }{
		{1, 12, 2}, {2, 12, 2}, {4, 12, 4}, {16, 12, 8}, {16, 3, 3}, {4, 1, 1}, {0, 12, 2}, {4, 0, 1},
	} {
		if got := poolSize(tc.cores, tc.jobs); got != tc.want {
			t.Errorf("poolSize(%d cores, %d jobs) = %d, want %d", tc.cores, tc.jobs, got, tc.want)
		}
	}
}

func TestScheduleStartsCostliestFirstAndRunsEachJobOnce(t *testing.T) {
	jobs, err := ui.SweepJobs(lab.Default(), []int{2, 64, 8}, []uint64{1}, 100)
	if err != nil {
		t.Fatal(err)
	}
	s := newSchedule(jobs)
	first, ok := s.next(0)
	if !ok || first.Depth() != 64 {
		t.Fatalf("worker 0 got depth %d first, want 64 (the costliest)", first.Depth())
	}
	if _, ok := s.next(0); ok {
		t.Fatal("a busy worker was given a second job")
	}
	seen := map[int]bool{first.Index: true}
	second, _ := s.next(1)
	seen[second.Index] = true
	if second.Depth() != 64 {
		t.Errorf("worker 1 got depth %d, want the other 64-block run", second.Depth())
	}
	if j, ok := s.job(1); !ok || j.Index != second.Index {
		t.Error("the schedule does not know what worker 1 runs")
	}
	for !s.done() {
		for w := range 2 {
			if _, busy := s.job(w); busy {
				s.finish(w)
			}
			if j, ok := s.next(w); ok {
				if seen[j.Index] {
					t.Fatalf("job %d handed out twice", j.Index)
				}
				seen[j.Index] = true
			}
		}
	}
	if len(seen) != len(jobs) {
		t.Errorf("%d of %d jobs ran", len(seen), len(jobs))
	}
}

// A sweep run in a pool worker must train exactly as lab.Sweep (and so the command line)
// trains the same Spec, whatever bursts the worker's clock cuts it into.
func TestSweepJobTrainsAsLabSweep(t *testing.T) {
	base := smallSpec()
	cfg := lab.SweepConfig{Base: base, Depths: []int{2, 5}, Seeds: []uint64{base.Seed}, Steps: 137, Workers: 1}
	want, err := lab.Sweep(context.Background(), cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	jobs, err := ui.SweepJobs(base, cfg.Depths, cfg.Seeds, cfg.Steps)
	if err != nil {
		t.Fatal(err)
	}
	for i, job := range jobs {
		j := newSweepJob(ui.Command{Kind: ui.CmdSweep, Gen: job.Index, Spec: job.Spec, Steps: job.Steps})
		var p ui.SweepPoint
		for bursts := 0; !p.Done; bursts++ {
			if bursts > 10000 {
				t.Fatal("the job never finished")
			}
			j.advance(time.Nanosecond) // the shortest budget: one burst at a time
			p = j.point()
		}
		w := want[i].Final
		if p.Step != w.Step || p.TrainAcc != w.TrainAcc || p.TestAcc != w.TestAcc || p.TrainLoss != w.TrainLoss || p.TestLoss != w.TestLoss {
			t.Errorf("run %d (depth %d residual %v): worker %+v, lab.Sweep %+v", i, job.Depth(), job.Residual(), p, w)
		}
	}
}

func TestSweepJobReportsProgressAndBadSpecs(t *testing.T) {
	j := newSweepJob(ui.Command{Kind: ui.CmdSweep, Spec: smallSpec(), Steps: 1000})
	j.advance(time.Nanosecond)
	if p := j.point(); p.Done || p.Step != sweepBurst {
		t.Errorf("after one burst: %+v, want %d steps and not done", p, sweepBurst)
	}
	bad := smallSpec()
	bad.Width = -3
	if p := newSweepJob(ui.Command{Kind: ui.CmdSweep, Spec: bad, Steps: 10}).point(); !p.Done || p.Err == "" {
		t.Errorf("a bad spec: %+v, want a finished run with an error", p)
	}
	if p := newSweepJob(ui.Command{Kind: ui.CmdSweep, Spec: smallSpec(), Steps: 0}).point(); !p.Done || p.Err == "" {
		t.Errorf("zero steps: %+v, want an error", p)
	}
}

func TestSessionLesionLeavesTheNetworkAlone(t *testing.T) {
	s := newSession()
	spec := smallSpec()
	spec.Blocks = lab.Uniform(3, 8, 1, false)
	s.handle(ui.Command{Kind: ui.CmdReset, Gen: 4, Spec: spec})
	s.handle(ui.Command{Kind: ui.CmdStep, Gen: 4, Steps: 300})
	before := s.trainer.Metrics()

	r := s.lesion(ui.Command{Kind: ui.CmdLesion, Gen: 4, Block: ui.LesionAll})
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

	if one := s.lesion(ui.Command{Kind: ui.CmdLesion, Gen: 4, Block: 1}); len(one.Results) != 1 || one.Results[0] != r.Results[1] {
		t.Errorf("knocking out block 1 alone gave %+v, want the scan's %+v", one.Results, r.Results[1])
	}
	if bad := s.lesion(ui.Command{Kind: ui.CmdLesion, Gen: 4, Block: 7}); bad.Results[0].Err == "" {
		t.Error("lesioning block 7 of 3 gave no error")
	}
	if stale := s.lesion(ui.Command{Kind: ui.CmdLesion, Gen: 3, Block: 0}); stale.Err == "" {
		t.Error("a lesion for a replaced run gave no error")
	}
}

func TestLesionsAndBlocksSurviveTheWire(t *testing.T) {
	in := []ui.LesionResult{{Block: 0, TrainAcc: 0.5, TestAcc: 0.25}, {Block: 1, Err: "no shortcut"}, {Block: 2, TrainAcc: 1, TestAcc: 0.75}}
	vals, errs := flattenLesions(in)
	out := unflattenLesions(vals, errs)
	if len(out) != 3 || out[0] != in[0] || out[1] != in[1] || out[2] != in[2] {
		t.Errorf("lesions %+v came back as %+v", in, out)
	}
	if got := unflattenLesions(vals, nil); got[1].Err == "" {
		t.Error("a lost message left a failed block without one")
	}

	blocks := []lab.BlockStats{{GradNorm: 1e-9, ActMean: -0.5, ActStd: 2}, {GradNorm: math.Inf(1)}}
	back := unflattenBlocks(flattenBlocks(blocks))
	if len(back) != 2 || math.Abs(back[0].GradNorm-1e-9) > 1e-15 || back[0].ActStd != 2 || !math.IsInf(back[1].GradNorm, 1) {
		t.Errorf("blocks %+v came back as %+v", blocks, back)
	}
	if got := unflattenBlocks([]float32{1, 2}); len(got) != 0 {
		t.Error("a partial block was decoded")
	}
}

func TestSessionReportCarriesBlockStats(t *testing.T) {
	s := newSession()
	s.handle(ui.Command{Kind: ui.CmdReset, Gen: 1, Spec: smallSpec()})
	s.handle(ui.Command{Kind: ui.CmdStep, Gen: 1, Steps: 3})
	if r := fullReport(s); len(r.Metrics.Blocks) != 2 || r.Metrics.Blocks[0].GradNorm <= 0 {
		t.Errorf("report blocks %+v, want a positive gradient norm for each of 2 blocks", r.Metrics.Blocks)
	}
}
