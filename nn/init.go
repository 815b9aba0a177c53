package nn

import (
	"math"
	"math/rand/v2"
)

// initialise draws every weight from seed. Draws happen in a fixed order (input, each block's
// branch then projection, output) and do not depend on which shortcuts are on, so a plain
// network and its residual twin start from exactly the same weights.
//
// The scheme: He initialisation (σ² = 2/fan-in) in front of ReLU and GELU, Xavier
// (σ² = 2/(fan-in + fan-out)) in front of the saturating and linear activations and for the
// output layer; a projection shortcut keeps variance (σ² = 1/fan-in); biases start at zero.
// Under it a plain stack keeps its signal's scale from layer to layer: a fair plain net.
//
// Why residual branches are weighted by α = 1/√L (L blocks): a He-initialised branch carries
// as much variance as its input, so x + F(x) doubles the signal's variance at every block,
// and a 100-block net would start at 2¹⁰⁰ times its input. With y = act(x + α·F(x)) the
// variance grows by at most (1 + 1/L) per block, under e ≈ 2.7 over the whole net, and the
// gradient reaching the first block neither vanishes nor explodes (the idea behind Fixup and
// SkipInit, with the weight fixed instead of learned). α lives in the block, not in the
// weights, so that toggling a shortcut changes nothing else. With batch norm each branch is
// renormalised and the growth is only linear in depth, so α stays 1.
func (n *Network) initialise(cfg Config, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	hidden := func(in, out int) float64 {
		switch cfg.Act {
		case ReLU, GELU:
			return math.Sqrt(2 / float64(in))
		default:
			return math.Sqrt(2 / float64(in+out))
		}
	}
	fillW := func(w []float64, std float64) {
		for i := range w {
			w[i] = std * rng.NormFloat64()
		}
	}
	fill := func(d *Dense, std float64) { fillW(raw(d.W.W), std) }
	// A weight layer in front of an activation: a dense layer, or a convolution, whose fan-in
	// is its input channels times the kernel's area.
	fillHidden := func(l Layer) {
		switch l := l.(type) {
		case *Dense:
			fill(l, hidden(l.In, l.Out))
		case *Conv:
			fillW(raw(l.Wt.W), hidden(l.InC*l.K*l.K, l.OutC*l.K*l.K))
		}
	}
	for _, l := range n.Input {
		fillHidden(l)
	}
	alpha := 1.0
	if !cfg.BatchNorm && len(n.Blocks) > 0 {
		alpha = 1 / math.Sqrt(float64(len(n.Blocks)))
	}
	for _, b := range n.Blocks {
		b.Scale = alpha
		for _, l := range b.Branch {
			fillHidden(l)
		}
		switch p := b.Proj.(type) {
		case *Dense:
			fill(p, math.Sqrt(1/float64(p.In)))
		case *Conv:
			fillW(raw(p.Wt.W), math.Sqrt(1/float64(p.InC*p.K*p.K)))
		}
	}
	fill(n.Output, math.Sqrt(2/float64(n.Output.In+n.Output.Out)))
}
