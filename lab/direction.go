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
// weights (a column of a dense layer's In×Out matrix, the weights that feed output unit j; a
// row of a convolution's OutC×(InC·K·K) matrix, one filter) get a Gaussian direction rescaled
// to the norm of those weights. A step of size 1 along it therefore moves every neuron by as
// much as its own weights, whatever their scale — which matters because ReLU and batch norm
// make a layer's function blind to that scale, and an unnormalised direction would mostly
// measure it. Biases and batch-norm γ, β get no direction (zero), as in the paper: a weight is
// told apart from them by taking weight decay (Param.Decay). A weight matrix of a layer this
// function does not know is normalised as a whole.
//
// The draws depend only on the parameters' shapes, so two twins given the same seed draw the
// same raw direction; each twin then scales it to its own weights.
func FilterNormalised(net *nn.Network, rng *rand.Rand) Direction {
	layout := neuronsAreRows(net)
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
		rows, cols := p.W.Dims()
		byRow, known := layout[p]
		switch {
		case !known:
			normalise(w, dk, 0, 1, len(w))
		case byRow:
			for i := range rows {
				normalise(w, dk, i*cols, 1, cols)
			}
		default:
			for j := range cols {
				normalise(w, dk, j, cols, rows)
			}
		}
	}
	return d
}

// normalise rescales the n elements of d at start, start+step, … to the norm of the same
// elements of w (to zero where w's are zero).
func normalise(w, d []float64, start, step, n int) {
	var wn, dn float64
	for i, k := start, 0; k < n; i, k = i+step, k+1 {
		wn += w[i] * w[i]
		dn += d[i] * d[i]
	}
	scale := 0.0
	if dn > 0 {
		scale = math.Sqrt(wn / dn)
	}
	for i, k := start, 0; k < n; i, k = i+step, k+1 {
		d[i] *= scale
	}
}
