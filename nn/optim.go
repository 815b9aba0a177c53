package nn

import "fmt"

// Optimizer updates parameters from their accumulated gradients.
type Optimizer interface {
	Update(params []*Param)
}

// SGD is stochastic gradient descent, with heavy-ball momentum when Momentum > 0
// (v ← μv + g; w ← w − ηv, as in PyTorch) and coupled L2 weight decay (g ← g + λw).
type SGD struct {
	LR, Momentum, WeightDecay float64
}

func (o *SGD) Update(params []*Param) {
	for _, p := range params {
		w, g := raw(p.W), raw(p.G)
		g = g[:len(w)]
		wd := 0.0
		if p.Decay {
			wd = o.WeightDecay
		}
		if o.Momentum == 0 {
			for i := range w {
				w[i] -= o.LR * (g[i] + wd*w[i])
			}
			continue
		}
		if p.m == nil {
			p.m = make([]float64, len(w))
		}
		m := p.m[:len(w)]
		for i := range w {
			m[i] = o.Momentum*m[i] + g[i] + wd*w[i]
			w[i] -= o.LR * m[i]
		}
	}
}

// Adam is Kingma & Ba's optimiser with bias-corrected moments and coupled L2 weight decay.
// A zero Beta1, Beta2 or Eps means the usual value (0.9, 0.999, 1e-8), so &Adam{LR: 0.01}
// is NewAdam(0.01, 0); the zero Adam{} has a zero learning rate and changes nothing.
type Adam struct {
	LR, Beta1, Beta2, Eps, WeightDecay float64

	b1t, b2t float64 // β₁ᵗ and β₂ᵗ, kept as running products
	started  bool    // b1t and b2t are set (they underflow to 0 after many steps, so 0 says nothing)
}

// NewAdam returns Adam with the usual β₁ = 0.9, β₂ = 0.999, ε = 1e-8.
func NewAdam(lr, weightDecay float64) *Adam {
	return &Adam{LR: lr, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, WeightDecay: weightDecay}
}

// start fills in the usual values for the hyperparameters left zero (with β₁ = β₂ = ε = 0,
// a parameter whose gradient is 0 would become 0/0 = NaN) and starts the running products.
func (o *Adam) start() {
	if o.Beta1 == 0 {
		o.Beta1 = 0.9
	}
	if o.Beta2 == 0 {
		o.Beta2 = 0.999
	}
	if o.Eps == 0 {
		o.Eps = 1e-8
	}
	o.b1t, o.b2t, o.started = 1, 1, true
}

func (o *Adam) Update(params []*Param) {
	if !o.started {
		o.start()
	}
	o.b1t *= o.Beta1
	o.b2t *= o.Beta2
	c1, c2 := 1/(1-o.b1t), 1/(1-o.b2t)
	for _, p := range params {
		w, g := raw(p.W), raw(p.G)
		g = g[:len(w)]
		if p.m == nil {
			p.m, p.v = make([]float64, len(w)), make([]float64, len(w))
		}
		m, v := p.m[:len(w)], p.v[:len(w)]
		wd := 0.0
		if p.Decay {
			wd = o.WeightDecay
		}
		adamStep(w, g, m, v, adamConsts{o.Beta1, o.Beta2, o.LR, o.Eps, wd, c1, c2}) // kernels_*.go
	}
}

// OptimizerNames lists the names NewOptimizer knows, in the order a menu should show them.
var OptimizerNames = []string{"sgd", "momentum", "adam"}

// NewOptimizer builds an optimiser by name: "sgd", "momentum" (μ = 0.9) or "adam".
func NewOptimizer(name string, lr, weightDecay float64) (Optimizer, error) {
	switch name {
	case "sgd":
		return &SGD{LR: lr, WeightDecay: weightDecay}, nil
	case "momentum":
		return &SGD{LR: lr, Momentum: 0.9, WeightDecay: weightDecay}, nil
	case "adam":
		return NewAdam(lr, weightDecay), nil
	}
	return nil, fmt.Errorf("unknown optimizer %q (want one of %v)", name, OptimizerNames)
}
