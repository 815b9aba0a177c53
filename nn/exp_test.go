package nn

import (
	"math"
	"testing"
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
