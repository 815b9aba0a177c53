package nn

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// The gradient checks compare Backward with central finite differences of the scalar
// L = Σ y ⊙ R for a fixed random R, with respect to the input and to every parameter.

func randDense(rng *rand.Rand, r, c int, scale float64) *mat.Dense {
	m := mat.NewDense(r, c, nil)
	for i := range raw(m) {
		raw(m)[i] = scale * rng.NormFloat64()
	}
	return m
}

func dot(a, b *mat.Dense) float64 {
	var s float64
	for i, v := range raw(a) {
		s += v * raw(b)[i]
	}
	return s
}

// checkGrad runs forward/backward on layer l at x and compares every gradient with finite
// differences; it reports the worst relative error.
func checkGrad(t *testing.T, l Layer, x *mat.Dense, train bool) {
	t.Helper()
	rng := rand.New(rand.NewPCG(7, 7))
	y := l.Forward(x, train)
	r, c := y.Dims()
	R := randDense(rng, r, c, 1)
	objective := func() float64 { return dot(l.Forward(x, train), R) }

	for _, p := range l.Params() {
		clear(raw(p.G))
	}
	l.Forward(x, train)
	dx := mat.DenseCopyOf(l.Backward(R))

	const h = 1e-5
	compare := func(what string, v []float64, i int, analytic float64) {
		old := v[i]
		v[i] = old + h
		up := objective()
		v[i] = old - h
		down := objective()
		v[i] = old
		numeric := (up - down) / (2 * h)
		if err := math.Abs(numeric-analytic) / max(1e-3, math.Abs(numeric)+math.Abs(analytic)); err > 1e-5 {
			t.Errorf("%s[%d]: analytic %.8g, numeric %.8g (rel err %.2g)", what, i, analytic, numeric, err)
		}
	}
	for i := range raw(x) {
		compare("dx", raw(x), i, raw(dx)[i])
	}
	for _, p := range l.Params() {
		g := mat.DenseCopyOf(p.G)
		for i := range raw(p.W) {
			compare(p.Name, raw(p.W), i, raw(g)[i])
		}
	}
}

func TestGradDense(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	for _, bias := range []bool{true, false} {
		d := NewDense(3, 4, bias)
		for i := range raw(d.W.W) {
			raw(d.W.W)[i] = rng.NormFloat64()
		}
		checkGrad(t, d, randDense(rng, 5, 3, 1), true)
	}
}

func TestGradActivations(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 2))
	for _, kind := range []Activation{ReLU, Tanh, Sigmoid, Linear, GELU} {
		t.Run(kind.String(), func(t *testing.T) {
			x := randDense(rng, 4, 3, 1.5)
			for i, v := range raw(x) { // keep away from ReLU's kink, where no derivative exists
				if math.Abs(v) < 0.05 {
					raw(x)[i] = 0.3
				}
			}
			checkGrad(t, NewAct(kind), x, true)
		})
	}
}

func TestGradBatchNorm(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	for _, train := range []bool{true, false} {
		b := NewBatchNorm(3)
		for i := range 3 {
			b.Gamma.W.Set(0, i, 0.5+rng.Float64())
			b.Beta.W.Set(0, i, rng.NormFloat64())
			b.RunMean[i], b.RunVar[i] = rng.NormFloat64(), 0.5+rng.Float64()
		}
		b.Momentum = 0 // keep the running statistics fixed while differencing
		checkGrad(t, b, randDense(rng, 6, 3, 2), train)
	}
}

