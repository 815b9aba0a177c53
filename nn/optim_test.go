package nn

import (
	"math"
	"testing"
)

// One parameter vector w = (1, -2), gradient g = (0.5, 0.25); the expected values below are
// worked out by hand from each optimiser's update rule.
func oneParam(decay bool) *Param {
	p := newParam("w", 1, 2, decay)
	p.W.SetRow(0, []float64{1, -2})
	p.G.SetRow(0, []float64{0.5, 0.25})
	return p
}

func near(t *testing.T, what string, got, want []float64) {
	t.Helper()
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-12 {
			t.Fatalf("%s: got %v, want %v", what, got, want)
		}
	}
}

func TestSGD(t *testing.T) {
	p := oneParam(true)
	(&SGD{LR: 0.1}).Update([]*Param{p})
	near(t, "sgd", raw(p.W), []float64{1 - 0.05, -2 - 0.025})

	p = oneParam(true) // L2: g + λw = (0.5 + 0.01, 0.25 − 0.02)
	(&SGD{LR: 0.1, WeightDecay: 0.01}).Update([]*Param{p})
	near(t, "sgd+l2", raw(p.W), []float64{1 - 0.051, -2 - 0.023})

	p = oneParam(false) // biases are not decayed
	(&SGD{LR: 0.1, WeightDecay: 0.01}).Update([]*Param{p})
	near(t, "sgd, no decay", raw(p.W), []float64{0.95, -2.025})
}

func TestMomentum(t *testing.T) {
	p := oneParam(false)
	o := &SGD{LR: 0.1, Momentum: 0.9}
	o.Update([]*Param{p}) // v = g = (0.5, 0.25); w = (0.95, -2.025)
	o.Update([]*Param{p}) // v = 0.9·v + g = (0.95, 0.475); w = (0.855, -2.0725)
	near(t, "momentum", raw(p.W), []float64{0.855, -2.0725})
}

func TestAdam(t *testing.T) {
	p := oneParam(false)
	o := NewAdam(0.01, 0)
	// Step 1: m̂ = g and v̂ = g², so each weight moves by lr·g/(|g|+ε) ≈ lr·sign(g).
	o.Update([]*Param{p})
	near(t, "adam step 1", raw(p.W), []float64{1 - 0.01*0.5/(0.5+1e-8), -2 - 0.01*0.25/(0.25+1e-8)})
	// Step 2 with the gradient changed to (-0.5, 0.25): m = 0.9·0.1g₁ + 0.1g₂, v likewise.
	p.G.SetRow(0, []float64{-0.5, 0.25})
	w := append([]float64(nil), raw(p.W)...)
	o.Update([]*Param{p})
	m0, v0 := 0.9*0.05+0.1*-0.5, 0.999*0.001*0.25+0.001*0.25
	m1, v1 := 0.9*0.025+0.1*0.25, 0.999*0.001*0.0625+0.001*0.0625
	c1, c2 := 1-0.9*0.9, 1-0.999*0.999
	want := []float64{
		w[0] - 0.01*(m0/c1)/(math.Sqrt(v0/c2)+1e-8),
		w[1] - 0.01*(m1/c1)/(math.Sqrt(v1/c2)+1e-8),
	}
	near(t, "adam step 2", raw(p.W), want)
}

func TestNewOptimizerRejectsUnknownName(t *testing.T) {
	if _, err := NewOptimizer("rmsprop", 0.1, 0); err == nil {
		t.Fatal("accepted rmsprop")
	}
}

// A zero-value Adam is safe: the hyperparameters left zero take their usual values, so
// &Adam{LR: lr} trains exactly as NewAdam(lr, 0), and Adam{} (no learning rate) changes
// nothing, with no NaN where a gradient is zero.
func TestZeroValueAdamIsSafe(t *testing.T) {
	mk := func() *Param {
		p := newParam("w", 1, 3, true)
		copy(raw(p.W), []float64{1, -2, 0.5})
		return p
	}
	a, b, z := mk(), mk(), mk()
	ours, usual, zero := &Adam{LR: 0.01}, NewAdam(0.01, 0), &Adam{}
	for step := range 5 {
		for _, p := range []*Param{a, b, z} {
			copy(raw(p.G), []float64{0.3, 0, -float64(step)}) // a zero gradient too
		}
		ours.Update([]*Param{a})
		usual.Update([]*Param{b})
		zero.Update([]*Param{z})
	}
	for i := range raw(a.W) {
		if raw(a.W)[i] != raw(b.W)[i] || math.IsNaN(raw(a.W)[i]) {
			t.Errorf("w[%d]: Adam{LR: 0.01} gave %v, NewAdam %v", i, raw(a.W)[i], raw(b.W)[i])
		}
	}
	if got := raw(z.W); got[0] != 1 || got[1] != -2 || got[2] != 0.5 {
		t.Errorf("Adam{} changed the weights to %v", got)
	}
}
