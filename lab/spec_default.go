package lab

import "resnetplayground/nn/data"

// Default is the experiment the page opens with: a deep (24-block) plain network on a
// two-arm spiral, deep enough that turning the shortcuts on visibly changes how well it
// trains. Every default number lives here, so retuning the demo is a one-place change.
func Default() Spec {
	return Spec{
		Dataset:   "spiral",
		Classes:   2,
		Points:    600,
		Noise:     0.1,
		TrainFrac: 0.5,

		Width:      16,
		Blocks:     Uniform(24, 16, 2, false),
		Activation: "relu",
		BatchNorm:  false,
		Net:        NetDense,
		Option:     "A",

		Optimizer:   "adam",
		LR:          0.003,
		WeightDecay: 0,
		Batch:       32,
		Seed:        1,
	}
}

// Uniform returns depth identical blocks of the given width and layer count, all with the
// shortcut on or all off: the usual shape of a plain-versus-residual comparison. A depth
// below zero gives no blocks.
func Uniform(depth, width, layers int, shortcut bool) []BlockSpec {
	blocks := make([]BlockSpec, max(depth, 0))
	for i := range blocks {
		blocks[i] = BlockSpec{Width: width, Layers: layers, Shortcut: shortcut}
	}
	return blocks
}

// WhyPreset is the experiment the Why view suggests and `go run . landscape` runs by default:
// Default with batch norm and 14 blocks. The loss-landscape contrast of Li et al. (2018) needs
// a plain twin that trains partly: at 24 plain blocks it stays at chance, and its landscape is
// a flat plateau inside a wall rather than rough; at 12 it trains nearly fully on some seeds.
// With batch norm and 14 blocks the plain twin reaches about 55–75% training accuracy in
// WhySteps steps while its residual twin reaches 99–100%, and the residual landscape is about
// half as rough (Landscape.Roughness) on every seed tried (TestResidualLandscapeIsSmoother).
func WhyPreset() Spec {
	s := Default()
	s.BatchNorm = true
	s.Blocks = Uniform(14, 16, 2, false)
	return s
}

// WhySteps is how long the CLI trains WhyPreset's twins before drawing their landscapes.
const WhySteps = 1500

// Digits experiment sizes: three stages of DigitsWidths channels at 14×14, 7×7 and 4×4, with
// n = DigitsShallow or DigitsDeep blocks per stage (6n+2 weight layers), trained for
// DigitsSteps steps. At these sizes a visitor sees the degradation within about a minute in
// the browser; TestDigitsDegradation guards the effect and `go run . sweep --dataset digits`
// measures it.
var DigitsWidths = []int{4, 8, 16}

// DigitsDepths are the blocks per stage `go run . sweep --dataset digits` tries by default:
// 8, 14, 20 and 32 weight layers, at DigitsSteps steps on three seeds (about 5 minutes of
// CPU time).
var DigitsDepths = []int{1, 2, 3, 5}

// DigitsPageDepths and DigitsPageSteps are the page's digits sweep, one seed: the paper's
// range of depths, 8 to 56 weight layers, at half the steps, which costs about a quarter
// more than DigitsDepths at DigitsSteps. At 150 steps the effect is already plain (see
// TestDigitsDegradation): the deep plain nets trail the shallow one and every residual one.
var DigitsPageDepths = []int{1, 2, 3, 5, 7, 9}

const DigitsPageSteps = 150

const (
	DigitsShallow = 1   // 8 layers
	DigitsDeep    = 5   // 32 layers
	DigitsSteps   = 300 // 1.6 epochs of the 6,000 training images at batch 32
)

// DigitsDefault is the experiment Digits opens with: the deep plain convolutional network of
// the paper's CIFAR shape, with batch norm, as the paper trains it; turning its shortcuts on
// shows the cure.
func DigitsDefault() Spec {
	s := Default()
	s.Dataset = data.DigitsName
	s.Net, s.Option = NetConv, "A"
	s.Width = DigitsWidths[0]
	s.Blocks = Stages(DigitsDeep, DigitsWidths, 2, false)
	s.BatchNorm = true
	s.LR = 0.001
	return s
}

// DefaultFor is the experiment a dataset opens with: DigitsDefault for images, Default on the
// named 2-D dataset otherwise.
func DefaultFor(dataset string) Spec {
	if data.IsImages(dataset) {
		return DigitsDefault()
	}
	s := Default()
	s.Dataset = dataset
	return s
}
