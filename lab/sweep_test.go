package lab

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
)

// sweepTestBase is a small, valid experiment that trains in milliseconds.
func sweepTestBase() Spec {
	return Spec{
		Dataset: "spiral", Classes: 2, Points: 80, Noise: 0.1, TrainFrac: 0.5,
		Width: 6, Blocks: []BlockSpec{{Width: 6, Layers: 2}}, Activation: "relu",
		Optimizer: "sgd", LR: 0.05, Batch: 8, Seed: 1,
	}
}

func TestSweepSpecsCoverEveryDepthVariantAndSeedInOrder(t *testing.T) {
	c := SweepConfig{Base: sweepTestBase(), Depths: []int{3, 1}, Seeds: []uint64{7, 5}, Steps: 1}
	type run struct {
		depth    int
		residual bool
		seed     uint64
	}
	want := []run{
		{3, false, 7}, {3, false, 5}, {3, true, 7}, {3, true, 5},
		{1, false, 7}, {1, false, 5}, {1, true, 7}, {1, true, 5},
	}
	specs := c.Specs()
	if len(specs) != len(want) {
		t.Fatalf("got %d specs, want %d", len(specs), len(want))
	}
	for i, s := range specs {
		if len(s.Blocks) != want[i].depth || s.Seed != want[i].seed {
			t.Errorf("spec %d: %d blocks, seed %d; want %+v", i, len(s.Blocks), s.Seed, want[i])
		}
		for j, b := range s.Blocks {
			if b.Shortcut != want[i].residual || b.Width != 6 || b.Layers != 2 {
				t.Errorf("spec %d block %d = %+v, want width 6, 2 layers, shortcut %v", i, j, b, want[i].residual)
			}
		}
	}
	specs[0].Blocks[0].Width = 99
	if c.Specs()[0].Blocks[0].Width != 6 || c.Base.Blocks[0].Width != 6 {
		t.Error("specs share their blocks with the base or with each other")
	}
}

func TestSweepResultsEqualIndependentRunsOfItsSpecs(t *testing.T) {
	c := SweepConfig{Base: sweepTestBase(), Depths: []int{1, 3}, Seeds: []uint64{1, 2}, Steps: 150, Workers: 3}
	results, err := Sweep(context.Background(), c, nil)
	if err != nil {
		t.Fatal(err)
	}
	specs := c.Specs()
	if len(results) != len(specs) {
		t.Fatalf("got %d results for %d specs", len(results), len(specs))
	}
	for i, s := range specs {
		tr, err := NewTrainer(s)
		if err != nil {
			t.Fatal(err)
		}
		tr.Step(c.Steps) // one call, where Sweep steps in chunks: the result must not differ
		want := tr.Metrics()
		r := results[i]
		if r.Depth != len(s.Blocks) || r.Residual != s.Blocks[0].Shortcut || r.Seed != s.Seed || r.Steps != c.Steps {
			t.Errorf("result %d labelled %+v, want depth %d residual %v seed %d", i, r, len(s.Blocks), s.Blocks[0].Shortcut, s.Seed)
		}
		if !reflect.DeepEqual(r.Final, want) {
			t.Errorf("result %d (depth %d residual %v seed %d): sweep gave %+v, an independent run %+v",
				i, r.Depth, r.Residual, r.Seed, r.Final, want)
		}
	}
}

func TestSweepResultsDoNotDependOnWorkers(t *testing.T) {
	c := SweepConfig{Base: sweepTestBase(), Depths: []int{1, 2, 4}, Seeds: []uint64{1, 2}, Steps: 120}
	c.Workers = 1
	serial, err := Sweep(context.Background(), c, nil)
	if err != nil {
		t.Fatal(err)
	}
	c.Workers = 5
	parallel, err := Sweep(context.Background(), c, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(serial, parallel) {
		t.Errorf("1 worker and 5 workers disagree:\n%+v\n%+v", serial, parallel)
	}
}

func TestSweepReportsProgressInResultOrder(t *testing.T) {
	c := SweepConfig{Base: sweepTestBase(), Depths: []int{2, 1}, Seeds: []uint64{3, 4}, Steps: 10, Workers: 4}
	var reported []SweepResult
	results, err := Sweep(context.Background(), c, func(r SweepResult) { reported = append(reported, r) })
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(reported, results) {
		t.Errorf("progress reported\n%+v\nbut Sweep returned\n%+v", reported, results)
	}
}

func TestSweepCancelStopsEarly(t *testing.T) {
	c := SweepConfig{Base: sweepTestBase(), Depths: []int{1, 2, 3, 4}, Seeds: []uint64{1, 2}, Steps: 1000, Workers: 1}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	calls := 0
	results, err := Sweep(ctx, c, func(SweepResult) { calls++; cancel() })
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	// With one worker, the run in flight when cancel is called may finish; no later run starts.
	if total := len(c.Specs()); len(results) > 2 || len(results) >= total {
		t.Errorf("%d of %d runs finished after cancelling at the first", len(results), total)
	}
	if calls > len(results) {
		t.Errorf("progress called %d times for %d results", calls, len(results))
	}
}

func TestSweepRejectsBadConfigsClearly(t *testing.T) {
	ok := SweepConfig{Base: sweepTestBase(), Depths: []int{1, 2}, Seeds: []uint64{1}, Steps: 10}
	for _, tc := range []struct {
		name string
		edit func(*SweepConfig)
		want string
	}{
		{"no depths", func(c *SweepConfig) { c.Depths = nil }, "no depths"},
		{"depth 0", func(c *SweepConfig) { c.Depths = []int{0} }, "depth 0"},
		{"too deep", func(c *SweepConfig) { c.Depths = []int{MaxBlocks + 1} }, "1 to 128 blocks"},
		{"repeated depth", func(c *SweepConfig) { c.Depths = []int{2, 2} }, "twice"},
		{"no seeds", func(c *SweepConfig) { c.Seeds = nil }, "no seeds"},
		{"repeated seed", func(c *SweepConfig) { c.Seeds = []uint64{4, 4} }, "seed 4"},
		{"zero steps", func(c *SweepConfig) { c.Steps = 0 }, "steps must be at least 1"},
		{"negative workers", func(c *SweepConfig) { c.Workers = -1 }, "workers"},
	} {
		c := ok
		tc.edit(&c)
		_, err := Sweep(context.Background(), c, nil)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want it to mention %q", tc.name, err, tc.want)
		}
	}
}

