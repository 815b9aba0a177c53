package lab

import "testing"

// BenchmarkBoundary times a 100×100 decision-boundary grid at depth 20 (width 16, one dense
// layer per plain block, `b=16x1p*20`): the picture the page redraws while a network trains,
// and the workload of the TF.js benchmark issue 13 compares against (about 51 M multiply-adds).
func BenchmarkBoundary(b *testing.B) {
	s := Default()
	s.Blocks = Uniform(20, 16, 1, false)
	tr, err := NewTrainer(s)
	if err != nil {
		b.Fatal(err)
	}
	tr.Step(100)
	dst := tr.Boundary(100, nil)
	for b.Loop() {
		dst = tr.Boundary(100, dst)
	}
}
