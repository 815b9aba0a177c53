package nn

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// SoftmaxCE is the softmax cross-entropy loss, averaged over the batch.
type SoftmaxCE struct {
	p, dlogits *mat.Dense
	labels     []int
}

// Forward returns the mean loss of logits (n×classes) against labels, and how many rows
// predict their label. It keeps the probabilities for Backward.
func (l *SoftmaxCE) Forward(logits *mat.Dense, labels []int) (loss float64, correct int) {
	n, c := logits.Dims()
	l.labels = labels
	l.p = ensure(l.p, n, c)
	softmaxRows(raw(l.p), raw(logits), n, c)
	ps := raw(l.p)
	for i := 0; i < n; i++ {
		row := ps[i*c : i*c+c]
		y := labels[i]
		loss -= math.Log(max(row[y], 1e-300))
		best := 0
		for j, v := range row {
			if v > row[best] {
				best = j
			}
		}
		if best == y {
			correct++
		}
	}
	return loss / float64(n), correct
}

// Backward returns d(mean loss)/d(logits) = (p − onehot(label)) / n.
func (l *SoftmaxCE) Backward() *mat.Dense {
	n, c := l.p.Dims()
	l.dlogits = ensure(l.dlogits, n, c)
	d, ps := raw(l.dlogits), raw(l.p)
	inv := 1 / float64(n)
	for i := range d[:len(ps)] {
		d[i] = ps[i] * inv
	}
	for i := 0; i < n; i++ {
		d[i*c+l.labels[i]] -= inv
	}
	return l.dlogits
}

// softmaxRows writes the row-wise softmax of x (n×c) into p, shifted by the row maximum so
// large logits do not overflow. p is float64 for the loss, float32 for pictures.
func softmaxRows[T float32 | float64](p []T, x []float64, n, c int) {
	for i := 0; i < n; i++ {
		xr, pr := x[i*c:i*c+c], p[i*c:i*c+c]
		m := xr[0]
		for _, v := range xr {
			m = max(m, v)
		}
		var s float64
		for _, v := range xr {
			s += exp(v - m)
		}
		for j, v := range xr {
			pr[j] = T(exp(v-m) / s)
		}
	}
}

// Probabilities writes the row-wise softmax of logits (n×c) into dst[:n*c] as float32, the
// form a picture of the decision boundary wants.
func Probabilities(dst []float32, logits *mat.Dense) {
	n, c := logits.Dims()
	softmaxRows(dst, raw(logits), n, c)
}
