package lab

import (
	"context"
	"testing"
)

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

// BenchmarkLandscape times the Why view's picture of the default network (24 blocks): a
// 31×31 loss landscape over the training set, 961 passes over 300 points.
func BenchmarkLandscape(b *testing.B) {
	tr, err := NewTrainer(Default())
	if err != nil {
		b.Fatal(err)
	}
	tr.Step(100)
	cfg := DefaultLandscape()
	cfg.Slice, cfg.Line = 0, 0
	for b.Loop() {
		if _, err := tr.Landscape(context.Background(), cfg); err != nil {
			b.Fatal(err)
		}
	}
}
