package lab

import (
	"errors"
	"strings"
	"testing"
)

// A link with a bad field keeps every good one; the bad one is clamped when it is a number
// out of range, reset to its default when it cannot be read, and the error says which.
func TestSalvageKeepsTheGoodFieldsAndSaysWhichWereFixed(t *testing.T) {
	s, err := Salvage("d=circles&lr=10&bs=64&k=zz&b=8x3r*3&colour=red")
	if s.Validate() != nil {
		t.Fatalf("Salvage gave an invalid Spec: %v", s.Validate())
	}
	if s.Dataset != "circles" || s.Batch != 64 {
		t.Errorf("the good fields were lost: %s", s)
	}
	if s.LR != MaxLR || s.Classes != Default().Classes || len(s.Blocks) != 3 || s.Blocks[0].Layers != MaxLayers {
		t.Errorf("lr=10, k=zz and b=8x3r*3 became %s; want lr clamped to 1, classes the default, layers clamped", s)
	}
	var se *SpecError
	if !errors.As(err, &se) {
		t.Fatalf("error %v, want a *SpecError", err)
	}
	for field, want := range map[string]string{
		"lr":               "using 1",
		"classes":          "using 2",
		"blocks[0].layers": "using b=8x2r*3",
		"link":             `unknown key "colour"`,
	} {
		if !strings.Contains(se.Msg(field), want) {
			t.Errorf("%s: %q, want it to contain %q", field, se.Msg(field), want)
		}
	}
	if s, err := Salvage(Default().String()); err != nil || s.String() != Default().String() {
		t.Errorf("a good link: %s, %v", s, err)
	}
}
