package lab

import (
	"encoding/json"
	"reflect"
	"testing"
)

// FuzzParseSpec checks Parse on arbitrary text: it never panics, and whatever it accepts is
// valid and survives String and Parse again unchanged. Run it with
//
//	go test -run='^$' -fuzz=FuzzParseSpec -fuzztime=30s ./lab/
func FuzzParseSpec(f *testing.F) {
	for _, s := range roundTripSpecs() {
		f.Add(s.String())
	}
	for _, seed := range []string{
		"", "#", "&&", "=", "b=", "#b=16x2r*10,32x1p,16x2r*5", "b=16x2r*999999999",
		"b=1x1r*128", "b=1x1r*64,1x1r*64", "lr=1e-300&wd=0x1p-10&z=-0", "d=%73piral&a=%zz",
		"s=18446744073709551615", "k=+3&n=010", "bn=true&o=sgd", "lr=NaN", "lr=Inf",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, link string) {
		s, err := Parse(link)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("Parse(%q) failed with an empty message", link)
			}
			return
		}
		if err := s.Validate(); err != nil {
			t.Fatalf("Parse(%q) accepted an invalid spec: %v", link, err)
		}
		again, err := Parse(s.String())
		if err != nil {
			t.Fatalf("Parse(%q) = %+v, but its String() %q does not parse: %v", link, s, s.String(), err)
		}
		if !reflect.DeepEqual(again, s) {
			t.Fatalf("round trip of %q changed the spec:\n got %+v\nwant %+v", link, again, s)
		}
	})
}

// FuzzParseJSON checks the same properties for ParseJSON and json.Marshal.
func FuzzParseJSON(f *testing.F) {
	for _, s := range roundTripSpecs() {
		b, _ := json.Marshal(s)
		f.Add(b)
	}
	for _, seed := range []string{`{}`, `{"blocks":null}`, `{"blocks":[{"width":8}]}`, `{"lr":1e999}`, `[]`, `{"seed":1.5}`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := ParseJSON(b)
		if err != nil {
			return
		}
		if err := s.Validate(); err != nil {
			t.Fatalf("ParseJSON(%s) accepted an invalid spec: %v", b, err)
		}
		out, err := json.Marshal(s)
		if err != nil {
			t.Fatalf("Marshal(%+v): %v", s, err)
		}
		again, err := ParseJSON(out)
		if err != nil || !reflect.DeepEqual(again, s) {
			t.Fatalf("JSON round trip of %s: got %+v, %v; want %+v", b, again, err, s)
		}
	})
}
