package lab

import (
	"math"
	"reflect"
	"runtime"
	"testing"
)

func smallSpec(depth int, shortcut bool) Spec {
	s := Default()
	s.Blocks = Uniform(depth, 8, 2, shortcut)
	s.Width = 8
	s.Points = 200
	return s
}

func TestTrainerIsDeterministic(t *testing.T) {
	run := func() (Metrics, []float32) {
		tr, err := NewTrainer(smallSpec(4, true))
		if err != nil {
			t.Fatal(err)
		}
		tr.Step(200)
		return tr.Metrics(), tr.Boundary(16, nil)
	}
	m1, b1 := run()
	m2, b2 := run()
	if !reflect.DeepEqual(m1, m2) || !reflect.DeepEqual(b1, b2) {
		t.Fatalf("same Spec, different results:\n%+v\n%+v", m1, m2)
	}
	if m1.Step != 200 || m1.Epoch <= 0 {
		t.Fatalf("step %d epoch %g, want 200 and > 0", m1.Step, m1.Epoch)
	}
}

func TestTrainerLearns(t *testing.T) {
	s := smallSpec(2, true)
	s.Dataset = "circles"
	tr, err := NewTrainer(s)
	if err != nil {
		t.Fatal(err)
	}
	before := tr.Metrics()
	tr.Step(500)
	after := tr.Metrics()
	if after.TrainLoss >= before.TrainLoss || after.TrainAcc < 0.95 {
		t.Fatalf("did not learn circles: loss %.3f → %.3f, train acc %.3f", before.TrainLoss, after.TrainLoss, after.TrainAcc)
	}
	if len(after.Blocks) != 2 || after.Blocks[0].GradNorm <= 0 || after.Blocks[1].ActStd <= 0 {
		t.Fatalf("block diagnostics missing: %+v", after.Blocks)
	}
}

func TestTrainerRejectsInvalidSpec(t *testing.T) {
	s := Default()
	s.LR = -1
	if _, err := NewTrainer(s); err == nil {
		t.Fatal("NewTrainer accepted lr = -1")
	}
	s = Default()
	s.Blocks = Uniform(MaxBlocks, MaxWidth, 2, true)
	s.Batch = MaxBatch
	if _, err := NewTrainer(s); err == nil {
		t.Fatal("NewTrainer accepted a network too large for a browser tab")
	}
}

func TestBoundaryIsAProbabilityGrid(t *testing.T) {
	s := smallSpec(2, true)
	s.Classes = 3
	tr, err := NewTrainer(s)
	if err != nil {
		t.Fatal(err)
	}
	tr.Step(300)
	const n = 20
	p := tr.Boundary(n, nil)
	if len(p) != n*n*3 {
		t.Fatalf("len %d, want %d", len(p), n*n*3)
	}
	seen := map[int]bool{}
	for cell := 0; cell < n*n; cell++ {
		sum, best := float32(0), 0
		for c := 0; c < 3; c++ {
			sum += p[cell*3+c]
			if p[cell*3+c] > p[cell*3+best] {
				best = c
			}
		}
		if math.Abs(float64(sum)-1) > 1e-5 {
			t.Fatalf("cell %d probabilities sum to %g", cell, sum)
		}
		seen[best] = true
	}
	if len(seen) != 3 {
		t.Fatalf("a trained 3-arm spiral grid predicts only classes %v", seen)
	}
	if again := tr.Boundary(n, p); &again[0] != &p[0] {
		t.Fatal("Boundary did not reuse a large enough dst")
	}
}

func TestSetShortcutChangesTheRunningNetwork(t *testing.T) {
	tr, err := NewTrainer(smallSpec(3, true))
	if err != nil {
		t.Fatal(err)
	}
	tr.Step(300)
	before := tr.Metrics()
	if err := tr.SetShortcut(1, false); err != nil {
		t.Fatal(err)
	}
	after := tr.Metrics()
	if after.TrainLoss == before.TrainLoss {
		t.Fatal("turning a shortcut off did not change the network's output")
	}
	if tr.Spec().Blocks[1].Shortcut || !tr.Spec().Blocks[0].Shortcut {
		t.Fatalf("Spec does not reflect the toggle: %+v", tr.Spec().Blocks)
	}
	if err := tr.SetShortcut(3, true); err == nil {
		t.Fatal("SetShortcut accepted block 3 of 3")
	}
}