func TestGradBlocks(t *testing.T) {
	for _, in := range []int{4, 3} { // identity shortcut, then a projection (3 → 4)
		for _, layers := range []int{1, 2} {
			for _, bn := range []bool{false, true} {
				for _, shortcut := range []bool{true, false} {
					name := fmt.Sprintf("in%d/layers%d/bn%v/shortcut%v", in, layers, bn, shortcut)
					t.Run(name, func(t *testing.T) {
						rng := rand.New(rand.NewPCG(4, uint64(in*100+layers)))
						b := NewBlock(in, 4, layers, Tanh, bn, shortcut)
						for _, p := range b.Params() {
							for i := range raw(p.W) {
								raw(p.W)[i] += 0.7 * rng.NormFloat64()
							}
						}
						for _, l := range b.Branch {
							if n, ok := l.(*BatchNorm); ok {
								n.Momentum = 0
							}
						}
						if b.Kind() != map[bool]ShortcutKind{true: Identity, false: Projection}[in == 4] {
							t.Fatalf("shortcut kind %v for %d → 4", b.Kind(), in)
						}
						checkGrad(t, b, randDense(rng, 5, in, 1), true)
					})
				}
			}
		}
	}
}

// TestGradNetworkLoss checks the whole chain, softmax cross-entropy included, on a network
// with mixed widths, shortcuts on and off, and GELU.
func TestGradNetworkLoss(t *testing.T) {
	for _, bn := range []bool{false, true} {
		net, err := New(Config{Inputs: 2, Classes: 3, Width: 4, Act: GELU, BatchNorm: bn, Blocks: []BlockConfig{
			{Width: 4, Layers: 2, Shortcut: true}, {Width: 5, Layers: 1, Shortcut: true}, {Width: 5, Layers: 2},
		}}, 9)
		if err != nil {
			t.Fatal(err)
		}
		rng := rand.New(rand.NewPCG(5, 5))
		x := randDense(rng, 6, 2, 1)
		labels := []int{0, 1, 2, 2, 1, 0}
		if bn {
			for _, p := range net.Params() { // BN's β and γ start at 0 and 1: perturb them too
				for i := range raw(p.W) {
					raw(p.W)[i] += 0.1 * rng.NormFloat64()
				}
			}
			setMomentum(net, 0)
		}
		loss := func() float64 { l, _ := net.Loss.Forward(net.Forward(x, true), labels); return l }
		net.ZeroGrad()
		loss()
		net.Backward(net.Loss.Backward())
		const h = 1e-5
		for pi, p := range net.Params() {
			g := mat.DenseCopyOf(p.G)
			for i := range raw(p.W) {
				old := raw(p.W)[i]
				raw(p.W)[i] = old + h
				up := loss()
				raw(p.W)[i] = old - h
				down := loss()
				raw(p.W)[i] = old
				numeric, analytic := (up-down)/(2*h), raw(g)[i]
				if math.Abs(numeric-analytic)/max(1e-4, math.Abs(numeric)+math.Abs(analytic)) > 1e-5 {
					t.Errorf("bn=%v param %d (%s)[%d]: analytic %.8g, numeric %.8g", bn, pi, p.Name, i, analytic, numeric)
				}
			}
		}
	}
}

func setMomentum(n *Network, m float64) {
	var all []Layer
	all = append(all, n.Input...)
	for _, b := range n.Blocks {
		all = append(all, b.Branch...)
	}
	for _, l := range all {
		if b, ok := l.(*BatchNorm); ok {
			b.Momentum = m
		}
	}
}

// A lesioned block is y = S(x): the identity, or its projection when the width changes. Its
// gradient goes through S alone, whatever its activation last saw (a fresh block has never
// run its branch or its activation forward).
func TestGradLesionedBlocks(t *testing.T) {
	for _, in := range []int{4, 3} { // identity shortcut, then a projection (3 → 4)
		t.Run(fmt.Sprintf("in%d", in), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(6, uint64(in)))
			b := NewBlock(in, 4, 2, Tanh, false, true)
			for _, p := range b.Params() {
				for i := range raw(p.W) {
					raw(p.W)[i] += 0.7 * rng.NormFloat64()
				}
			}
			b.Lesioned = true
			checkGrad(t, b, randDense(rng, 5, in, 1), true)
			for _, l := range b.Branch {
				for _, p := range l.Params() {
					for i, g := range raw(p.G) {
						if g != 0 {
							t.Fatalf("the removed branch's %s got a gradient (%v at %d)", p.Name, g, i)
						}
					}
				}
			}
		})
	}
}
