package nn

import "gonum.org/v1/gonum/mat"

// Images travel through a network one per row, channel-major: row i of a batch holds example
// i's C×H×W values as C planes of H rows of W pixels. A convolution turns C planes into Out
// planes, so its output rows have the same layout.

// Conv is a 2-D convolution with a square K×K kernel, zero padding Pad and stride Stride, from
// InC channels of H×W to OutC channels of OH×OW (OH = (H + 2·Pad − K)/Stride + 1).
//
// Each example goes through im2col: its input patches become the columns of a (InC·K·K)×(OH·OW)
// matrix, so that the convolution is one product W·cols with the weights as an
// OutC×(InC·K·K) matrix, done by the engine's matrix kernels, and the product already has the
// output's channel-major layout. The column matrix is rebuilt in Backward rather than kept, so
// the layer holds one example's worth of it, not a batch's.
type Conv struct {
	InC, OutC, H, W, K, Stride, Pad int
	OH, OW                          int
	Wt, B                           *Param // Wt is OutC × InC·K·K; B (1 × OutC) is nil without bias

	x, y, dx      *mat.Dense
	cols, dcols   []float64 // (InC·K·K) × (OH·OW) for one example
	colsT         []float64 // colsᵀ, scratch for dW = dy·colsᵀ (kernels.go: mulT)
	gw            []float64 // one example's weight gradient, before it is added to Wt.G
	offsets       []int32   // im2col's source index per (row, position), −1 for padding
	kk, positions int
}

// NewConv makes a convolution with zero weights; see init.go for initialisation.
func NewConv(inC, outC, h, w, k, stride, pad int, bias bool) *Conv {
	c := &Conv{
		InC: inC, OutC: outC, H: h, W: w, K: k, Stride: stride, Pad: pad,
		OH: (h+2*pad-k)/stride + 1, OW: (w+2*pad-k)/stride + 1,
	}
	c.kk, c.positions = inC*k*k, c.OH*c.OW
	c.Wt = newParam("W", outC, c.kk, true)
	if bias {
		c.B = newParam("b", 1, outC, false)
	}
	c.cols = make([]float64, c.kk*c.positions)
	c.dcols = make([]float64, c.kk*c.positions)
	c.colsT = make([]float64, c.kk*c.positions)
	c.gw = make([]float64, outC*c.kk)
	c.offsets = c.patchOffsets()
	return c
}

// InSize and OutSize are the row lengths the layer reads and writes.
func (c *Conv) InSize() int  { return c.InC * c.H * c.W }
func (c *Conv) OutSize() int { return c.OutC * c.positions }

// patchOffsets precomputes, for every entry of the column matrix, which input value it copies
// (an index into one example's row), or −1 where the kernel overhangs the zero padding.
func (c *Conv) patchOffsets() []int32 {
	off := make([]int32, c.kk*c.positions)
	for ch := range c.InC {
		for ky := range c.K {
			for kx := range c.K {
				r := (ch*c.K+ky)*c.K + kx
				for oy := range c.OH {
					iy := oy*c.Stride - c.Pad + ky
					for ox := range c.OW {
						ix := ox*c.Stride - c.Pad + kx
						o := int32(-1)
						if iy >= 0 && iy < c.H && ix >= 0 && ix < c.W {
							o = int32((ch*c.H+iy)*c.W + ix)
						}
						off[r*c.positions+oy*c.OW+ox] = o
					}
				}
			}
		}
	}
	return off
}

// im2col fills cols from one example's input row.
func (c *Conv) im2col(xr []float64) {
	cols := c.cols[:len(c.offsets)]
	for i, o := range c.offsets {
		if o >= 0 {
			cols[i] = xr[o]
		} else {
			cols[i] = 0
		}
	}
}

func (c *Conv) Forward(x *mat.Dense, _ bool) *mat.Dense {
	n, _ := x.Dims()
	c.x = x
	c.y = ensure(c.y, n, c.OutSize())
	xs, ys := raw(x), raw(c.y)
	in, out, p := c.InSize(), c.OutSize(), c.positions
	w := raw(c.Wt.W)
	for i := range n {
		c.im2col(xs[i*in : i*in+in])
		yr := ys[i*out : i*out+out]
		matMul(yr, w, c.cols, c.OutC, c.kk, p)
		if c.B != nil {
			for o, b := range raw(c.B.W) {
				plane := yr[o*p : o*p+p]
				for j := range plane {
					plane[j] += b
				}
			}
		}
	}
	return c.y
}

func (c *Conv) Backward(dy *mat.Dense) *mat.Dense {
	n, _ := dy.Dims()
	c.dx = ensure(c.dx, n, c.InSize())
	xs, ds, dxs := raw(c.x), raw(dy), raw(c.dx)
	in, out, p := c.InSize(), c.OutSize(), c.positions
	w, gw := raw(c.Wt.W), raw(c.Wt.G)
	gw = gw[:len(c.gw)]
	for i := range n {
		c.im2col(xs[i*in : i*in+in])
		dr := ds[i*out : i*out+out]
		mulT(c.gw, dr, c.cols, c.colsT, c.OutC, c.kk, p) // dW = dy·colsᵀ
		for j, v := range c.gw {
			gw[j] += v
		}
		if c.B != nil {
			gb := raw(c.B.G)
			for o := range gb {
				s := 0.0
				for _, v := range dr[o*p : o*p+p] {
					s += v
				}
				gb[o] += s
			}
		}
		clear(c.dcols)
		addOuterT(c.dcols, w, dr, c.OutC, c.kk, p) // dcols = Wᵀ·dy
		xr := dxs[i*in : i*in+in]
		clear(xr)
		dcols := c.dcols[:len(c.offsets)]
		for j, o := range c.offsets { // col2im: each patch entry flows back to its pixel
			if o >= 0 {
				xr[o] += dcols[j]
			}
		}
	}
	return c.dx
}

func (c *Conv) Params() []*Param {
	if c.B == nil {
		return []*Param{c.Wt}
	}
	return []*Param{c.Wt, c.B}
}
