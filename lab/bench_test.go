package lab

import "testing"

// BenchmarkBoundary times a 100×100 decision-boundary grid at depth 20 (width 16): the
// picture the page redraws while a network trains.
func BenchmarkBoundary(b *testing.B) {
	s := Default()
	s.Blocks = Uniform(20, 16, 2, true)
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
