package nn

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// benchNet is the network of the speed targets: 2 → 16, depth residual blocks of two 16-wide
// layers, → 2 classes, batch 32, trained with Adam.
func benchNet(tb testing.TB, depth int, bn bool) (*Network, *mat.Dense, []int) {
	return benchNetOf(tb, depth, 2, true, bn)
}

// benchNetOf is benchNet with depth blocks of the given layers and shortcut.
func benchNetOf(tb testing.TB, depth, layers int, shortcut, bn bool) (*Network, *mat.Dense, []int) {
	cfg := Config{Inputs: 2, Classes: 2, Width: 16, Act: ReLU, BatchNorm: bn}
	for range depth {
		cfg.Blocks = append(cfg.Blocks, BlockConfig{Width: 16, Layers: layers, Shortcut: shortcut})
	}
	net, err := New(cfg, 1)
	if err != nil {
		tb.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	x := randDense(rng, 32, 2, 1)
	labels := make([]int, 32)
	for i := range labels {
		labels[i] = rng.IntN(2)
	}
	return net, x, labels
}

func TestTrainStepAllocatesNothing(t *testing.T) {
	for _, bn := range []bool{false, true} {
		net, x, y := benchNet(t, 5, bn)
		opt := NewAdam(1e-3, 1e-4)
		net.TrainStep(x, y, opt)
		if a := testing.AllocsPerRun(50, func() { net.TrainStep(x, y, opt) }); a != 0 {
			t.Errorf("bn=%v: %v allocations per step", bn, a)
		}
	}
}

// TestDeepResidualStartsSane checks the initialisation's promise: a 100-block residual net
// without batch norm neither explodes nor dies at step 0, and its first layer gets a gradient
// of ordinary size.
func TestDeepResidualStartsSane(t *testing.T) {
	net, x, y := benchNet(t, 100, false)
	net.ZeroGrad()
	loss, _ := net.Loss.Forward(net.Forward(x, true), y)
	net.Backward(net.Loss.Backward())
	_, std := MeanStd(net.Blocks[99].Output())
	_, inStd := MeanStd(net.Input[len(net.Input)-1].(*Act).y)
	first, last := GradNorm(net.Blocks[0].Params()), GradNorm(net.Blocks[99].Params())
	t.Logf("loss %.3f, output std %.3f (input layer %.3f), grad norm first %.3g last %.3g", loss, std, inStd, first, last)
	if math.IsNaN(loss) || loss > 5 {
		t.Fatalf("loss %g at step 0", loss)
	}
	if ratio := std / inStd; ratio > 4 || ratio < 0.5 {
		t.Fatalf("activations grow by %.3g over 100 blocks", ratio)
	}
	if first == 0 || first/last > 100 || last/first > 100 {
		t.Fatalf("gradient norms first %g, last %g: not of the same order", first, last)
	}
}

// BenchmarkStep times a training step (width 16, batch 32, Adam): depthN has N residual
// blocks of two layers; depthNx1 N plain blocks of one layer, the workload of the TF.js
// benchmark issue 13 compares against (`b=16x1p*N`).
func BenchmarkStep(b *testing.B) {
	for _, c := range []struct {
		name          string
		depth, layers int
	}{{"depth4", 4, 2}, {"depth20", 20, 2}, {"depth50", 50, 2}, {"depth20x1", 20, 1}, {"depth50x1", 50, 1}} {
		b.Run(c.name, func(b *testing.B) {
			net, x, y := benchNetOf(b, c.depth, c.layers, c.layers == 2, false)
			opt := NewAdam(1e-3, 0)
			net.TrainStep(x, y, opt)
			b.ResetTimer()
			for b.Loop() {
				net.TrainStep(x, y, opt)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "steps/s")
		})
	}
}
