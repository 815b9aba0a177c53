package lab

import (
	"hash/fnv"
	"math"
	"testing"
)

// weightsFingerprint trains spec for steps and hashes the bits of every resulting weight.
func weightsFingerprint(t *testing.T, spec Spec, steps int) uint64 {
	t.Helper()
	tr, err := NewTrainer(spec)
	if err != nil {
		t.Fatal(err)
	}
	tr.Step(steps)
	h := fnv.New64a()
	var b [8]byte
	for _, p := range tr.Network().Params() {
		for _, w := range p.W.RawMatrix().Data {
			u := math.Float64bits(w)
			for i := range b {
				b[i] = byte(u >> (8 * i))
			}
			h.Write(b[:])
		}
	}
	return h.Sum64()
}

// TestTrainingIsBitIdenticalAcrossPlatforms pins the exact weights a few runs end with. The
// same constants must come out natively and compiled to wasm (make test runs both), so a
// link shared from the page trains to the same numbers under `go run . train --spec`.
// A deliberate change to the engine's arithmetic changes these numbers: update them then.
func TestTrainingIsBitIdenticalAcrossPlatforms(t *testing.T) {
	relu := Default()
	relu.Blocks = Uniform(4, 16, 2, true)
	tanhNet := relu
	tanhNet.Activation, tanhNet.BatchNorm, tanhNet.Optimizer = "tanh", true, "momentum"
	tanhNet.Blocks = []BlockSpec{{Width: 16, Layers: 2}, {Width: 12, Layers: 1, Shortcut: true}}
	gelu := relu
	gelu.Activation, gelu.Dataset, gelu.Classes, gelu.Optimizer = "gelu", "gauss", 3, "sgd"
	sigmoid := relu
	sigmoid.Activation, sigmoid.WeightDecay = "sigmoid", 1e-3
	for name, c := range map[string]struct {
		spec Spec
		want uint64
	}{
		"relu":    {relu, 0xbef3cf63532ad276},
		"tanh":    {tanhNet, 0x382138b5cfcb9749},
		"gelu":    {gelu, 0x725ccdc41afe50a7},
		"sigmoid": {sigmoid, 0x5f55cd9adcaa1264},
	} {
		if got := weightsFingerprint(t, c.spec, 300); got != c.want {
			t.Errorf("%s: weights fingerprint %#x, want %#x", name, got, c.want)
		}
	}
}
