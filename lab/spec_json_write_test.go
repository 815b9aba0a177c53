package lab

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"
)

// MarshalJSON writes, from the Fields table, exactly what json.Marshal wrote from the struct
// tags before it existed, so files and links made by older pages read the same and the
// page's own JSON code (minjson, not encoding/json) changes no byte of a download.
func TestMarshalJSONMatchesStructTags(t *testing.T) {
	type tagsOnly Spec // the same fields and tags, without the MarshalJSON method
	specs := []Spec{Default(), {}, {Blocks: []BlockSpec{}}}
	odd := Default()
	odd.Seed, odd.LR, odd.WeightDecay, odd.Noise = math.MaxUint64, 1e-7, 1e21, 0.1+0.2
	odd.Dataset, odd.Activation = `<b>"x"&\y`+"\u2028\xff", "é"
	odd.Blocks = append(odd.Blocks, BlockSpec{Width: 256, Layers: 2, Shortcut: false})
	specs = append(specs, odd)
	for _, s := range specs {
		got, err := s.MarshalJSON()
		want, wantErr := json.Marshal(tagsOnly(s))
		if err != nil || wantErr != nil || !bytes.Equal(got, want) {
			t.Errorf("MarshalJSON:\n%s (%v)\nstruct tags:\n%s (%v)", got, err, want, wantErr)
		}
		if viaJSON, _ := json.Marshal(s); !bytes.Equal(viaJSON, want) {
			t.Errorf("json.Marshal of a Spec:\n%s\nwant\n%s", viaJSON, want)
		}
	}
	bad := Default()
	bad.LR = math.NaN()
	if _, err := bad.MarshalJSON(); err == nil {
		t.Error("a NaN learning rate was written as JSON")
	}
}
