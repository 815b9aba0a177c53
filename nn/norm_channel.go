package nn

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// ChannelNorm is batch normalisation for images (rows of C planes of P positions): one mean
// and variance per channel, over every position of every example in the batch, as in the
// paper's convolutional networks; then a learned scale and shift per channel. Like BatchNorm it
// uses batch statistics in training and running averages in inference.
type ChannelNorm struct {
	Channels, Positions int
	Gamma, Beta         *Param
	Momentum, Eps       float64

	RunMean, RunVar []float64

	mean, invStd []float64
	sumD, sumDX  []float64
	xhat, y, dx  *mat.Dense
	train        bool
}

func NewChannelNorm(channels, positions int) *ChannelNorm {
	b := &ChannelNorm{
		Channels: channels, Positions: positions, Momentum: 0.1, Eps: 1e-5,
		Gamma:   newParam("gamma", 1, channels, false),
		Beta:    newParam("beta", 1, channels, false),
		RunMean: make([]float64, channels), RunVar: make([]float64, channels),
		mean: make([]float64, channels), invStd: make([]float64, channels),
		sumD: make([]float64, channels), sumDX: make([]float64, channels),
	}
	for i := range channels {
		b.Gamma.W.Set(0, i, 1)
		b.RunVar[i] = 1
	}
	return b
}

func (b *ChannelNorm) Params() []*Param { return []*Param{b.Gamma, b.Beta} }

// plane returns channel ch's positions in example i of xs.
func (b *ChannelNorm) plane(xs []float64, i, ch int) []float64 {
	o := (i*b.Channels + ch) * b.Positions
	return xs[o : o+b.Positions]
}

func (b *ChannelNorm) Forward(x *mat.Dense, train bool) *mat.Dense {
	n, c := x.Dims()
	b.train = train && n*b.Positions > 1
	b.xhat = ensure(b.xhat, n, c)
	b.y = ensure(b.y, n, c)
	xs, xh, ys := raw(x), raw(b.xhat), raw(b.y)
	g, be := raw(b.Gamma.W), raw(b.Beta.W)
	count := float64(n * b.Positions)
	for ch := range b.Channels {
		var mean, inv float64
		if b.train {
			for i := range n {
				for _, v := range b.plane(xs, i, ch) {
					mean += v
				}
			}
			mean /= count
			var ss float64
			for i := range n {
				for _, v := range b.plane(xs, i, ch) {
					d := v - mean
					ss += d * d
				}
			}
			v := ss / count
			b.RunMean[ch] += b.Momentum * (mean - b.RunMean[ch])
			b.RunVar[ch] += b.Momentum * (ss/(count-1) - b.RunVar[ch])
			inv = 1 / math.Sqrt(v+b.Eps)
		} else {
			mean, inv = b.RunMean[ch], 1/math.Sqrt(b.RunVar[ch]+b.Eps)
		}
		b.mean[ch], b.invStd[ch] = mean, inv
		for i := range n {
			xr, hr, yr := b.plane(xs, i, ch), b.plane(xh, i, ch), b.plane(ys, i, ch)
			hr, yr = hr[:len(xr)], yr[:len(xr)]
			for j, v := range xr {
				h := (v - mean) * inv
				hr[j] = h
				yr[j] = g[ch]*h + be[ch]
			}
		}
	}
	return b.y
}

// Backward is BatchNorm's closed form with the sums taken over the batch and the positions.
func (b *ChannelNorm) Backward(dy *mat.Dense) *mat.Dense {
	n, c := dy.Dims()
	b.dx = ensure(b.dx, n, c)
	ds, xh, dx := raw(dy), raw(b.xhat), raw(b.dx)
	g, gg, gb := raw(b.Gamma.W), raw(b.Gamma.G), raw(b.Beta.G)
	inN := 1 / float64(n*b.Positions)
	for ch := range b.Channels {
		var sumD, sumDX float64
		for i := range n {
			dr, hr := b.plane(ds, i, ch), b.plane(xh, i, ch)
			hr = hr[:len(dr)]
			for j, d := range dr {
				sumD += d
				sumDX += d * hr[j]
			}
		}
		gb[ch] += sumD
		gg[ch] += sumDX
		k := g[ch] * b.invStd[ch]
		for i := range n {
			dr, hr, xr := b.plane(ds, i, ch), b.plane(xh, i, ch), b.plane(dx, i, ch)
			hr, xr = hr[:len(dr)], xr[:len(dr)]
			if !b.train { // fixed statistics: a plain affine map
				for j, d := range dr {
					xr[j] = k * d
				}
				continue
			}
			for j, d := range dr {
				xr[j] = k * (d - sumD*inN - hr[j]*sumDX*inN)
			}
		}
	}
	return b.dx
}
