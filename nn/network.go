package nn

import (
	"fmt"

	"gonum.org/v1/gonum/mat"
)

// Config describes a network: an input layer (Inputs → Width, act), residual blocks, and a
// linear output layer to Classes logits.
type Config struct {
	Inputs, Classes int
	Width           int // of the input layer
	Blocks          []BlockConfig
	Act             Activation
	BatchNorm       bool
}

// BlockConfig is one block: Layers (1 or 2) dense layers of Width units, and whether its
// shortcut starts enabled.
type BlockConfig struct {
	Width, Layers int
	Shortcut      bool
}

// Network is input layer → blocks → output layer, trained with softmax cross-entropy.
type Network struct {
	Input  []Layer // Dense, (BN), act
	Blocks []*Block
	Output *Dense
	Loss   SoftmaxCE

	params []*Param
}

// New builds the network cfg describes, initialised from seed (see init.go).
func New(cfg Config, seed uint64) (*Network, error) {
	if cfg.Inputs < 1 || cfg.Classes < 2 || cfg.Width < 1 {
		return nil, fmt.Errorf("nn: need ≥ 1 input, ≥ 2 classes and width ≥ 1, got %d, %d, %d", cfg.Inputs, cfg.Classes, cfg.Width)
	}
	n := &Network{}
	n.Input = append(n.Input, NewDense(cfg.Inputs, cfg.Width, !cfg.BatchNorm))
	if cfg.BatchNorm {
		n.Input = append(n.Input, NewBatchNorm(cfg.Width))
	}
	n.Input = append(n.Input, NewAct(cfg.Act))
	width := cfg.Width
	for i, bc := range cfg.Blocks {
		if bc.Width < 1 || bc.Layers < 1 || bc.Layers > 2 {
			return nil, fmt.Errorf("nn: block %d: need width ≥ 1 and 1 or 2 layers, got %d and %d", i, bc.Width, bc.Layers)
		}
		n.Blocks = append(n.Blocks, NewBlock(width, bc.Width, bc.Layers, cfg.Act, cfg.BatchNorm, bc.Shortcut))
		width = bc.Width
	}
	n.Output = NewDense(width, cfg.Classes, true)
	for _, l := range n.Input {
		n.params = append(n.params, l.Params()...)
	}
	for _, b := range n.Blocks {
		n.params = append(n.params, b.Params()...)
	}
	n.params = append(n.params, n.Output.Params()...)
	n.initialise(cfg, seed)
	return n, nil
}

// Params lists every trainable parameter, input to output.
func (n *Network) Params() []*Param { return n.params }

// Forward returns the logits for x (batch × inputs), in a buffer the network owns.
func (n *Network) Forward(x *mat.Dense, train bool) *mat.Dense {
	return n.ForwardOrStop(x, train, nil)
}

// Backward propagates dlogits back to the input, accumulating every parameter's gradient.
func (n *Network) Backward(dlogits *mat.Dense) *mat.Dense {
	g := n.Output.Backward(dlogits)
	for i := len(n.Blocks) - 1; i >= 0; i-- {
		g = n.Blocks[i].Backward(g)
	}
	for i := len(n.Input) - 1; i >= 0; i-- {
		g = n.Input[i].Backward(g)
	}
	return g
}

// ZeroGrad clears every parameter's gradient.
func (n *Network) ZeroGrad() {
	for _, p := range n.params {
		clear(raw(p.G))
	}
}

// TrainStep does one optimisation step on a batch and returns its loss and how many of its
// examples were classified correctly before the update. It allocates nothing once the
// network has seen a batch of this size.
func (n *Network) TrainStep(x *mat.Dense, labels []int, opt Optimizer) (loss float64, correct int) {
	loss, correct, _ = n.TrainStepOrStop(x, labels, opt, nil)
	return loss, correct
}
