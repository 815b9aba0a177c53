package nn

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// GradNorm is the L2 norm of the gradients of ps.
func GradNorm(ps []*Param) float64 {
	var s float64
	for _, p := range ps {
		for _, g := range raw(p.G) {
			s += g * g
		}
	}
	return math.Sqrt(s)
}

// BlockGradNorms writes each block's gradient norm (over all its parameters) into dst,
// which needs len(n.Blocks) room: how much learning signal reaches each block.
func (n *Network) BlockGradNorms(dst []float64) {
	for i, b := range n.Blocks {
		dst[i] = GradNorm(b.params)
	}
}

// Output is the block's output from its latest Forward (nil before the first).
func (b *Block) Output() *mat.Dense { return b.Post.y }

// MeanStd returns the mean and standard deviation of all elements of m.
func MeanStd(m *mat.Dense) (mean, std float64) {
	if m == nil {
		return 0, 0
	}
	xs := raw(m)
	if len(xs) == 0 {
		return 0, 0
	}
	for _, v := range xs {
		mean += v
	}
	mean /= float64(len(xs))
	for _, v := range xs {
		d := v - mean
		std += d * d
	}
	return mean, math.Sqrt(std / float64(len(xs)))
}

// ForwardCost is the number of multiply-adds one example's forward pass takes through the
// weight layers: what evaluating or drawing the network costs, per example.
func (n *Network) ForwardCost() int {
	cost := layerCost(n.Output)
	for _, l := range n.Input {
		cost += layerCost(l)
	}
	for _, b := range n.Blocks {
		for _, l := range b.Branch {
			cost += layerCost(l)
		}
		if b.Proj != nil {
			cost += layerCost(b.Proj)
		}
	}
	return cost
}

// layerCost is a layer's multiply-adds per example (0 for the cheap elementwise ones).
func layerCost(l Layer) int {
	switch l := l.(type) {
	case *Dense:
		return l.In * l.Out
	case *Conv:
		return l.OutC * l.kk * l.positions
	}
	return 0
}
