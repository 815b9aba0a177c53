package lab

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// TestDefaultString pins the link format: links people have shared must keep working, so a
// change here must be deliberate.
func TestDefaultString(t *testing.T) {
	want := "d=spiral&k=2&n=600&z=0.1&f=0.5&w=16&b=16x2p*24&net=dense&a=relu&bn=0&o=adam&lr=0.003&wd=0&bs=32&s=1"
	if got := Default().String(); got != want {
		t.Errorf("Default().String() =\n %s\nwant\n %s", got, want)
	}
}

func TestURLRoundTrip(t *testing.T) {
	for name, s := range roundTripSpecs() {
		str := s.String()
		got, err := Parse(str)
		if err != nil {
			t.Fatalf("%s: Parse(%q): %v", name, str, err)
		}
		if !reflect.DeepEqual(got, s) {
			t.Errorf("%s: URL round trip changed the spec:\n got %+v\nwant %+v\nlink %s", name, got, s, str)
		}
		if len(str) > maxLinkLen {
			t.Errorf("%s: String() is %d characters, longer than Parse accepts", name, len(str))
		}
	}
}

func TestStringRunLengthEncodesBlocks(t *testing.T) {
	s := mixedSpec()
	if got, want := formatBlocks(s.Blocks), "16x2r*10,32x1p,16x2r*5"; got != want {
		t.Errorf("blocks encode as %q, want %q", got, want)
	}
}

func TestParseShortLinksKeepDefaults(t *testing.T) {
	tests := []struct {
		link   string
		change func(*Spec)
	}{
		{"", func(*Spec) {}},
		{"#", func(*Spec) {}},
		{"#b=16x2r*24", func(s *Spec) { s.Blocks = Uniform(24, 16, 2, true) }},
		{"lr=0.01&", func(s *Spec) { s.LR = 0.01 }},
		{"b=8x1p,4x2r*2&bn=1", func(s *Spec) {
			s.Blocks, s.BatchNorm = []BlockSpec{{8, 1, false}, {4, 2, true}, {4, 2, true}}, true
		}},
		{"d=%63ircles&s=18446744073709551615", func(s *Spec) { s.Dataset, s.Seed = "circles", 1<<64-1 }},
		{"wd=1e-05&z=0x1p-2", func(s *Spec) { s.WeightDecay, s.Noise = 1e-5, 0.25 }},
	}
	for _, tt := range tests {
		want := Default()
		tt.change(&want)
		got, err := Parse(tt.link)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.link, err)
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Parse(%q) =\n %+v\nwant\n %+v", tt.link, got, want)
		}
	}
}

func TestParseRejects(t *testing.T) {
	tests := []struct{ link, field, msg string }{
		{"x=1", "link", `unknown key "x"; known keys are d, k, n`},
		{"lr", "link", `"lr" is not key=value`},
		{"k=2&k=3", "classes", "key k given twice"},
		{"k=two", "classes", "k=two: not a whole number"},
		{"n=99999999999999999999", "points", "too large"},
		{"lr=fast", "lr", "lr=fast: not a number"},
		{"lr=1e999", "lr", "too large"},
		{"s=-1", "seed", "not a whole number from 0"},
		{"bn=yes", "batch_norm", "want 1 or 0"},
		{"d=%zz", "dataset", `invalid URL escape "%zz"`},
		{"b=16x2r*999999999", "blocks", "count must be 1..128"},
		{"b=16x2r*0", "blocks", "count must be 1..128"},
		{"b=16x2r*100,16x2r*100", "blocks", "more than 128 blocks"},
		{"b=16x2q", "blocks", `run "16x2q" is not <width>x<layers><r|p>[*count]`},
		{"b=16r", "blocks", `run "16r" is not`},
		{"b=x2r", "blocks", `run "x2r" is not`},
		{"b=16x2r,", "blocks", `run "" is not`},
		{"b=", "blocks", "no blocks"},
		{"b=16x3r", "blocks[0].layers", "must be 1 or 2, got 3"},
		{"a=ReLU", "activation", `"ReLU" is not one of`},
		{"lr=-1", "lr", "must be > 0 and ≤ 1, got -1"},
		{"z=NaN", "noise", "got NaN"},
		{"d=a%26k%3D3", "dataset", `"a&k=3" is not one of`},
		{strings.Repeat("s=1&", 2000), "link", "8000 characters long; at most 4096"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.link)
		var se *SpecError
		if !errors.As(err, &se) {
			t.Errorf("Parse(%.40q) = %v, want a *SpecError", tt.link, err)
			continue
		}
		if len(se.Fields) != 1 || se.Fields[0].Field != tt.field || !strings.Contains(se.Fields[0].Msg, tt.msg) {
			t.Errorf("Parse(%.40q) reported %v, want only %s with %q", tt.link, se.Fields, tt.field, tt.msg)
		}
	}
}

func TestParseReportsEveryBadKey(t *testing.T) {
	_, err := Parse("k=a&q=1&lr=x&b=1y")
	var se *SpecError
	if !errors.As(err, &se) {
		t.Fatalf("Parse = %v, want a *SpecError", err)
	}
	for _, field := range []string{"classes", "link", "lr", "blocks"} {
		if se.Msg(field) == "" {
			t.Errorf("no message for %s in %v", field, err)
		}
	}
}

// An invalid name must not be able to inject keys into the link.
func TestStringEscapesNames(t *testing.T) {
	s := Default()
	s.Dataset = "a&k=3 b"
	str := s.String()
	if strings.Count(str, "&") != strings.Count(Default().String(), "&") {
		t.Fatalf("String() = %q: the name broke the key=value structure", str)
	}
	_, err := Parse(str)
	var se *SpecError
	if !errors.As(err, &se) || !strings.Contains(se.Msg("dataset"), `"a&k=3 b"`) {
		t.Errorf("Parse(%q) = %v, want the dataset name read back and rejected", str, err)
	}
}
