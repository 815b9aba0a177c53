package nn

import "gonum.org/v1/gonum/mat"

// GlobalAvgPool averages each of Channels planes of Positions values down to one number, as
// the paper's CIFAR networks do before their last, fully connected layer.
type GlobalAvgPool struct {
	Channels, Positions int

	y, dx *mat.Dense
}

func NewGlobalAvgPool(channels, positions int) *GlobalAvgPool {
	return &GlobalAvgPool{Channels: channels, Positions: positions}
}

func (g *GlobalAvgPool) Params() []*Param { return nil }

func (g *GlobalAvgPool) Forward(x *mat.Dense, _ bool) *mat.Dense {
	n, _ := x.Dims()
	g.y = ensure(g.y, n, g.Channels)
	xs, ys := raw(x), raw(g.y)
	inv := 1 / float64(g.Positions)
	for k := range ys { // k = example·Channels + channel, and planes follow in that order
		s := 0.0
		for _, v := range xs[k*g.Positions : (k+1)*g.Positions] {
			s += v
		}
		ys[k] = s * inv
	}
	return g.y
}

func (g *GlobalAvgPool) Backward(dy *mat.Dense) *mat.Dense {
	n, _ := dy.Dims()
	g.dx = ensure(g.dx, n, g.Channels*g.Positions)
	ds, dx := raw(dy), raw(g.dx)
	inv := 1 / float64(g.Positions)
	for k, d := range ds[:n*g.Channels] {
		plane := dx[k*g.Positions : (k+1)*g.Positions]
		for j := range plane {
			plane[j] = d * inv
		}
	}
	return g.dx
}

// PadSubsample is the paper's option-A shortcut for a stage entry: keep every Stride-th pixel
// of every Stride-th row, and append zero channels up to OutC. It has no parameters, so a
// residual net with it has exactly as many weights as its plain twin.
type PadSubsample struct {
	InC, OutC, H, W, Stride int
	OH, OW                  int

	y, dx *mat.Dense
}

func NewPadSubsample(inC, outC, h, w, stride int) *PadSubsample {
	return &PadSubsample{InC: inC, OutC: outC, H: h, W: w, Stride: stride,
		OH: (h-1)/stride + 1, OW: (w-1)/stride + 1}
}

func (p *PadSubsample) Params() []*Param { return nil }

func (p *PadSubsample) Forward(x *mat.Dense, _ bool) *mat.Dense {
	n, _ := x.Dims()
	in, out := p.InC*p.H*p.W, p.OutC*p.OH*p.OW
	p.y = ensure(p.y, n, out)
	xs, ys := raw(x), raw(p.y)
	clear(ys)
	for i := range n {
		xr, yr := xs[i*in:i*in+in], ys[i*out:i*out+out]
		for ch := range p.InC {
			for oy := range p.OH {
				src := xr[(ch*p.H+oy*p.Stride)*p.W:]
				dst := yr[(ch*p.OH+oy)*p.OW : (ch*p.OH+oy+1)*p.OW]
				for ox := range dst {
					dst[ox] = src[ox*p.Stride]
				}
			}
		}
	}
	return p.y
}

func (p *PadSubsample) Backward(dy *mat.Dense) *mat.Dense {
	n, _ := dy.Dims()
	in, out := p.InC*p.H*p.W, p.OutC*p.OH*p.OW
	p.dx = ensure(p.dx, n, in)
	ds, dx := raw(dy), raw(p.dx)
	clear(dx)
	for i := range n {
		dr, xr := ds[i*out:i*out+out], dx[i*in:i*in+in]
		for ch := range p.InC {
			for oy := range p.OH {
				dst := xr[(ch*p.H+oy*p.Stride)*p.W:]
				src := dr[(ch*p.OH+oy)*p.OW : (ch*p.OH+oy+1)*p.OW]
				for ox, d := range src {
					dst[ox*p.Stride] = d
				}
			}
		}
	}
	return p.dx
}
