package lab

import (
	"math"
	"math/rand/v2"

	"resnetplayground/nn"
)

// Direction is a point (or a step) in a network's weight space: one slice per parameter, in
// the order of Network.Params, each laid out like that parameter's values.
type Direction [][]float64

// values exposes a parameter's row-major storage (nn makes every matrix with stride = columns).
func values(p *nn.Param) []float64 {
	r := p.W.RawMatrix()
	return r.Data[:r.Rows*r.Cols]
}

// weightsOf copies the network's current parameters.
func weightsOf(net *nn.Network) Direction {
	d := make(Direction, len(net.Params()))
	for i, p := range net.Params() {
		d[i] = append([]float64(nil), values(p)...)
	}
	return d
}

// copyInto overwrites the network's parameters with w (of the same shapes).
func (w Direction) copyInto(net *nn.Network) {
	for i, p := range net.Params() {
		copy(values(p), w[i])
	}
}

// FilterNormalised draws a random direction for net from rng and normalises it per neuron, as
// Li, Xu, Taylor, Studer & Goldstein (2018) do per convolution filter: each neuron's incoming
// weights (a column of a dense layer's In×Out matrix W, the weights that feed output unit j)
// get a Gaussian direction rescaled to the norm of those weights. A step of size 1 along it
// therefore moves every neuron by as much as its own weights, whatever their scale — which
// matters because ReLU and batch norm make a layer's function blind to that scale, and an
// unnormalised direction would mostly measure it. Biases and batch-norm γ, β get no direction
// (zero), as in the paper: a weight is told apart from them by taking weight decay (Param.Decay).
//
// The draws depend only on the parameters' shapes, so two twins given the same seed draw the
// same raw direction; each twin then scales it to its own weights.
func FilterNormalised(net *nn.Network, rng *rand.Rand) Direction {
	d := make(Direction, len(net.Params()))
	for k, p := range net.Params() {
		w := values(p)
		dk := make([]float64, len(w))
		d[k] = dk
		if !p.Decay {
			continue // bias or batch-norm parameter: zero
		}
		for i := range dk {
			dk[i] = rng.NormFloat64()
		}
		_, cols := p.W.Dims()
		for j := range cols {
			wn, dn := columnNorm(w, j, cols), columnNorm(dk, j, cols)
			scale := 0.0
			if dn > 0 {
				scale = wn / dn
			}
			for i := j; i < len(dk); i += cols {
				dk[i] *= scale
			}
		}
	}
	return d
}

// columnNorm is the Euclidean norm of column j of a row-major matrix with cols columns.
func columnNorm(m []float64, j, cols int) float64 {
	var s float64
	for i := j; i < len(m); i += cols {
		s += m[i] * m[i]
	}
	return math.Sqrt(s)
}
