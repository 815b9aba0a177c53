package lab

import (
	"errors"
	"math"
	"reflect"
	"resnetplayground/nn/data"
	"strings"
	"testing"
)

// Every Spec field has exactly one row in the table, and every name a row gives (JSON, URL
// key, flag) is unique, so a field added to Spec without its row fails here.
func TestFieldsDescribeEverySpecFieldOnce(t *testing.T) {
	typ := reflect.TypeFor[Spec]()
	var jsonNames []string
	for i := range typ.NumField() {
		name, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
		jsonNames = append(jsonNames, name)
		if FieldNamed(name) == nil {
			t.Errorf("Spec.%s (JSON %q) has no row in Fields", typ.Field(i).Name, name)
		}
	}
	if len(Fields) != len(jsonNames) {
		t.Errorf("Fields has %d rows for %d Spec fields", len(Fields), len(jsonNames))
	}
	seen := map[string]bool{}
	for _, f := range append(Fields, DepthField, BlockWidthField, LayersField, ShortcutField) {
		for _, name := range []string{"json " + f.Name, "key " + f.Key, "flag " + f.Flag} {
			if strings.HasSuffix(name, " ") {
				continue // no key or no flag
			}
			if seen[name] {
				t.Errorf("%s is used twice", name)
			}
			seen[name] = true
		}
		if f.Doc == "" {
			t.Errorf("%s has no doc for --help", f.Name)
		}
	}
}

// The table's limits are the ones Validate enforces: each limit itself is valid, a step past
// it is not, and Clamped brings a value past it back to it.
// baseFor is a valid experiment that f applies to: Default, or the digits' convolutional
// network for the stage shortcut.
func baseFor(f *Field) Spec {
	if s := Default(); f.AppliesTo(s) {
		return s
	}
	return DigitsDefault()
}

func TestFieldLimitsAreValidatesLimits(t *testing.T) {
	for _, f := range Fields {
		check := func(set func(*Spec), valid bool, what string) {
			t.Helper()
			s := baseFor(f)
			set(&s)
			var se *SpecError
			err := s.Validate()
			switch {
			case valid && err != nil:
				t.Errorf("%s %s: %v, want valid", f.Name, what, err)
			case !valid && (!errors.As(err, &se) || se.Msg(f.Name) == ""):
				t.Errorf("%s %s: %v, want a message for %s", f.Name, what, err, f.Name)
			}
			if c := s.Clamped(); c.Validate() != nil {
				t.Errorf("%s %s: Clamped() is invalid", f.Name, what)
			}
		}
		switch f.Kind {
		case Int:
			lo, hi := int(f.Min), int(f.Max)
			check(func(s *Spec) { *f.int(s) = lo }, true, "at Min")
			check(func(s *Spec) { *f.int(s) = hi }, true, "at Max")
			check(func(s *Spec) { *f.int(s) = lo - 1 }, false, "below Min")
			check(func(s *Spec) { *f.int(s) = hi + 1 }, false, "above Max")
			s := baseFor(f)
			*f.int(&s) = hi + 1
			if got := *f.int(ptr(s.Clamped())); got != hi {
				t.Errorf("%s: Clamped(%d) = %d, want %d", f.Name, hi+1, got, hi)
			}
		case Float:
			check(func(s *Spec) { *f.float(s) = f.Min }, !f.MinOpen, "at Min")
			check(func(s *Spec) { *f.float(s) = f.Max }, true, "at Max")
			check(func(s *Spec) { *f.float(s) = math.Nextafter(f.Min, -1) }, false, "below Min")
			check(func(s *Spec) { *f.float(s) = math.Nextafter(f.Max, 2) }, false, "above Max")
			check(func(s *Spec) { *f.float(s) = math.NaN() }, false, "NaN")
		case Choice:
			for _, o := range f.Options {
				check(func(s *Spec) {
					*f.str(s) = o
					if f.Name == "net" && o == NetConv {
						s.Dataset = data.DigitsName // a convolutional network needs images
					}
				}, true, o)
			}
			check(func(s *Spec) { *f.str(s) = "nope" }, false, `"nope"`)
		case BlockList:
			check(func(s *Spec) { s.Blocks = Uniform(int(f.Max), 4, 1, true) }, true, "at Max")
			check(func(s *Spec) { s.Blocks = Uniform(int(f.Max)+1, 4, 1, true) }, false, "above Max")
			check(func(s *Spec) { s.Blocks = nil }, false, "empty")
		}
	}
	// The block settings' limits are the blocks' own.
	for _, tc := range []struct {
		f   *Field
		set func(b *BlockSpec, v int)
	}{
		{BlockWidthField, func(b *BlockSpec, v int) { b.Width = v }},
		{LayersField, func(b *BlockSpec, v int) { b.Layers = v }},
	} {
		for v, valid := range map[int]bool{int(tc.f.Min): true, int(tc.f.Max): true, int(tc.f.Min) - 1: false, int(tc.f.Max) + 1: false} {
			s := Default()
			tc.set(&s.Blocks[0], v)
			if (s.Validate() == nil) != valid {
				t.Errorf("%s %d: Validate() = %v, want valid %v", tc.f.Name, v, s.Validate(), valid)
			}
		}
	}
	if int(DepthField.Max) != int(FieldNamed("blocks").Max) || DepthField.Min != FieldNamed("blocks").Min {
		t.Errorf("depth's limits %v..%v differ from the blocks'", DepthField.Min, DepthField.Max)
	}
}

