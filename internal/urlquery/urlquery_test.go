package urlquery

import (
	"math/rand/v2"
	"net/url"
	"reflect"
	"strings"
	"testing"
)

// Every function gives net/url's answer, errors included, on hand-picked and random input.
func TestMatchesNetURL(t *testing.T) {
	inputs := []string{"", "a=1&b=2", "view=twins&depths=2,8", "a=%zz", "a=%4", "%", "a=1;b=2", "&&a&=x&a=2",
		"k=a+b%20c", "caption=%E2%9C%93+ok", "x=%41%42", "=v", "a=1&%zz=2", "a=%2", "d=spiral&b=16x2r*8",
		strings.Repeat("a&", 10000), strings.Repeat("a&", 9999)}
	var all strings.Builder
	for c := range 256 {
		all.WriteByte(byte(c))
	}
	inputs = append(inputs, all.String())
	rng := rand.New(rand.NewPCG(7, 8))
	const alphabet = "ab=&;%+ 4Fz19\xff~."
	for range 20000 {
		b := make([]byte, rng.IntN(10))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		inputs = append(inputs, string(b))
	}
	for _, s := range inputs {
		if got, want := QueryEscape(s), url.QueryEscape(s); got != want {
			t.Errorf("QueryEscape(%q) = %q, net/url %q", s, got, want)
		}
		got, err := PathUnescape(s)
		want, wantErr := url.PathUnescape(s)
		if got != want || errText(err) != errText(wantErr) {
			t.Errorf("PathUnescape(%q) = %q, %v; net/url %q, %v", s, got, err, want, wantErr)
		}
		values, err := ParseQuery(s)
		wantValues, wantErr := url.ParseQuery(s)
		if !reflect.DeepEqual(map[string][]string(values), map[string][]string(wantValues)) || errText(err) != errText(wantErr) {
			t.Errorf("ParseQuery(%q) = %v, %v; net/url %v, %v", s, values, err, wantValues, wantErr)
		}
		if values.Has("a") != wantValues.Has("a") {
			t.Errorf("ParseQuery(%q).Has(a) = %v", s, values.Has("a"))
		}
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
