package lab

import (
	"math"
	"math/rand/v2"
	"runtime"
	"testing"

	"gonum.org/v1/gonum/mat"
)

func TestAutocorrelation(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	white, brown, alternating := make([]float64, 4096), make([]float64, 4096), make([]float64, 4096)
	walk := 0.0
	for i := range white {
		white[i] = rng.NormFloat64()
		walk += rng.NormFloat64()
		brown[i] = walk
		alternating[i] = float64(1 - 2*(i%2))
	}
	for _, c := range []struct {
		name     string
		g        []float64
		lo, high float64
	}{
		{"white noise", white, -0.05, 0.05},
		{"brown noise", brown, 0.95, 1},
		{"alternating", alternating, -1, -0.99},
		{"constant", []float64{3, 3, 3, 3}, 1, 1},
		{"constant up to rounding", []float64{0.1 + 0.2, 0.3, 0.3, 0.1 + 0.2}, 1, 1},
	} {
		if r := Autocorrelation(c.g); !(r >= c.lo && r <= c.high) {
			t.Errorf("%s: autocorrelation %g, want %g..%g", c.name, r, c.lo, c.high)
		}
	}
	if r := Autocorrelation([]float64{1, math.NaN(), 2}); !math.IsNaN(r) {
		t.Errorf("a series with NaN: %g, want NaN", r)
	}
}

// logitGap is z₁ − z₀ at (x, 0), in inference mode.
func logitGap(tr *Trainer, x float64) float64 {
	z := tr.Network().Forward(mat.NewDense(1, 2, []float64{x, 0}), false)
	return z.At(0, 1) - z.At(0, 0)
}

func TestShatteredGradientIsTheSlopeOfTheLogitGap(t *testing.T) {
	for _, bn := range []bool{false, true} {
		s := smallSpec(3, true)
		s.BatchNorm = bn
		s.Activation = "tanh" // smooth, so finite differences are accurate everywhere
		s.Classes = 3
		tr, err := NewTrainer(s)
		if err != nil {
			t.Fatal(err)
		}
		tr.Step(100)
		sh, err := tr.Shatter()
		if err != nil {
			t.Fatal(err)
		}
		if len(sh.X) != ShatterPoints || len(sh.Grad) != ShatterPoints {
			t.Fatalf("%d points and %d gradients, want %d", len(sh.X), len(sh.Grad), ShatterPoints)
		}
		for _, i := range []int{0, 37, 128, 200, 255} {
			const h = 1e-5
			fd := (logitGap(tr, sh.X[i]+h) - logitGap(tr, sh.X[i]-h)) / (2 * h)
			if math.Abs(fd-sh.Grad[i]) > 1e-6*math.Max(1, math.Abs(fd)) {
				t.Errorf("bn %v: at x = %g the gradient is %g, finite differences say %g", bn, sh.X[i], sh.Grad[i], fd)
			}
		}
		if sh.Autocorr != Autocorrelation(sh.Grad) {
			t.Errorf("bn %v: autocorrelation %g, of its gradient %g", bn, sh.Autocorr, Autocorrelation(sh.Grad))
		}
	}
}

func TestLinearNetworkHasTheSameInputGradientEverywhere(t *testing.T) {
	for _, bn := range []bool{false, true} {
		for _, shortcut := range []bool{false, true} {
			s := smallSpec(6, shortcut)
			s.Activation = "linear"
			s.BatchNorm = bn
			tr, err := NewTrainer(s)
			if err != nil {
				t.Fatal(err)
			}
			tr.Step(50)
			check := func(when string, sh Shattered) {
				for _, g := range sh.Grad {
					if math.Abs(g-sh.Grad[0]) > 1e-12*math.Abs(sh.Grad[0]) || g == 0 {
						t.Fatalf("bn %v shortcut %v %s: gradient %g and %g along the line", bn, shortcut, when, sh.Grad[0], g)
					}
				}
				if sh.Autocorr != 1 {
					t.Errorf("bn %v shortcut %v %s: autocorrelation %g, want 1", bn, shortcut, when, sh.Autocorr)
				}
			}
			now, err := tr.Shatter()
			if err != nil {
				t.Fatal(err)
			}
			check("now", now)
			init, err := tr.ShatterAtInit()
			if err != nil {
				t.Fatal(err)
			}
			check("at init", init)
		}
	}
}

// Measuring the gradients must not change the training: same weights, same next steps.
func TestShatterDisturbsNothing(t *testing.T) {
	s := smallSpec(3, false)
	s.BatchNorm = true
	busy, _ := NewTrainer(s)
	quiet, _ := NewTrainer(s)
	busy.Step(20)
	quiet.Step(20)
	quiet.Metrics()
	if _, err := busy.Shatter(); err != nil {
		t.Fatal(err)
	}
	if _, err := busy.ShatterAtInit(); err != nil {
		t.Fatal(err)
	}
	busy.Step(20)
	quiet.Step(20)
	bm, qm := busy.Metrics(), quiet.Metrics()
	if bm.TrainLoss != qm.TrainLoss || bm.Blocks[0] != qm.Blocks[0] {
		t.Fatalf("metrics differ:\n%+v\n%+v", bm, qm)
	}
}

// Balduzzi et al.'s observation on the Why view's network: at initialisation the plain net's
// input gradient is close to white noise, its residual twin's stays correlated.
func TestPlainGradientsAreShatteredAtInit(t *testing.T) {
	for seed := uint64(1); seed <= 3; seed++ {
		s := WhyPreset()
		s.Seed = seed
		plain, residual := Twins(s)
		p, _ := NewTrainer(plain)
		r, _ := NewTrainer(residual)
		ps, err := p.ShatterAtInit()
		if err != nil {
			t.Fatal(err)
		}
		rs, _ := r.ShatterAtInit()
		t.Logf("seed %d: lag-1 autocorrelation plain %.2f, residual %.2f", seed, ps.Autocorr, rs.Autocorr)
		if !(math.Abs(ps.Autocorr) < 0.2 && rs.Autocorr > ps.Autocorr+0.2) {
			t.Errorf("seed %d: plain %.2f, residual %.2f: want plain near 0 (white) and residual clearly above", seed, ps.Autocorr, rs.Autocorr)
		}
	}
}

func TestShatterRefusesImages(t *testing.T) {
	s := DigitsDefault()
	s.Blocks = Stages(1, DigitsWidths, 1, false)
	tr, err := NewTrainer(s)
	if err != nil && runtime.GOOS == "js" {
		t.Skip(err) // the digits file is loaded by the page, not by the wasm test binary
	}
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tr.Shatter(); err == nil {
		t.Error("Shatter measured a line in the plane on images")
	}
	if _, err := tr.ShatterAtInit(); err == nil {
		t.Error("ShatterAtInit measured a line in the plane on images")
	}
}
