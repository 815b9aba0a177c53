package nn

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// A step of a very costly network (256 units × 34 blocks × a batch of 256) takes about a
// second, so a caller that may only look at a cancellation between steps cannot stop
// promptly. These variants look at a stop channel between blocks instead: the cost of one
// look is a non-blocking receive, nothing next to a block's products.

// closed reports whether stop is closed; a nil stop never is.
func closed(stop <-chan struct{}) bool {
	select {
	case <-stop:
		return true
	default:
		return false
	}
}

// ForwardOrStop is Forward that gives up between two blocks once stop is closed; then it
// returns nil. A nil stop never stops.
func (n *Network) ForwardOrStop(x *mat.Dense, train bool, stop <-chan struct{}) *mat.Dense {
	if closed(stop) {
		return nil
	}
	h := x
	for _, l := range n.Input {
		h = l.Forward(h, train)
	}
	for _, b := range n.Blocks {
		if closed(stop) {
			return nil
		}
		h = b.Forward(h, train)
	}
	for _, l := range n.Head {
		h = l.Forward(h, train)
	}
	return n.Output.Forward(h, train)
}

// TrainStepOrStop is TrainStep that gives up between two blocks once stop is closed,
// before the optimiser touches a weight: an abandoned step leaves the network as it was
// (only the gradient buffers, which the next step clears, hold partial sums). done is false
// when it gave up.
func (n *Network) TrainStepOrStop(x *mat.Dense, labels []int, opt Optimizer, stop <-chan struct{}) (loss float64, correct int, done bool) {
	n.ZeroGrad()
	logits := n.ForwardOrStop(x, true, stop)
	if logits == nil {
		return 0, 0, false
	}
	loss, correct = n.Loss.Forward(logits, labels)
	if math.IsNaN(loss) || math.IsInf(loss, 0) {
		return loss, correct, true // leave the weights as they were; the caller reports divergence
	}
	if _, done := n.backwardOrStop(n.Loss.Backward(), stop); !done {
		return 0, 0, false
	}
	opt.Update(n.params)
	return loss, correct, true
}

// backwardOrStop is Backward that gives up between two blocks once stop is closed; done is
// false when it gave up. A nil stop never stops.
func (n *Network) backwardOrStop(dlogits *mat.Dense, stop <-chan struct{}) (g *mat.Dense, done bool) {
	g = n.Output.Backward(dlogits)
	for i := len(n.Head) - 1; i >= 0; i-- {
		g = n.Head[i].Backward(g)
	}
	for i := len(n.Blocks) - 1; i >= 0; i-- {
		if closed(stop) {
			return nil, false
		}
		g = n.Blocks[i].Backward(g)
	}
	for i := len(n.Input) - 1; i >= 0; i-- {
		g = n.Input[i].Backward(g)
	}
	return g, true
}
