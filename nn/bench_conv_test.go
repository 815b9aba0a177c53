package nn

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// digitsNet is the network of the digits experiment: 1×14×14 in, three stages of n two-layer
// blocks at 4, 8 and 16 channels (14×14, 7×7, 4×4), 10 classes, with batch norm.
func digitsNet(tb testing.TB, n int, residual, bn bool) *Network {
	cfg := Config{Inputs: 196, Classes: 10, Width: 4, Act: ReLU, BatchNorm: bn,
		Image: &ImageConfig{Channels: 1, Side: 14, Option: OptionA}}
	for stage, width := range []int{4, 8, 16} {
		for i := range n {
			stride := 1
			if stage > 0 && i == 0 {
				stride = 2
			}
			cfg.Blocks = append(cfg.Blocks, BlockConfig{Width: width, Layers: 2, Shortcut: residual, Stride: stride})
		}
	}
	net, err := New(cfg, 1)
	if err != nil {
		tb.Fatal(err)
	}
	return net
}

func BenchmarkConvStep(b *testing.B) {
	for _, n := range []int{1, 5} {
		b.Run(fmt.Sprintf("layers%d", 6*n+2), func(b *testing.B) {
			net := digitsNet(b, n, true, true)
			rng := rand.New(rand.NewPCG(1, 2))
			x := randDense(rng, 32, 196, 1)
			labels := make([]int, 32)
			for i := range labels {
				labels[i] = rng.IntN(10)
			}
			opt := NewAdam(1e-3, 0)
			net.TrainStep(x, labels, opt)
			b.ResetTimer()
			for b.Loop() {
				net.TrainStep(x, labels, opt)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "steps/s")
			b.ReportMetric(float64(6*net.ForwardCost()*32*b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
		})
	}
}
