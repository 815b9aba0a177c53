package lab

import (
	"reflect"
	"testing"
)

func TestTwinsStartFromIdenticalWeights(t *testing.T) {
	s := Default()
	s.Blocks = []BlockSpec{{Width: 16, Layers: 2, Shortcut: true}, {Width: 24, Layers: 1}, {Width: 24, Layers: 2, Shortcut: true}}
	plain, residual := Twins(s)
	for i := range s.Blocks {
		if plain.Blocks[i].Shortcut || !residual.Blocks[i].Shortcut {
			t.Fatalf("block %d: plain shortcut %v, residual shortcut %v", i, plain.Blocks[i].Shortcut, residual.Blocks[i].Shortcut)
		}
	}
	if !s.Blocks[0].Shortcut || s.Blocks[1].Shortcut {
		t.Fatal("Twins changed the Spec it was given")
	}
	p, err := NewTrainer(plain)
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewTrainer(residual)
	if err != nil {
		t.Fatal(err)
	}
	pp, rp := p.Network().Params(), r.Network().Params()
	if len(pp) != len(rp) {
		t.Fatalf("%d parameters against %d", len(pp), len(rp))
	}
	for i := range pp {
		if !reflect.DeepEqual(pp[i].W.RawMatrix().Data, rp[i].W.RawMatrix().Data) {
			t.Fatalf("parameter %d (%s) differs between the twins", i, pp[i].Name)
		}
	}
	if !reflect.DeepEqual(p.Train(), r.Train()) {
		t.Fatal("the twins train on different data")
	}
	// And they do differ where they should: the same step gives different losses.
	p.Step(50)
	r.Step(50)
	if p.Metrics().TrainLoss == r.Metrics().TrainLoss {
		t.Fatal("plain and residual twins trained identically")
	}
}
