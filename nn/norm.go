package nn

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// BatchNorm normalises each feature over the batch (Ioffe & Szegedy 2015), then scales and
// shifts it by learned Gamma and Beta. In training it uses the batch's statistics and updates
// running averages; in inference it uses the running averages, so a single example (or a
// decision-boundary grid) is normalised the same way every time.
type BatchNorm struct {
	Width       int
	Gamma, Beta *Param
	Momentum    float64 // weight of the newest batch in the running averages
	Eps         float64

	RunMean, RunVar []float64

	mean, invStd []float64 // of the last training batch
	sumD, sumDX  []float64 // scratch for Backward
	xhat, y, dx  *mat.Dense
	train        bool
}

func NewBatchNorm(width int) *BatchNorm {
	b := &BatchNorm{
		Width: width, Momentum: 0.1, Eps: 1e-5,
		Gamma:   newParam("gamma", 1, width, false),
		Beta:    newParam("beta", 1, width, false),
		RunMean: make([]float64, width), RunVar: make([]float64, width),
		mean: make([]float64, width), invStd: make([]float64, width),
		sumD: make([]float64, width), sumDX: make([]float64, width),
	}
	for i := range width {
		b.Gamma.W.Set(0, i, 1)
		b.RunVar[i] = 1
	}
	return b
}

func (b *BatchNorm) Params() []*Param { return []*Param{b.Gamma, b.Beta} }

func (b *BatchNorm) Forward(x *mat.Dense, train bool) *mat.Dense {
	n, c := x.Dims()
	b.train = train
	b.xhat = ensure(b.xhat, n, c)
	b.y = ensure(b.y, n, c)
	xs, xh, ys := raw(x), raw(b.xhat), raw(b.y)
	g, be := raw(b.Gamma.W), raw(b.Beta.W)
	mean, inv := b.mean, b.invStd
	if train && n > 1 {
		clear(mean)
		clear(inv) // holds the variance until the last loop below
		for i := 0; i < n; i++ {
			for j, v := range xs[i*c : i*c+c] {
				mean[j] += v
			}
		}
		for j := range mean {
			mean[j] /= float64(n)
		}
		for i := 0; i < n; i++ {
			for j, v := range xs[i*c : i*c+c] {
				d := v - mean[j]
				inv[j] += d * d
			}
		}
		for j := range inv {
			v := inv[j] / float64(n)
			b.RunMean[j] += b.Momentum * (mean[j] - b.RunMean[j])
			b.RunVar[j] += b.Momentum * (v*float64(n)/float64(n-1) - b.RunVar[j])
			inv[j] = 1 / math.Sqrt(v+b.Eps)
		}
	} else {
		// Inference, or a batch of one whose own statistics would be meaningless.
		b.train = false
		for j := range mean {
			mean[j] = b.RunMean[j]
			inv[j] = 1 / math.Sqrt(b.RunVar[j]+b.Eps)
		}
	}
	for i := 0; i < n; i++ {
		xr, hr, yr := xs[i*c:i*c+c], xh[i*c:i*c+c], ys[i*c:i*c+c]
		for j, v := range xr {
			h := (v - mean[j]) * inv[j]
			hr[j] = h
			yr[j] = g[j]*h + be[j]
		}
	}
	return b.y
}

// Backward uses the standard closed form for batch statistics:
// dx = γ/σ · (dy − mean(dy) − x̂·mean(dy·x̂)).
func (b *BatchNorm) Backward(dy *mat.Dense) *mat.Dense {
	n, c := dy.Dims()
	b.dx = ensure(b.dx, n, c)
	ds, xh, dx := raw(dy), raw(b.xhat), raw(b.dx)
	g, gg, gb := raw(b.Gamma.W), raw(b.Gamma.G), raw(b.Beta.G)
	sumD, sumDX := b.sumD, b.sumDX
	clear(sumD)
	clear(sumDX)
	for i := 0; i < n; i++ {
		dr, hr := ds[i*c:i*c+c], xh[i*c:i*c+c]
		for j, d := range dr {
			sumD[j] += d
			sumDX[j] += d * hr[j]
		}
	}
	for j := range gb[:c] {
		gb[j] += sumD[j]
		gg[j] += sumDX[j]
	}
	if !b.train { // fixed statistics: a plain affine map
		for i := 0; i < n; i++ {
			dr, xr := ds[i*c:i*c+c], dx[i*c:i*c+c]
			for j, d := range dr {
				xr[j] = d * g[j] * b.invStd[j]
			}
		}
		return b.dx
	}
	inN := 1 / float64(n)
	for i := 0; i < n; i++ {
		dr, hr, xr := ds[i*c:i*c+c], xh[i*c:i*c+c], dx[i*c:i*c+c]
		for j, d := range dr {
			xr[j] = g[j] * b.invStd[j] * (d - sumD[j]*inN - hr[j]*sumDX[j]*inN)
		}
	}
	return b.dx
}
