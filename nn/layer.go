// Package nn is a small neural-network engine for residual multilayer perceptrons.
//
// Matrices are batch-major (one row per example) gonum *mat.Dense values. Every layer owns the
// buffers it writes into and reuses them from step to step, so a training step allocates
// nothing once the first step has sized them. The package never touches the browser: it runs
// natively and compiled to WebAssembly alike.
package nn

import "gonum.org/v1/gonum/mat"

// Layer is one differentiable step of a network.
type Layer interface {
	// Forward maps x (batch × in) to a buffer owned by the layer. train selects
	// training-mode behaviour (batch statistics in batch norm).
	Forward(x *mat.Dense, train bool) *mat.Dense
	// Backward takes the loss gradient with respect to the last Forward's output, adds the
	// parameter gradients to each Param.G, and returns the gradient with respect to its input.
	Backward(dy *mat.Dense) *mat.Dense
	// Params lists the layer's trainable parameters (none for an activation).
	Params() []*Param
}

// Param is a trainable tensor: its value, the gradient accumulated by Backward, and whatever
// state an optimiser keeps for it.
type Param struct {
	Name  string
	W     *mat.Dense // value
	G     *mat.Dense // gradient, same shape; zeroed by Network.ZeroGrad
	Decay bool       // whether L2 weight decay applies (weights yes, biases and BN no)

	m, v []float64 // optimiser state (momentum / Adam moments), made on first use
}

func newParam(name string, r, c int, decay bool) *Param {
	return &Param{Name: name, W: mat.NewDense(r, c, nil), G: mat.NewDense(r, c, nil), Decay: decay}
}

// ensure returns a buffer of r×c, reusing m's storage when it is large enough. Its contents
// are unspecified when the shape changed; callers overwrite every element.
func ensure(m *mat.Dense, r, c int) *mat.Dense {
	if m == nil {
		return mat.NewDense(r, c, nil)
	}
	if rr, cc := m.Dims(); rr == r && cc == c {
		return m
	}
	m.Reset()
	m.ReuseAs(r, c)
	return m
}

// raw exposes a Dense's row-major storage. Every buffer here is made by mat.NewDense or
// ReuseAs, so its stride equals its column count and the slice is exactly rows×cols long.
func raw(m *mat.Dense) []float64 {
	r := m.RawMatrix()
	return r.Data[:r.Rows*r.Cols]
}
