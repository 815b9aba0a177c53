package lab

import (
	"math"
	"reflect"
	"testing"

	"gonum.org/v1/gonum/mat"

	"resnetplayground/nn/data"
)

// Each square of a block map is that unit's output for that cell's point, as the network
// computes it for the point alone; wide blocks show their first BlockMapUnits units.
func TestBlockMapIsTheBlocksOutputOverThePlane(t *testing.T) {
	s := Default()
	s.Blocks = []BlockSpec{{Width: 20, Layers: 2}, {Width: 8, Layers: 1, Shortcut: true}, {Width: 8, Layers: 2}}
	tr, err := NewTrainer(s)
	if err != nil {
		t.Fatal(err)
	}
	tr.Step(50)
	const n = 9
	for block, wantUnits := range []int{BlockMapUnits, 8, 8} {
		m, units := tr.BlockMap(block, n, nil)
		if units != wantUnits || len(m) != units*n*n {
			t.Fatalf("block %d: %d units, %d values; want %d units", block, units, len(m), wantUnits)
		}
		cell := 2 * data.Extent / float64(n)
		for _, k := range []int{0, 17, 40, n*n - 1} {
			r, c := k/n, k%n
			x := mat.NewDense(1, 2, []float64{-data.Extent + (float64(c)+0.5)*cell, data.Extent - (float64(r)+0.5)*cell})
			tr.net.Forward(x, false)
			row := tr.net.Blocks[block].Output().RawRowView(0)
			for u := 0; u < units; u++ {
				if got, want := float64(m[u*n*n+k]), float64(float32(row[u])); math.Abs(got-want) > 1e-6*max(1, math.Abs(want)) {
					t.Errorf("block %d, cell %d, unit %d: %g, want %g", block, k, u, got, want)
				}
			}
		}
	}
	if _, units := tr.BlockMap(3, n, nil); units != 0 {
		t.Errorf("a block the network does not have drew %d units", units)
	}
}

// Drawing a block map between steps leaves training as it was.
func TestBlockMapLeavesTrainingAlone(t *testing.T) {
	a, _ := NewTrainer(Default())
	b, _ := NewTrainer(Default())
	a.Step(20)
	b.Step(20)
	a.BlockMap(3, 24, nil)
	a.Step(20)
	b.Step(20)
	if ma, mb := a.Metrics(), b.Metrics(); !reflect.DeepEqual(ma, mb) {
		t.Errorf("after a block map: %+v; without: %+v", ma, mb)
	}
}

// Images have no plane to draw.
func TestBlockMapOfImagesIsEmpty(t *testing.T) {
	tr, err := NewTrainer(DigitsDefault())
	if err != nil {
		t.Skip("digits:", err)
	}
	if _, units := tr.BlockMap(0, 8, nil); units != 0 {
		t.Errorf("images drew %d units", units)
	}
}
