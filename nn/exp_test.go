package nn

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"
)

func TestExpAndTanhMatchTheStandardLibrary(t *testing.T) {
	for x := -40.0; x <= 40; x += 0.01234 {
		if e, want := exp(x), math.Exp(x); math.Abs(e-want) > 1e-15*want {
			t.Fatalf("exp(%g) = %g, want %g", x, e, want)
		}
		if th, want := tanh(x), math.Tanh(x); math.Abs(th-want) > 1e-15+1e-15*math.Abs(want) {
			t.Fatalf("tanh(%g) = %g, want %g", x, th, want)
		}
	}
	if exp(800) != math.Inf(1) || exp(-800) != 0 || !math.IsNaN(exp(math.NaN())) || !math.IsNaN(tanh(math.NaN())) {
		t.Fatal("special cases")
	}
	if tanh(1000) != 1 || tanh(-1000) != -1 {
		t.Fatal("tanh does not saturate")
	}
}

// A NaN must survive ReLU, or a diverging network could hide its NaNs behind zeros.
func TestReLUPassesNaN(t *testing.T) {
	a := NewAct(ReLU)
	x := mat.NewDense(1, 3, []float64{math.NaN(), -1, 2})
	y := a.Forward(x, false)
	if !math.IsNaN(y.At(0, 0)) || y.At(0, 1) != 0 || y.At(0, 2) != 2 {
		t.Fatalf("relu(NaN, -1, 2) = %v", y.RawRowView(0))
	}
}
