package lab

import (
	"fmt"

	"gonum.org/v1/gonum/mat"

	"resnetplayground/nn"
	"resnetplayground/nn/data"
)

// SetEvalSample makes Metrics (and Lesion) evaluate only the first n examples of the
// training set and of the test set; n ≤ 0 restores whole sets. The page uses it for the
// digits, where evaluating all 7,000 images through a deep convolutional network would keep
// its worker busy for seconds; the file's order is MNIST's, so the first thousand are a
// fair sample of every digit.
func (t *Trainer) SetEvalSample(n int) { t.sample = max(n, 0) }

// evalLimit is how many examples of s Metrics evaluates.
func (t *Trainer) evalLimit(s data.Set) int {
	if t.sample > 0 {
		return min(t.sample, s.Len())
	}
	return s.Len()
}

// TestPredictions returns the predicted class of each evaluated test example (see
// SetEvalSample) as of the latest Metrics; empty before the first. The slice is the
// trainer's, overwritten by the next Metrics.
func (t *Trainer) TestPredictions() []int {
	if !t.predicted {
		return nil
	}
	return t.testPred
}

// Classify writes the network's class probabilities for one example (Dim values, in the
// dataset's layout: for the digits 14×14 pixels in [0, 1], row by row) into dst, reused when
// large enough, and returns it.
func (t *Trainer) Classify(x []float64, dst []float32) ([]float32, error) {
	if len(x) != t.train.Dim {
		return dst[:0], fmt.Errorf("an example of %s has %d values, not %d", t.spec.Dataset, t.train.Dim, len(x))
	}
	t.recordStats()
	t.probe = chunkOf(t.probe, x, 1, len(x))
	classes := t.train.Classes
	if cap(dst) < classes {
		dst = make([]float32, classes)
	}
	dst = dst[:classes]
	nn.Probabilities(dst, t.net.Forward(t.probe, false))
	return dst, nil
}

// argmaxRows writes the index of each row's largest value into dst.
func argmaxRows(dst []int, m *mat.Dense) {
	for i := range dst {
		row := m.RawRowView(i)
		best := 0
		for j, v := range row {
			if v > row[best] {
				best = j
			}
		}
		dst[i] = best
	}
}
