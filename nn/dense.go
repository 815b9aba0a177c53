package nn

import "gonum.org/v1/gonum/mat"

// Dense is a fully connected layer, y = x·W + b, with W of shape in×out.
type Dense struct {
	In, Out int
	W, B    *Param // B is nil for a bias-free layer (a projection shortcut)

	x, y, dx *mat.Dense
	wt       []float64 // Wᵀ, scratch for the backward product (kernels.go: mulT)
}

// NewDense makes an in→out layer with zero weights; see init.go for initialisation.
func NewDense(in, out int, bias bool) *Dense {
	d := &Dense{In: in, Out: out, W: newParam("W", in, out, true)}
	if bias {
		d.B = newParam("b", 1, out, false)
	}
	return d
}

func (d *Dense) Forward(x *mat.Dense, _ bool) *mat.Dense {
	n, _ := x.Dims()
	d.x = x
	d.y = ensure(d.y, n, d.Out)
	if d.B != nil {
		affine(raw(d.y), raw(x), raw(d.W.W), raw(d.B.W), n, d.In, d.Out)
	} else {
		matMul(raw(d.y), raw(x), raw(d.W.W), n, d.In, d.Out)
	}
	return d.y
}

func (d *Dense) Backward(dy *mat.Dense) *mat.Dense {
	n, _ := dy.Dims()
	addOuterT(raw(d.W.G), raw(d.x), raw(dy), n, d.In, d.Out)
	if d.B != nil {
		addColSums(raw(d.B.G), raw(dy), n, d.Out)
	}
	d.dx = ensure(d.dx, n, d.In)
	if len(d.wt) < d.In*d.Out {
		d.wt = make([]float64, d.In*d.Out)
	}
	mulT(raw(d.dx), raw(dy), raw(d.W.W), d.wt, n, d.In, d.Out)
	return d.dx
}

func (d *Dense) Params() []*Param {
	if d.B == nil {
		return []*Param{d.W}
	}
	return []*Param{d.W, d.B}
}