func TestLesionLeavesNetworkIntact(t *testing.T) {
	tr, err := NewTrainer(smallSpec(4, true))
	if err != nil {
		t.Fatal(err)
	}
	tr.Step(500)
	intact := tr.Metrics()
	lesioned, err := tr.Lesion(2)
	if err != nil {
		t.Fatal(err)
	}
	if lesioned.TrainLoss == intact.TrainLoss {
		t.Fatal("removing a block's branch changed nothing")
	}
	if again := tr.Metrics(); again.TrainLoss != intact.TrainLoss {
		t.Fatalf("Lesion left the network changed: loss %g, was %g", again.TrainLoss, intact.TrainLoss)
	}
	if _, err := tr.Lesion(-1); err == nil {
		t.Fatal("Lesion accepted block -1")
	}
}

func TestDivergenceIsAStateNotACrash(t *testing.T) {
	s := smallSpec(6, false)
	s.Optimizer, s.LR, s.Activation = "sgd", 1, "linear" // a linear net at lr 1 blows up
	tr, err := NewTrainer(s)
	if err != nil {
		t.Fatal(err)
	}
	tr.Step(500)
	m := tr.Metrics()
	if !m.Diverged || !tr.Diverged() {
		t.Fatalf("expected divergence, got %+v", m)
	}
	step := m.Step
	tr.Step(10)
	if tr.Metrics().Step != step {
		t.Fatal("Step kept training after divergence")
	}
}

func TestStepAllocatesNothing(t *testing.T) {
	for _, bn := range []bool{false, true} {
		s := smallSpec(6, true)
		s.BatchNorm = bn
		s.Blocks[2].Width = 12 // a projection on the way
		tr, err := NewTrainer(s)
		if err != nil {
			t.Fatal(err)
		}
		tr.Step(1)
		if allocs := testing.AllocsPerRun(20, func() { tr.Step(5) }); allocs != 0 {
			t.Errorf("batch norm %v: %v allocations per Step", bn, allocs)
		}
	}
}

// TestDegradation guards the claim the whole page makes, on the default Spec and on several
// seeds: a deep plain network trains clearly worse than a shallow one, and the same deep
// network with shortcuts trains as well as the shallow one.
func TestDegradation(t *testing.T) {
	if testing.Short() {
		t.Skip("trains 9 networks: shallow, deep plain and deep residual on 3 seeds")
	}
	if runtime.GOOS == "js" {
		t.Skip("the same arithmetic runs natively; too slow for the wasm run")
	}
	const steps, shallow, deep = 2000, 2, 32
	for _, seed := range []uint64{1, 2, 3} {
		acc := func(depth int, shortcut bool) float64 {
			s := Default()
			s.Seed = seed
			s.Blocks = Uniform(depth, s.Width, 2, shortcut)
			tr, err := NewTrainer(s)
			if err != nil {
				t.Fatal(err)
			}
			tr.Step(steps)
			return tr.Metrics().TrainAcc
		}
		sh, plain, res := acc(shallow, false), acc(deep, false), acc(deep, true)
		t.Logf("seed %d: train acc shallow %.3f, deep plain %.3f, deep residual %.3f", seed, sh, plain, res)
		if plain > sh-0.2 {
			t.Errorf("seed %d: deep plain net trains to %.3f, not clearly below the shallow %.3f", seed, plain, sh)
		}
		if res < sh-0.03 {
			t.Errorf("seed %d: deep residual net trains to %.3f, below the shallow %.3f", seed, res, sh)
		}
	}
}