func ptr(s Spec) *Spec { return &s }

// Every field's Text reads back through SetText to the same value.
func TestFieldTextRoundTrips(t *testing.T) {
	s := Default()
	s.Seed = math.MaxUint64
	s.BatchNorm = true
	s.Noise = 0.1 + 0.2
	for _, f := range Fields {
		var got Spec
		got.Blocks = nil
		if err := f.SetText(&got, f.Text(s)); err != nil {
			t.Errorf("%s: SetText(%q): %v", f.Name, f.Text(s), err)
			continue
		}
		if f.Text(got) != f.Text(s) {
			t.Errorf("%s: %q read back as %q", f.Name, f.Text(s), f.Text(got))
		}
	}
}

// The 2-D data settings mean nothing for the digits, nor the stage shortcut for a dense
// network: links leave them out, links and JSON that have them read back their defaults,
// Validate does not check them, and Clamped and Canonical reset them.
func TestFieldsThatDoNotApply(t *testing.T) {
	digits := DigitsDefault()
	link := digits.String()
	for _, key := range []string{"k", "n", "z", "f"} {
		if strings.Contains("&"+link, "&"+key+"=") {
			t.Errorf("the digits' link %q has %s=", link, key)
		}
	}
	if !strings.Contains(link, "&so=A") {
		t.Errorf("the digits' link %q lacks the stage shortcut", link)
	}
	if strings.Contains(Default().String(), "so=") {
		t.Errorf("a dense network's link %q has the stage shortcut", Default().String())
	}

	odd := digits
	odd.Classes, odd.Points, odd.Noise, odd.TrainFrac = 0, -1, math.NaN(), 7
	if err := odd.Validate(); err != nil {
		t.Errorf("settings that do not apply to the digits failed validation: %v", err)
	}
	for name, got := range map[string]Spec{"Clamped": odd.Clamped(), "Canonical": odd.Canonical()} {
		if !reflect.DeepEqual(got, digits) {
			t.Errorf("%s kept settings that do not apply:\n got %+v\nwant %+v", name, got, digits)
		}
	}

	old := link + "&k=5&n=900&z=0.3&f=0.7"
	if s, err := Parse(old); err != nil || !reflect.DeepEqual(s, digits) {
		t.Errorf("Parse(%q) = %+v, %v; want the digits' default, the 2-D settings ignored", old, s, err)
	}
	js := `{"dataset": "digits", "net": "conv", "blocks": [{"width": 4, "layers": 2}], "classes": 5, "noise": 0.9}`
	if s, err := ParseJSON([]byte(js)); err != nil || s.Classes != Default().Classes || s.Noise != Default().Noise {
		t.Errorf("ParseJSON(%s) = %+v, %v; want the 2-D settings ignored", js, s, err)
	}
	dense := Default()
	dense.Option = "B"
	if s, err := Parse(dense.String() + "&so=B"); err != nil || s.Option != "A" {
		t.Errorf("a dense network's so=B read back as %q, %v; want it ignored", s.Option, err)
	}
}
