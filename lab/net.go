package lab

import (
	"fmt"

	"resnetplayground/nn"
	"resnetplayground/nn/data"
)

// Network kinds a Spec's Net names: dense blocks (the default), or convolutional
// blocks for an image dataset, in stages as in He et al.'s CIFAR networks.
const (
	NetDense = "dense"
	NetConv  = "conv"
)

// NetKinds and ShortcutOptions are the values Net and Option allow.
var (
	NetKinds        = []string{NetDense, NetConv}
	ShortcutOptions = []string{"A", "B"}
)

// IsConv reports whether s describes a convolutional network.
func (s Spec) IsConv() bool { return s.Net == NetConv }

// imageSide is the side of the images of the digits file: 14 pixels.
const imageSide = 14

// checkNet records in e what makes s's network impossible beyond its fields' own limits: a
// convolutional network on points of the plane.
func checkNet(e *SpecError, s Spec) {
	if s.IsConv() && !data.IsImages(s.Dataset) {
		e.add("net", "a convolutional network needs images; %q is points of the plane (use dataset digits, or net dense)", s.Dataset)
	}
}

// Strides lists each block's stride in a convolutional network: 2 where a block's width
// differs from the block before it (a new stage), else 1.
func Strides(blocks []BlockSpec) []int {
	strides := make([]int, len(blocks))
	for i, b := range blocks {
		strides[i] = 1
		if i > 0 && b.Width != blocks[i-1].Width {
			strides[i] = 2
		}
	}
	return strides
}

// netConfig is the nn.Config of s's network for a training set of inputs of dim values and
// the given classes.
func netConfig(s Spec, dim, classes int) (nn.Config, error) {
	act, err := nn.ParseActivation(s.Activation)
	if err != nil {
		return nn.Config{}, err
	}
	cfg := nn.Config{Inputs: dim, Classes: classes, Width: s.Width, Act: act, BatchNorm: s.BatchNorm}
	if s.IsConv() {
		option := nn.OptionA
		if s.Option == "B" {
			option = nn.OptionB
		}
		cfg.Image = &nn.ImageConfig{Channels: 1, Side: imageSide, Option: option}
		if dim != imageSide*imageSide {
			return nn.Config{}, fmt.Errorf("net: images of %d pixels are not %d×%d", dim, imageSide, imageSide)
		}
	}
	strides := Strides(s.Blocks)
	for i, b := range s.Blocks {
		bc := nn.BlockConfig{Width: b.Width, Layers: b.Layers, Shortcut: b.Shortcut}
		if s.IsConv() {
			bc.Stride = strides[i]
		}
		cfg.Blocks = append(cfg.Blocks, bc)
	}
	return cfg, nil
}

// Stages returns the blocks of a convolutional network in the paper's shape: for each width
// in widths (each different from the one before) a stage of n blocks of layers convolutions;
// every stage after the first is entered with stride 2 (see Strides). Three stages of n
// two-layer blocks, with the input convolution and the output layer, make 6n+2 weight layers.
func Stages(n int, widths []int, layers int, residual bool) []BlockSpec {
	blocks := make([]BlockSpec, 0, max(n, 0)*len(widths))
	for _, w := range widths {
		blocks = append(blocks, Uniform(n, w, layers, residual)...)
	}
	return blocks
}

// StageWidths lists the widths of the stages of a convolutional network's blocks: the first
// block's, then each that differs from the block before it.
func StageWidths(blocks []BlockSpec) []int {
	var widths []int
	for i, b := range blocks {
		if i == 0 || b.Width != blocks[i-1].Width {
			widths = append(widths, b.Width)
		}
	}
	return widths
}

// Depth is what a depth sweep varies: the number of blocks of a dense network, the blocks per
// stage (n) of a convolutional one.
func Depth(s Spec) int {
	if !s.IsConv() {
		return len(s.Blocks)
	}
	stages := max(len(StageWidths(s.Blocks)), 1)
	return len(s.Blocks) / stages
}

// WeightLayers counts the layers with weights a network's depth is told in: the input layer,
// every layer of every branch, and the output layer (6n+2 for the paper's CIFAR networks).
func WeightLayers(s Spec) int {
	n := 2
	for _, b := range s.Blocks {
		n += b.Layers
	}
	return n
}
