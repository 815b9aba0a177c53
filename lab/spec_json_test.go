package lab

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
)

// A file with several problems lists every one of them, each under its field, in words a
// user can act on: a value of the wrong type does not hide the others.
func TestParseJSONListsEveryProblemByField(t *testing.T) {
	_, err := ParseJSON([]byte(`{"batch": "x", "lr": -1, "activation": 3, "seed": true, "colour": "red",
		"blocks": [{"width": "wide", "layers": 2}, 7, {"width": 8, "layers": 1, "skip": true}]}`))
	var se *SpecError
	if !errors.As(err, &se) {
		t.Fatalf("got %v, want a *SpecError", err)
	}
	for field, want := range map[string]string{
		"batch":           `must be a whole number, 1..1024, got a string "x"`,
		"lr":              "must be > 0 and ≤ 1, got -1",
		"activation":      "must be a string, one of relu",
		"seed":            "got true/false true",
		"colour":          "unknown field",
		"blocks[0].width": `must be a whole number, got a string "wide"`,
		"blocks[1]":       "must be an object",
		"blocks[2].skip":  "unknown field",
	} {
		if msg := se.Msg(field); !strings.Contains(msg, want) {
			t.Errorf("%s: message %q, want it to contain %q", field, msg, want)
		}
	}
	for _, f := range se.Fields {
		for _, internal := range []string{"Go ", "lab.", "unmarshal", "int64", "float64", "uint64"} {
			if strings.Contains(f.Msg, internal) {
				t.Errorf("%s: message %q shows Go internals (%q)", f.Field, f.Msg, internal)
			}
		}
	}
}

// The example of issue 12: a type error and a range error in one file, both reported.
func TestParseJSONTypeErrorDoesNotHideTheOthers(t *testing.T) {
	_, err := ParseJSON([]byte(`{"batch":"x","lr":-1}`))
	var se *SpecError
	if !errors.As(err, &se) || se.Msg("batch") == "" || se.Msg("lr") == "" || len(se.Fields) != 2 {
		t.Fatalf("got %v, want exactly one problem for batch and one for lr", err)
	}
}

// The seed is written as a string, so the largest seed survives JavaScript's JSON.parse and
// JSON.stringify (which turn every number into a float64), and it is read back as a string
// or as a number.
func TestSeedTravelsAsAStringInJSON(t *testing.T) {
	s := Default()
	s.Seed = math.MaxUint64
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"seed":"18446744073709551615"`) {
		t.Fatalf("JSON %s does not carry the seed as a string", b)
	}
	// What a JavaScript round trip does to the JSON: numbers become float64, strings stay.
	var js map[string]any
	if err := json.Unmarshal(b, &js); err != nil {
		t.Fatal(err)
	}
	b, _ = json.Marshal(js)
	got, err := ParseJSON(b)
	if err != nil || got.Seed != math.MaxUint64 {
		t.Fatalf("after a parse/stringify round trip: seed %d, %v", got.Seed, err)
	}
	for text, want := range map[string]uint64{`{"seed": 7}`: 7, `{"seed": "7"}`: 7, `{"seed": " 42 "}`: 42} {
		if got, err := ParseJSON([]byte(text)); err != nil || got.Seed != want {
			t.Errorf("ParseJSON(%s) = seed %d, %v; want %d", text, got.Seed, err, want)
		}
	}
	// A seed JavaScript has already rounded is out of range: refused, and the message says
	// to write it as a string.
	if _, err := ParseJSON([]byte(`{"seed": 18446744073709552000}`)); err == nil || !strings.Contains(err.Error(), "string") {
		t.Errorf("a rounded seed: %v; want an error suggesting a string", err)
	}
}

// Too many blocks is said once, with the count, however long the list.
func TestParseJSONTooManyBlocks(t *testing.T) {
	blocks := strings.Repeat(`{"width": 4, "layers": 1},`, MaxBlocks+5)
	_, err := ParseJSON([]byte(`{"blocks": [` + strings.TrimSuffix(blocks, ",") + `]}`))
	if err == nil || !strings.Contains(err.Error(), "133 blocks; at most 128") {
		t.Errorf("got %v", err)
	}
}
