package nn

import (
	"math"
	"math/rand/v2"
	"testing"
)

// Net32.Loss is SoftmaxCE.Forward's loss of the float64 network up to float32 rounding of the
// logits, on random networks of every kind Net32 runs and on more rows than one chunk; and
// it allocates nothing once warm.
func TestNet32LossMatchesFloat64(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, act := range []Activation{ReLU, Tanh} {
		for _, bn := range []bool{false, true} {
			net, name := randomNet32Case(t, rng, act, bn)
			rows := net32Chunk + 44
			x64, x32 := gridPoints(rng, rows)
			labels := make([]int, rows)
			for i := range labels {
				labels[i] = rng.IntN(net.Output.Out)
			}
			want, _ := net.Loss.Forward(net.Forward(x64, false), labels)
			var f Net32
			if err := f.Load(net); err != nil {
				t.Fatal(err)
			}
			got := f.Loss(x32, labels, rows)
			if math.Abs(got-want) > 1e-5*want {
				t.Errorf("%s: loss %.9g, want %.9g", name, got, want)
			}
			if a := testing.AllocsPerRun(5, func() { f.Load(net); f.Loss(x32, labels, rows) }); a != 0 {
				t.Errorf("%s: %v allocations per loss", name, a)
			}
		}
	}
}
