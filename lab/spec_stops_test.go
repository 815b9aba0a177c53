package lab

import (
	"slices"
	"strings"
	"testing"
)

func TestStopsStepThroughTheFieldsRange(t *testing.T) {
	lr, batch, noise := FieldNamed("lr"), FieldNamed("batch"), FieldNamed("noise")
	for _, c := range []struct {
		f        *Field
		v        float64
		dir      int
		want     float64
		wantOK   bool
		whatThis string
	}{
		{lr, 0.003, 1, 0.01, true, "the default learning rate up"},
		{lr, 0.003, -1, 0.001, true, "down"},
		{lr, 0.005, 1, 0.01, true, "a typed rate between stops goes to the next"},
		{lr, 0.005, -1, 0.003, true, "or the one before"},
		{lr, 1, 1, 0, false, "the largest rate has nothing above"},
		{lr, 1e-5, -1, 0, false, "the smallest nothing below"},
		{batch, 32, 1, 64, true, "batch doubles"},
		{batch, 32, -1, 16, true, "and halves"},
		{batch, 1024, 1, 0, false, "up to the limit"},
		{noise, 0.1, 1, 0.15, true, "noise in the control's steps"},
		{noise, 0, -1, 0, false, "no noise below none"},
		{FieldNamed("seed"), 4, 1, 0, false, "a field without stops"},
	} {
		got, ok := c.f.Nudge(c.v, c.dir)
		if got != c.want || ok != c.wantOK {
			t.Errorf("%s: %s %g by %d gave %g, %v; want %g, %v", c.whatThis, c.f.Name, c.v, c.dir, got, ok, c.want, c.wantOK)
		}
	}
	// Every stop is a value the field accepts: a press never produces a refused value.
	for _, f := range Fields {
		if !slices.IsSorted(f.Stops) {
			t.Errorf("%s's stops are not ascending: %v", f.Name, f.Stops)
		}
		for _, v := range f.Stops {
			s := Default()
			if err := f.SetText(&s, f.Text(withFloat(f, s, v))); err != nil || s.Validate() != nil {
				t.Errorf("%s's stop %g is refused: %v, %v", f.Name, v, err, s.Validate())
			}
		}
	}
}

// withFloat is s with f set to v.
func withFloat(f *Field, s Spec, v float64) Spec {
	switch {
	case f.float != nil:
		*f.float(&s) = v
	case f.int != nil:
		*f.int(&s) = int(v)
	}
	return s
}

// A data seed draws other points and leaves the initial weights alone; 0 means the seed's.
func TestDataSeedDrawsOtherDataFromTheSameStart(t *testing.T) {
	s := Default()
	s.Blocks = Uniform(2, 8, 1, true)
	a, _ := NewTrainer(s)
	s.DataSeed = 99
	b, _ := NewTrainer(s)
	if slices.Equal(a.Train().X, b.Train().X) {
		t.Error("a data seed did not change the data")
	}
	wa, wb := a.Network().Params()[0].W.RawMatrix().Data, b.Network().Params()[0].W.RawMatrix().Data
	if !slices.Equal(wa, wb) {
		t.Error("a data seed changed the initial weights")
	}
	if p, err := Parse(s.String()); err != nil || p.DataSeed != 99 || !strings.Contains(s.String(), "ds=99") {
		t.Errorf("the link %q reads back data seed %d (%v)", s.String(), p.DataSeed, err)
	}
	if strings.Contains(Default().String(), "ds=") {
		t.Errorf("a link without a data seed names one: %q", Default().String())
	}
}
