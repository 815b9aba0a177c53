package lab

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"

	"resnetplayground/nn"
	"resnetplayground/nn/data"
)

// ShatterPoints is how many inputs the shattered-gradients line holds, as in Balduzzi et al.
const ShatterPoints = 256

// Shattered is the gradient of a network's output along a line through input space, after
// Balduzzi, Frean, Leary, Lewis, Ma & McWilliams (2017), "The shattered gradients problem":
// in a deep plain network it looks like white noise, in a residual one like brown noise.
//
// The line is the horizontal one through the centre of the plane, x from −data.Extent to
// +data.Extent at y = 0, across the whole range of the data. The output is the logit of class 1
// minus the logit of class 0, z₁ − z₀: with two classes it alone decides the prediction
// (softmax depends only on it), and it is the network's raw score, not squashed by a softmax.
// Grad[i] is ∂(z₁ − z₀)/∂x at (X[i], 0), the slope of that score along the line.
type Shattered struct {
	X        []float64 `json:"x"`
	Grad     []float64 `json:"grad"`
	Autocorr float64   `json:"autocorr"` // lag-1 autocorrelation of Grad; see Autocorrelation
}

// Autocorrelation is the lag-1 autocorrelation of g, Σ(gᵢ − ḡ)(gᵢ₊₁ − ḡ) / Σ(gᵢ − ḡ)²: near 1
// when neighbouring values move together (brown noise, a smooth curve), near 0 for white noise,
// negative when they alternate. A constant g (a linear network's gradient) counts as perfectly
// correlated: 1. A series with a non-finite value gives NaN.
func Autocorrelation(g []float64) float64 {
	if len(g) < 2 {
		return math.NaN()
	}
	var mean, peak float64
	for _, v := range g {
		mean += v
		peak = max(peak, math.Abs(v))
	}
	mean /= float64(len(g))
	if math.IsNaN(mean) || math.IsInf(mean, 0) {
		return math.NaN()
	}
	var num, den float64
	for i, v := range g {
		d := v - mean
		den += d * d
		if i+1 < len(g) {
			num += d * (g[i+1] - mean)
		}
	}
	// Differences at the level of rounding are no signal: the series is constant.
	if den <= float64(len(g))*sq(1e-12*peak) {
		return 1
	}
	return num / den
}

func sq(x float64) float64 { return x * x }

// Shatter measures the shattered gradients of the network as it is now.
func (t *Trainer) Shatter() (Shattered, error) {
	if err := t.canShatter(); err != nil {
		return Shattered{}, err
	}
	t.recordStats() // the backward pass below overwrites the gradients the diagnostics read
	s := shatter(t.net, t.train.Classes)
	t.net.ZeroGrad()
	return s, nil
}

// ShatterAtInit measures them for the network as it was before training: the same Spec and
// seed rebuild its initial weights. With batch norm, the fresh network's running statistics
// are first set to those of the training set (one pass in training mode), since at
// initialisation it has seen no data and inference mode would not normalise at all.
func (t *Trainer) ShatterAtInit() (Shattered, error) {
	if err := t.canShatter(); err != nil {
		return Shattered{}, err
	}
	net, err := t.initialNetwork()
	if err != nil {
		return Shattered{}, err
	}
	calibrateBatchNorm(net, t.train)
	return shatter(net, t.train.Classes), nil
}

// canShatter explains why the line of inputs does not apply to the trainer's data, if it does not.
func (t *Trainer) canShatter() error {
	if t.train.Dim != 2 {
		return fmt.Errorf("shattered gradients are measured along a line in the plane: %s has %d inputs, not 2", t.spec.Dataset, t.train.Dim)
	}
	return nil
}

// calibrateBatchNorm sets every batch-norm layer's running statistics to those of one pass of
// the whole set in training mode.
func calibrateBatchNorm(net *nn.Network, set data.Set) {
	if len(runningStats(net)) == 0 || set.Len() < 2 {
		return
	}
	was := setMomentum(net, 1) // the running statistics become this pass's
	net.Forward(mat.NewDense(set.Len(), set.Dim, append([]float64(nil), set.X...)), true)
	setMomentum(net, was)
}

// shatter computes ∂(z₁ − z₀)/∂x along the line, in one batch of ShatterPoints in inference mode.
func shatter(net *nn.Network, classes int) Shattered {
	if classes < 2 {
		panic(fmt.Sprintf("lab: shattered gradients need two classes, have %d", classes))
	}
	s := Shattered{X: axis(ShatterPoints, -data.Extent, data.Extent), Grad: make([]float64, ShatterPoints)}
	x := mat.NewDense(ShatterPoints, 2, nil)
	for i, v := range s.X {
		x.Set(i, 0, v)
	}
	net.Forward(x, false)
	dz := mat.NewDense(ShatterPoints, classes, nil)
	for i := range ShatterPoints {
		dz.Set(i, 0, -1)
		dz.Set(i, 1, 1)
	}
	dx := net.Backward(dz)
	for i := range s.Grad {
		s.Grad[i] = dx.At(i, 0)
	}
	s.Autocorr = Autocorrelation(s.Grad)
	return s
}
