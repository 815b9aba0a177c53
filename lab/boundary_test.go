package lab

import (
	"math"
	"reflect"
	"testing"
)

// TestBoundaryFloat32MatchesFloat64 holds the page's float32 picture to the float64 network's
// on the experiments the page draws (default, batch norm, residual with a projection, another
// activation, three classes, after a grid size change): the same picture up to float32 rounding.
func TestBoundaryFloat32MatchesFloat64(t *testing.T) {
	specs := map[string]Spec{"default": Default()}
	bn := Default()
	bn.BatchNorm, bn.Blocks = true, Uniform(6, 16, 2, true)
	specs["bn residual"] = bn
	proj := Default()
	proj.Blocks = []BlockSpec{{Width: 8, Layers: 2, Shortcut: true}, {Width: 12, Layers: 1, Shortcut: true}, {Width: 12, Layers: 2}}
	proj.Activation, proj.Classes = "tanh", 3
	specs["projection, tanh, 3 classes"] = proj
	for name, s := range specs {
		tr, err := NewTrainer(s)
		if err != nil {
			t.Fatal(err)
		}
		tr.Step(150)
		for _, n := range []int{37, 100} {
			got := tr.Boundary(n, nil)
			want := tr.boundary64(n, make([]float32, len(got)))
			worst := 0.0
			for i := range got {
				worst = max(worst, math.Abs(float64(got[i])-float64(want[i])))
			}
			if worst > 1e-4 || math.IsNaN(worst) {
				t.Errorf("%s, %d×%d: float32 probabilities differ from float64 by up to %g", name, n, n, worst)
			}
		}
	}
}

// TestBoundaryLeavesTrainingAlone: drawing between steps changes nothing of the run.
func TestBoundaryLeavesTrainingAlone(t *testing.T) {
	s := Default()
	s.BatchNorm = true
	a, _ := NewTrainer(s)
	b, _ := NewTrainer(s)
	for range 5 {
		a.Step(20)
		b.Step(20)
		a.Boundary(30, nil)
	}
	if ma, mb := a.Metrics(), b.Metrics(); !reflect.DeepEqual(ma, mb) {
		t.Errorf("with boundaries drawn %+v, without %+v", ma, mb)
	}
}

func TestBoundaryAllocatesNothing(t *testing.T) {
	tr, err := NewTrainer(Default())
	if err != nil {
		t.Fatal(err)
	}
	dst := tr.Boundary(100, nil)
	if a := testing.AllocsPerRun(5, func() { dst = tr.Boundary(100, dst) }); a != 0 {
		t.Errorf("%v allocations per grid", a)
	}
}
