package lab

import (
	"context"
	"math"
	"reflect"
	"strings"
	"testing"
)

// smallLandscape is a cheap picture for tests: 5×5, a 5-point slice and a 7-point line
// (t = −0.25, 0, 0.25, …, 1.25).
func smallLandscape(seed uint64) LandscapeConfig {
	return LandscapeConfig{Seed: seed, Grid: 5, Span: 1, Slice: 5, Line: 7}
}

// f32 is the relative difference float32 logits make to a loss (nn.Net32).
const f32 = 1e-5

func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if !(math.Abs(got-want) <= tol*math.Abs(want)) {
		t.Errorf("%s: loss %.15g, want %.15g", what, got, want)
	}
}

func TestLandscapeCentreIsTheTrainingLoss(t *testing.T) {
	for _, bn := range []bool{false, true} {
		s := smallSpec(3, true)
		s.BatchNorm = bn
		tr, err := NewTrainer(s)
		if err != nil {
			t.Fatal(err)
		}
		start := tr.Metrics().TrainLoss
		tr.Step(100)
		now := tr.Metrics().TrainLoss
		l, err := tr.Landscape(context.Background(), smallLandscape(1))
		if err != nil {
			t.Fatal(err)
		}
		if l.Axis[2] != 0 || l.SliceAxis[2] != 0 || l.LineAxis[1] != 0 || l.LineAxis[5] != 1 {
			t.Fatalf("axes %v, %v, %v miss 0 or 1", l.Axis, l.SliceAxis, l.LineAxis)
		}
		// The centre is θ itself, evaluated through the float32 copy of the network
		// (nn.Net32): the training loss up to the logits' float32 rounding.
		near(t, "centre", l.Loss[2][2], now, f32)
		if l.Slice[2] != l.Loss[2][2] {
			t.Errorf("bn %v: slice centre %.17g, grid centre %.17g", bn, l.Slice[2], l.Loss[2][2])
		}
		// The line reaches θ₀ and θ as θ₀ + t·(θ − θ₀), equal up to rounding.
		near(t, "line at t = 1", l.Line[5], now, f32)
		if !bn { // with batch norm the line uses the current running statistics throughout
			near(t, "line at t = 0", l.Line[1], start, f32)
		}
		if l.Slice[0] != l.Loss[2][0] || l.Slice[4] != l.Loss[2][4] {
			t.Errorf("bn %v: the slice along δ is not the grid's row β = 0: %v vs %v", bn, l.Slice, l.Loss[2])
		}
		for r, row := range l.Loss {
			for c, v := range row {
				if !(v > 0) || (r != 2 || c != 2) && v == l.Loss[2][2] {
					t.Errorf("bn %v: loss %g at grid (%d, %d)", bn, v, r, c)
				}
			}
		}
	}
}

func TestLandscapeIsSeeded(t *testing.T) {
	tr, err := NewTrainer(smallSpec(2, false))
	if err != nil {
		t.Fatal(err)
	}
	tr.Step(50)
	a, _ := tr.Landscape(context.Background(), smallLandscape(1))
	b, _ := tr.Landscape(context.Background(), smallLandscape(1))
	c, _ := tr.Landscape(context.Background(), smallLandscape(2))
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed gave different landscapes")
	}
	if reflect.DeepEqual(a.Loss, c.Loss) {
		t.Fatal("different seeds gave the same landscape")
	}
}

// The worker computes a landscape a few points at a time between training steps: that must
// change neither the training (weights, batch-norm statistics, batch order, diagnostics) nor
// the picture, which stays centred on the weights it started from.
func TestLandscapeInChunksDisturbsNothing(t *testing.T) {
	s := smallSpec(3, true)
	s.BatchNorm = true
	busy, err := NewTrainer(s)
	if err != nil {
		t.Fatal(err)
	}
	quiet, _ := NewTrainer(s)
	busy.Step(30)
	quiet.Step(30)
	whole, _ := quiet.Landscape(context.Background(), smallLandscape(3))

	job, err := busy.StartLandscape(smallLandscape(3))
	if err != nil {
		t.Fatal(err)
	}
	quiet.Metrics() // as busy's StartLandscape did, read the diagnostics before evaluating
	for !job.Finished() {
		if n := job.Run(4); n < 1 || job.Done() > job.Total() {
			t.Fatalf("Run did %d points, %d of %d done", n, job.Done(), job.Total())
		}
		busy.Step(3)
		quiet.Step(3)
	}
	if job.Run(4) != 0 {
		t.Fatal("a finished job ran more points")
	}
	if !reflect.DeepEqual(job.Result(), whole) {
		t.Fatalf("the landscape computed in chunks differs from the one computed at once:\n%v\n%v", job.Result().Loss, whole.Loss)
	}
	if !reflect.DeepEqual(weightsOf(busy.Network()), weightsOf(quiet.Network())) {
		t.Fatal("computing the landscape changed the training")
	}
	bs, qs := runningStats(busy.Network()), runningStats(quiet.Network())
	if len(bs) == 0 || !reflect.DeepEqual(bs, qs) {
		t.Fatalf("computing the landscape changed batch norm's running statistics (%d of them)", len(bs))
	}
	if bm, qm := busy.Metrics(), quiet.Metrics(); !reflect.DeepEqual(bm, qm) {
		t.Fatalf("metrics differ:\n%+v\n%+v", bm, qm)
	}
}

func TestLandscapeConfigIsValidated(t *testing.T) {
	if err := DefaultLandscape().Validate(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		change func(*LandscapeConfig)
		want   string
	}{
		{func(c *LandscapeConfig) { c.Grid = 30 }, "odd number"},
		{func(c *LandscapeConfig) { c.Grid = 1 }, "odd number"},
		{func(c *LandscapeConfig) { c.Grid = MaxLandscapeGrid + 2 }, "odd number"},
		{func(c *LandscapeConfig) { c.Span = 0 }, "span"},
		{func(c *LandscapeConfig) { c.Span = math.NaN() }, "span"},
		{func(c *LandscapeConfig) { c.Slice = 4 }, "slice"},
		{func(c *LandscapeConfig) { c.Line = 1 }, "line"},
	} {
		cfg := DefaultLandscape()
		c.change(&cfg)
		err := cfg.Validate()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: error %v, want one mentioning %q", cfg, err, c.want)
		}
		tr, _ := NewTrainer(smallSpec(1, true))
		if _, err := tr.StartLandscape(cfg); err == nil {
			t.Errorf("%+v: StartLandscape accepted it", cfg)
		}
	}
}

func TestLandscapeStopsWhenCancelled(t *testing.T) {
	tr, _ := NewTrainer(smallSpec(2, true))
	tr.Step(10)
	before := weightsOf(tr.Network())
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	l, err := tr.Landscape(ctx, smallLandscape(1))
	if err != context.Canceled {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	if !math.IsNaN(l.Loss[0][0]) || !reflect.DeepEqual(weightsOf(tr.Network()), before) {
		t.Fatal("a cancelled landscape evaluated a point or left the weights changed")
	}
}
