package nn

import (
	"fmt"

	"gonum.org/v1/gonum/mat"
)

// Activation names an elementwise nonlinearity.
type Activation int

const (
	ReLU Activation = iota
	Tanh
	Sigmoid
	Linear
	GELU // the tanh approximation of Hendrycks & Gimpel
)

var activationNames = [...]string{"relu", "tanh", "sigmoid", "linear", "gelu"}

// ActivationNames lists every Activation's name, in the order a menu should show them.
func ActivationNames() []string { return append([]string(nil), activationNames[:]...) }

func (a Activation) String() string {
	if a < 0 || int(a) >= len(activationNames) {
		return fmt.Sprintf("Activation(%d)", int(a))
	}
	return activationNames[a]
}

// ParseActivation maps a name ("relu", "tanh", …) to its Activation.
func ParseActivation(name string) (Activation, error) {
	for i, n := range activationNames {
		if n == name {
			return Activation(i), nil
		}
	}
	return 0, fmt.Errorf("unknown activation %q (want one of %v)", name, activationNames)
}

// Act applies an Activation elementwise.
type Act struct {
	Kind Activation

	x, y, dx *mat.Dense
}

func NewAct(kind Activation) *Act { return &Act{Kind: kind} }

func (a *Act) Params() []*Param { return nil }

func (a *Act) Forward(x *mat.Dense, _ bool) *mat.Dense {
	n, c := x.Dims()
	a.x = x
	a.y = ensure(a.y, n, c)
	xs, ys := raw(x), raw(a.y)
	ys = ys[:len(xs)]
	switch a.Kind {
	case ReLU:
		relu(ys, xs) // kernels_*.go: NaN passes through, as it must for divergence to be seen
	case Tanh:
		for i, v := range xs {
			ys[i] = tanh(v)
		}
	case Sigmoid:
		for i, v := range xs {
			ys[i] = sigmoid(v)
		}
	case Linear:
		copy(ys, xs)
	case GELU:
		for i, v := range xs {
			ys[i] = gelu(v)
		}
	}
	return a.y
}

func (a *Act) Backward(dy *mat.Dense) *mat.Dense {
	n, c := dy.Dims()
	a.dx = ensure(a.dx, n, c)
	ds, dx, xs, ys := raw(dy), raw(a.dx), raw(a.x), raw(a.y)
	dx, xs, ys = dx[:len(ds)], xs[:len(ds)], ys[:len(ds)]
	switch a.Kind {
	case ReLU:
		reluGrad(dx, ds, xs) // kernels_*.go
	case Tanh:
		for i, d := range ds {
			dx[i] = d * (1 - ys[i]*ys[i])
		}
	case Sigmoid:
		for i, d := range ds {
			dx[i] = d * ys[i] * (1 - ys[i])
		}
	case Linear:
		copy(dx, ds)
	case GELU:
		for i, d := range ds {
			v := xs[i]
			t := tanh(geluC * (v + geluK*v*v*v))
			dx[i] = d * (0.5*(1+t) + 0.5*v*(1-t*t)*geluC*(1+3*geluK*v*v))
		}
	}
	return a.dx
}

const (
	geluC = 0.7978845608028654 // √(2/π)
	geluK = 0.044715
)

func sigmoid(v float64) float64 { return 1 / (1 + exp(-v)) }

// gelu is the tanh approximation of GELU (Hendrycks & Gimpel).
func gelu(v float64) float64 { return 0.5 * v * (1 + tanh(geluC*(v+geluK*v*v*v))) }
