package nn

import (
	"fmt"

	"gonum.org/v1/gonum/mat"
)

// Config describes a network: an input layer (Inputs → Width, act), residual blocks, and a
// linear output layer to Classes logits. With Image set it is convolutional: the input layer
// is a 3×3 convolution to Width channels, the blocks are convolutional, and their last
// feature maps are averaged (global average pooling) before the output layer, as in He et
// al.'s CIFAR networks.
type Config struct {
	Inputs, Classes int
	Width           int // of the input layer: units, or channels
	Blocks          []BlockConfig
	Act             Activation
	BatchNorm       bool
	Image           *ImageConfig // nil for a dense network
}

// ImageConfig is the input of a convolutional network: Channels planes of Side×Side pixels
// (Inputs must be Channels·Side²), and the shortcut option of its shape-changing blocks.
type ImageConfig struct {
	Channels, Side int
	Option         ShortcutOption
}

// BlockConfig is one block: Layers (1 or 2) layers of Width units (or channels), and whether
// its shortcut starts enabled. Stride (1 or 2, convolutional blocks only; 0 means 1) is the
// stride of the block's first convolution: 2 halves the resolution.
type BlockConfig struct {
	Width, Layers int
	Shortcut      bool
	Stride        int
}

// Network is input layer → blocks → head → output layer, trained with softmax cross-entropy.
type Network struct {
	Input  []Layer // Dense or Conv, (BN), act
	Blocks []*Block
	Head   []Layer // between the last block and the output: global average pooling, or nothing
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
	var width int
	if cfg.Image != nil {
		var err error
		if width, err = n.buildConv(cfg); err != nil {
			return nil, err
		}
	} else {
		n.Input = append(n.Input, NewDense(cfg.Inputs, cfg.Width, !cfg.BatchNorm))
		if cfg.BatchNorm {
			n.Input = append(n.Input, NewBatchNorm(cfg.Width))
		}
		n.Input = append(n.Input, NewAct(cfg.Act))
		width = cfg.Width
		for i, bc := range cfg.Blocks {
			if bc.Width < 1 || bc.Layers < 1 || bc.Layers > 2 || bc.Stride > 1 {
				return nil, fmt.Errorf("nn: block %d: need width ≥ 1, 1 or 2 layers and no stride, got %d, %d and stride %d", i, bc.Width, bc.Layers, bc.Stride)
			}
			n.Blocks = append(n.Blocks, NewBlock(width, bc.Width, bc.Layers, cfg.Act, cfg.BatchNorm, bc.Shortcut))
			width = bc.Width
		}
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
	g, _ := n.backwardOrStop(dlogits, nil)
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

// buildConv lays out a convolutional network's input layer, blocks and pooling head, and
// returns the channels the output layer sees.
func (n *Network) buildConv(cfg Config) (int, error) {
	im := cfg.Image
	if im.Channels < 1 || im.Side < 1 || cfg.Inputs != im.Channels*im.Side*im.Side {
		return 0, fmt.Errorf("nn: %d inputs are not %d channels of %d×%d", cfg.Inputs, im.Channels, im.Side, im.Side)
	}
	if im.Option != OptionA && im.Option != OptionB {
		return 0, fmt.Errorf("nn: shortcut option %v; want A or B", im.Option)
	}
	side := im.Side
	stem := NewConv(im.Channels, cfg.Width, side, side, 3, 1, 1, !cfg.BatchNorm)
	n.Input = append(n.Input, stem)
	if cfg.BatchNorm {
		n.Input = append(n.Input, NewChannelNorm(cfg.Width, side*side))
	}
	n.Input = append(n.Input, NewAct(cfg.Act))
	width := cfg.Width
	for i, bc := range cfg.Blocks {
		stride := max(bc.Stride, 1)
		if bc.Width < 1 || bc.Layers < 1 || bc.Layers > 2 || stride > 2 {
			return 0, fmt.Errorf("nn: block %d: need channels ≥ 1, 1 or 2 layers and stride 1 or 2, got %d, %d and %d", i, bc.Width, bc.Layers, bc.Stride)
		}
		n.Blocks = append(n.Blocks, NewConvBlock(width, bc.Width, side, stride, bc.Layers, cfg.Act, cfg.BatchNorm, bc.Shortcut, im.Option))
		width, side = bc.Width, convSide(side, stride)
	}
	n.Head = []Layer{NewGlobalAvgPool(width, side*side)}
	return width, nil
}
