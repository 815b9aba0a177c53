package nn

import (
	"math"
	"math/rand/v2"
)

// initialise draws every weight from seed. Draws happen in a fixed order (input, each block's
// branch then projection, output) that does not depend on which shortcuts are on, so a plain
// network and its residual twin start from the same draws.
//
// The scheme: He initialisation (σ² = 2/fan-in) in front of ReLU and GELU, Xavier
// (σ² = 2/(fan-in + fan-out)) in front of the saturating and linear activations and for the
// output layer; a projection shortcut keeps variance (σ² = 1/fan-in); biases start at zero.
//
// Why residual branches are scaled: a He-initialised branch carries as much variance as its
// input, so x + F(x) doubles the signal's variance at every block, and a 100-block net would
// start at 2¹⁰⁰ times its input. Without batch norm, the last layer of each branch whose
// shortcut starts on is therefore scaled by 1/√R, R being the number of such blocks: the
// variance then grows by at most (1 + 1/R) per block, under e ≈ 2.7 over the whole net, and
// the gradient reaching the first layer neither vanishes nor explodes. Plain blocks keep the
// plain He scale, the one under which a plain net is at its fairest. (With batch norm each
// branch is renormalised and the growth is only linear in depth, so no scaling is needed.)
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
	fill := func(d *Dense, std float64) {
		w := raw(d.W.W)
		for i := range w {
			w[i] = std * rng.NormFloat64()
		}
	}
	for _, l := range n.Input {
		if d, ok := l.(*Dense); ok {
			fill(d, hidden(d.In, d.Out))
		}
	}
	residual := 0
	for _, b := range n.Blocks {
		if b.Enabled {
			residual++
		}
	}
	for _, b := range n.Blocks {
		var last *Dense
		for _, l := range b.Branch {
			if d, ok := l.(*Dense); ok {
				fill(d, hidden(d.In, d.Out))
				last = d
			}
		}
		if b.Proj != nil {
			fill(b.Proj, math.Sqrt(1/float64(b.Proj.In)))
		}
		if b.Enabled && !cfg.BatchNorm && residual > 0 {
			scale := 1 / math.Sqrt(float64(residual))
			w := raw(last.W.W)
			for i := range w {
				w[i] *= scale
			}
		}
	}
	fill(n.Output, math.Sqrt(2/float64(n.Output.In+n.Output.Out)))
}
