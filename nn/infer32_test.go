package nn

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// randomNet32Case builds a random dense network (widths that change, so projections; one- and
// two-layer blocks, shortcuts on and off, batch norm or not, any activation, a branch scale α
// other than 1, lesions) and trains it a few steps, so the weights, biases and running
// statistics are not at their initial values.
func randomNet32Case(t *testing.T, rng *rand.Rand, act Activation, bn bool) (*Network, string) {
	t.Helper()
	widths := []int{3, 4, 8, 16, 17}
	cfg := Config{Inputs: 2, Classes: 2 + rng.IntN(3), Width: widths[rng.IntN(len(widths))], Act: act, BatchNorm: bn}
	for range 1 + rng.IntN(8) {
		cfg.Blocks = append(cfg.Blocks, BlockConfig{Width: widths[rng.IntN(len(widths))], Layers: 1 + rng.IntN(2), Shortcut: rng.IntN(3) > 0})
	}
	net, err := New(cfg, rng.Uint64())
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range net.Blocks {
		if rng.IntN(3) == 0 {
			b.Scale = 0.25 + rng.Float64()
		}
	}
	x := randDense(rng, 32, 2, 1)
	labels := make([]int, 32)
	for i := range labels {
		labels[i] = rng.IntN(cfg.Classes)
	}
	opt := NewAdam(0.01, 0)
	for range 20 {
		net.TrainStep(x, labels, opt)
	}
	for _, b := range net.Blocks {
		b.Lesioned = rng.IntN(6) == 0
	}
	return net, fmt.Sprintf("%v bn=%v classes=%d width=%d blocks=%+v", act, bn, cfg.Classes, cfg.Width, cfg.Blocks)
}

// gridPoints returns rows random points of the plane in float64 and float32.
func gridPoints(rng *rand.Rand, rows int) (*mat.Dense, []float32) {
	x64 := randDense(rng, rows, 2, 1.5)
	x32 := make([]float32, rows*2)
	for i, v := range raw(x64) {
		x32[i] = float32(v)
		raw(x64)[i] = float64(x32[i]) // the same points in both
	}
	return x64, x32
}

// TestNet32MatchesFloat64 holds the float32 inference path to the float64 network on random
// networks of every layer kind it runs: the probabilities differ by float32 rounding only.
func TestNet32MatchesFloat64(t *testing.T) {
	rng := rand.New(rand.NewPCG(32, 64))
	var f Net32 // one Net32 reloaded for every network: its reuse of storage is under test too
	for c := range 60 {
		act, bn := Activation(c%5), c%2 == 1
		net, name := randomNet32Case(t, rng, act, bn)
		const rows = 300 // a full chunk and a ragged one
		x64, x32 := gridPoints(rng, rows)
		want := make([]float32, rows*net.Output.Out)
		Probabilities(want, net.Forward(x64, false))
		if c%7 == 3 {
			f = Net32{}
		}
		if err := f.Load(net); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got := make([]float32, rows*f.Classes())
		f.Probabilities(got, x32, rows)
		worst := 0.0
		for i := range want {
			worst = max(worst, math.Abs(float64(got[i])-float64(want[i])))
		}
		if worst > 2e-5 || math.IsNaN(worst) {
			t.Errorf("case %d %s: probabilities differ by up to %g from the float64 network's", c, name, worst)
		}
	}
}

// TestNet32FollowsTheNetwork checks Load takes what changed since the last Load: new weights
// after training, a shortcut toggled, a block lesioned.
func TestNet32FollowsTheNetwork(t *testing.T) {
	net, x, labels := benchNetOf(t, 4, 2, true, true)
	var f Net32
	probs := func() []float32 {
		if err := f.Load(net); err != nil {
			t.Fatal(err)
		}
		p := make([]float32, 32*2)
		x32 := make([]float32, 64)
		for i, v := range raw(x) {
			x32[i] = float32(v)
		}
		f.Probabilities(p, x32, 32)
		want := make([]float32, 64)
		Probabilities(want, net.Forward(x, false))
		for i := range p {
			if math.Abs(float64(p[i]-want[i])) > 1e-5 {
				t.Fatalf("probability %d is %v, the float64 network gives %v", i, p[i], want[i])
			}
		}
		return p
	}
	before := probs()
	opt := NewAdam(0.01, 0)
	for range 5 {
		net.TrainStep(x, labels, opt)
	}
	net.Blocks[1].Shortcut = false
	net.Blocks[2].Lesioned = true
	if after := probs(); after[0] == before[0] && after[1] == before[1] {
		t.Error("the probabilities did not change after training, a toggle and a lesion")
	}
}

func TestNet32AllocatesNothing(t *testing.T) {
	net, _, _ := benchNetOf(t, 20, 1, false, true)
	var f Net32
	x := make([]float32, 1000*2)
	p := make([]float32, 1000*2)
	if err := f.Load(net); err != nil {
		t.Fatal(err)
	}
	f.Probabilities(p, x, 1000)
	if a := testing.AllocsPerRun(10, func() {
		_ = f.Load(net)
		f.Probabilities(p, x, 1000)
	}); a != 0 {
		t.Errorf("%v allocations per Load and grid", a)
	}
}

func TestNet32RefusesConvolutionalNetworks(t *testing.T) {
	net, err := New(Config{Inputs: 16, Classes: 2, Width: 2, Act: ReLU,
		Blocks: []BlockConfig{{Width: 2, Layers: 1, Shortcut: true}},
		Image:  &ImageConfig{Channels: 1, Side: 4, Option: OptionA}}, 1)
	if err != nil {
		t.Fatal(err)
	}
	var f Net32
	if err := f.Load(net); !errors.Is(err, ErrNet32) {
		t.Errorf("Load of a convolutional network: %v, want ErrNet32", err)
	}
}

// BenchmarkNet32Grid times the float32 path on the boundary grid's workload, 10,000 points
// through b=16x1p*20 (lab's BenchmarkBoundary runs it from the Trainer, with the grid's
// coordinates).
func BenchmarkNet32Grid(b *testing.B) {
	net, _, _ := benchNetOf(b, 20, 1, false, false)
	const rows = 10000
	rng := rand.New(rand.NewPCG(1, 3))
	_, x := gridPoints(rng, rows)
	p := make([]float32, rows*2)
	var f Net32
	for b.Loop() {
		if err := f.Load(net); err != nil {
			b.Fatal(err)
		}
		f.Probabilities(p, x, rows)
	}
	macs := rows * (2*16 + 20*16*16 + 16*2)
	b.ReportMetric(float64(b.N*macs)/b.Elapsed().Seconds()/1e9, "Gmadd/s")
}
