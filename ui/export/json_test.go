package export

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"

	"resnetplayground/lab"
)

// The downloads are byte for byte what json.MarshalIndent made of the tagged rows before the
// page stopped carrying encoding/json.
func TestJSONFilesMatchEncodingJSON(t *testing.T) {
	marshalIndent := func(v any) []byte {
		b, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		return append(b, '\n')
	}
	spec := lab.Default()
	spec.Seed = math.MaxUint64
	for _, rows := range [][]MetricsRow{nil, {}, {{Step: 3, Epoch: 0.125, TrainLoss: Finite(1e-9), TrainAcc: Finite(1)}, {Step: 1 << 40, Epoch: 3e21}}} {
		want := marshalIndent(struct {
			Spec    any          `json:"spec"`
			Link    string       `json:"link"`
			Metrics []MetricsRow `json:"metrics"`
		}{spec, spec.String(), append([]MetricsRow(nil), rows...)}) // MetricsJSON works on a copy
		if got := MetricsJSON(spec, rows); !bytes.Equal(got, want) {
			t.Errorf("MetricsJSON:\n%s\nencoding/json:\n%s", got, want)
		}
	}
	if got, want := SpecJSON(spec), marshalIndent(spec); !bytes.Equal(got, want) {
		t.Errorf("SpecJSON:\n%s\nencoding/json:\n%s", got, want)
	}
	for _, rows := range [][]SweepRow{nil, {}, {{Depth: 8, Residual: true, Seed: 2, Steps: 100, TrainAcc: Finite(0.875), Link: "b=16x2r*8&lr=0.1&c=<x>"}, {Diverged: true}}} {
		want := marshalIndent(struct {
			Results []SweepRow `json:"results"`
		}{rows})
		if got := SweepJSON(rows); !bytes.Equal(got, want) {
			t.Errorf("SweepJSON:\n%s\nencoding/json:\n%s", got, want)
		}
	}
}
