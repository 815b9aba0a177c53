package lab

import (
	"context"
	"errors"
	"runtime"
	"testing"
	"time"
)

// A step abandoned because the context is done changes nothing: the run goes on exactly as
// if it had never been interrupted (same batches, same weights, same numbers).
func TestStepContextStoppedChangesNothing(t *testing.T) {
	s := Default()
	s.Blocks = Uniform(3, 8, 2, true)
	s.Width = 8
	s.BatchNorm = true // running averages would show a half-done step
	ref, err := NewTrainer(s)
	if err != nil {
		t.Fatal(err)
	}
	ref.Step(7)
	want := ref.Metrics()

	got, _ := NewTrainer(s)
	got.Step(3)
	done, cancel := context.WithCancel(context.Background())
	cancel()
	if err := got.StepContext(done, 4); err == nil {
		t.Fatal("StepContext with a cancelled context reports no error")
	}
	if _, err := got.MetricsContext(done); err == nil {
		t.Fatal("MetricsContext with a cancelled context reports no error")
	}
	if m := got.Metrics(); m.Step != 3 {
		t.Fatalf("after a cancelled StepContext the trainer is at step %d, want 3", m.Step)
	}
	got.Step(4)
	if m := got.Metrics(); m.TrainLoss != want.TrainLoss || m.TestAcc != want.TestAcc || m.Step != want.Step {
		t.Errorf("interrupted then resumed: %+v\nnever interrupted: %+v", m, want)
	}
}

// Sweep stops its runs when the context is cancelled mid-run: with 2³⁰ steps per run only
// the cancellation can end it.
func TestSweepCancelledMidRunStops(t *testing.T) {
	if runtime.GOOS == "js" {
		// js/wasm has no preemption: the timer below cannot fire while a run computes, so the
		// test would wait forever; the worker cancels from its own event loop instead.
		t.Skip("no preemption on js/wasm")
	}
	base := Default()
	base.Points = 100
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	results, err := Sweep(ctx, SweepConfig{Base: base, Depths: []int{1, 2}, Seeds: []uint64{1}, Steps: 1 << 30, Workers: 2}, nil)
	if !errors.Is(err, context.Canceled) || len(results) != 0 {
		t.Errorf("Sweep = %d results, %v; want none and context.Canceled", len(results), err)
	}
}