// The per-block diagnostics describe the latest training step even when the boundary (which
// reuses the network's buffers) was drawn in between.
func TestBlockStatsSurviveEvaluation(t *testing.T) {
	a, err := NewTrainer(smallSpec(3, true))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := NewTrainer(smallSpec(3, true))
	a.Step(20)
	b.Step(20)
	a.Boundary(30, nil)
	ma, mb := a.Metrics(), b.Metrics()
	if !reflect.DeepEqual(ma.Blocks, mb.Blocks) {
		t.Fatalf("stats after a boundary %+v, without %+v", ma.Blocks, mb.Blocks)
	}
	if ma.Blocks[0].ActStd == 0 || ma.Blocks[2].GradNorm == 0 {
		t.Fatalf("empty stats %+v", ma.Blocks)
	}
}

// The peak minibatch loss is the worst loss any step saw: a learning rate far too high
// sends it to hundreds within a few steps, and the peak keeps that after the network
// settles back at chance, where the measurements see nothing odd.
func TestPeakLossKeepsTheSpikeOfATooHighLearningRate(t *testing.T) {
	s := Default()
	s.Blocks = Uniform(2, 16, 2, false)
	s.LR = 1
	tr, err := NewTrainer(s)
	if err != nil {
		t.Fatal(err)
	}
	if l, st := tr.PeakLoss(); l != 0 || st != 0 {
		t.Errorf("before any step the peak is %g at %d", l, st)
	}
	prev := 0.0
	for i := 0; i < 60; i++ {
		tr.Step(1)
		l, st := tr.PeakLoss()
		if l < prev || st < 1 || st > i+1 {
			t.Fatalf("after step %d the peak is %g at step %d (was %g)", i+1, l, st, prev)
		}
		prev = l
	}
	if l, st := tr.PeakLoss(); l < 100 || st > 10 {
		t.Errorf("Adam at learning rate 1: peak %g at step %d; want over 100 within 10 steps", l, st)
	}
	if m := tr.Metrics(); m.TrainLoss > 5 || m.Diverged {
		t.Errorf("the measured loss is %g (diverged %v): the spike no longer hides, so this test proves little", m.TrainLoss, m.Diverged)
	}

	calm, _ := NewTrainer(Default())
	calm.Step(60)
	if l, st := calm.PeakLoss(); l > 1.2 || l <= 0 || st < 1 {
		t.Errorf("the default run's peak is %g at step %d; want a loss near ln 2", l, st)
	}
}

// A learning rate changed mid-run takes effect from the next step, without a restart: the
// weights after it are those of a trainer that trained the same steps at the old rate and
// then at the new one, and the change is on record.
func TestSetLRChangesTheRunningTrainer(t *testing.T) {
	for _, opt := range []string{"adam", "sgd", "momentum"} {
		s := Default()
		s.Blocks = Uniform(2, 8, 1, true)
		s.Optimizer = opt
		a, _ := NewTrainer(s)
		b, _ := NewTrainer(s)
		a.Step(10)
		b.Step(10)
		if err := a.SetLR(0.02); err != nil {
			t.Fatal(err)
		}
		a.Step(5)
		b.Step(5)
		if a.Metrics().TrainLoss == b.Metrics().TrainLoss {
			t.Errorf("%s: the new learning rate changed nothing", opt)
		}
		if got := a.LRChanges(); len(got) != 1 || got[0] != (LRChange{Step: 10, LR: 0.02}) || a.Spec().LR != 0.02 {
			t.Errorf("%s: changes %+v, spec lr %g; want the change to 0.02 after step 10", opt, got, a.Spec().LR)
		}
		// Stepping at 0.02 from the start would not match: the first ten steps were at the old rate.
		s.LR = 0.02
		c, _ := NewTrainer(s)
		c.Step(15)
		if c.Metrics().TrainLoss == a.Metrics().TrainLoss {
			t.Errorf("%s: a run changed at step 10 matches one at the new rate throughout", opt)
		}
	}
	tr, _ := NewTrainer(Default())
	if err := tr.SetLR(-1); err == nil || tr.Spec().LR != Default().LR || len(tr.LRChanges()) != 0 {
		t.Errorf("a negative learning rate: err %v, lr %g, changes %v", err, tr.Spec().LR, tr.LRChanges())
	}
}