func TestSweepRejectsAnInvalidBaseBeforeTraining(t *testing.T) {
	bad := sweepTestBase()
	bad.Dataset = "no-such-dataset"
	calls := 0
	_, err := Sweep(context.Background(), SweepConfig{Base: bad, Depths: []int{1, 2}, Seeds: []uint64{1}, Steps: 10},
		func(SweepResult) { calls++ })
	if err == nil || !strings.Contains(err.Error(), "no-such-dataset") {
		t.Errorf("err = %v, want it to name the bad dataset", err)
	}
	if calls > 0 {
		t.Errorf("%d runs reported for an invalid sweep", calls)
	}
}

func TestSweepResultJSONIsFlatAndNaNSafe(t *testing.T) {
	r := SweepResult{Depth: 8, Residual: true, Seed: 3, Steps: 500,
		Final: Metrics{Step: 120, TrainAcc: 0.5, TestAcc: 0.25, TrainLoss: math.NaN(), TestLoss: math.Inf(1), Diverged: true,
			Blocks: []BlockStats{{GradNorm: 1}}}}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatalf("marshalling a diverged run: %v", err)
	}
	var flat map[string]any
	if err := json.Unmarshal(b, &flat); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"depth": 8.0, "residual": true, "seed": 3.0, "steps": 500.0, "step": 120.0,
		"train_acc": 0.5, "test_acc": 0.25, "train_loss": nil, "test_loss": nil, "diverged": true}
	if !reflect.DeepEqual(flat, want) {
		t.Errorf("JSON = %s, want the keys and values %v", b, want)
	}
	var back SweepResult
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.Depth != 8 || !back.Residual || back.Final.Step != 120 || back.Final.TrainAcc != 0.5 ||
		!math.IsNaN(back.Final.TrainLoss) || !back.Final.Diverged {
		t.Errorf("round trip gave %+v", back)
	}
}

func TestSummarizeAggregatesSeedsPerDepthAndVariant(t *testing.T) {
	run := func(depth int, residual, diverged bool, trainAcc, testAcc, loss float64) SweepResult {
		return SweepResult{Depth: depth, Residual: residual,
			Final: Metrics{TrainAcc: trainAcc, TestAcc: testAcc, TrainLoss: loss, TestLoss: 2 * loss, Diverged: diverged}}
	}
	got := Summarize([]SweepResult{
		run(4, false, false, 0.6, 0.5, 1),
		run(4, false, true, 0.5, 0.5, math.NaN()),
		run(4, false, false, 1.0, 0.8, 3),
		run(4, true, false, 0.9, 0.7, 0.5),
		run(8, false, true, 0.5, 0.5, math.Inf(1)),
	})
	if len(got) != 3 {
		t.Fatalf("got %d groups, want 3: %+v", len(got), got)
	}
	p := got[0]
	if p.Depth != 4 || p.Residual || p.Runs != 3 || p.Diverged != 1 ||
		math.Abs(p.TrainAccMean-0.7) > 1e-12 || p.TrainAccMin != 0.5 || p.TrainAccMax != 1.0 ||
		math.Abs(p.TestAccMean-0.6) > 1e-12 || p.TrainLossMean != 2 || p.TestLossMean != 4 {
		t.Errorf("depth 4 plain summary = %+v", p)
	}
	if r := got[1]; r.Depth != 4 || !r.Residual || r.Runs != 1 || r.TrainAccMean != 0.9 {
		t.Errorf("depth 4 residual summary = %+v", r)
	}
	if d := got[2]; d.Depth != 8 || d.Diverged != 1 || !math.IsNaN(d.TrainLossMean) {
		t.Errorf("depth 8 summary = %+v, want NaN loss for a group with no finite loss", d)
	}
}
