package ui

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/vugu/vjson"
)

// Vugu's vjson is replaced by a copy on its own small codec (third_party/README.md). The
// generated components hand it bools and strings (property bindings) and the renderer hands
// it each DOM event's data: both must read as encoding/json reads them.
func TestVjsonCodecReadsAsEncodingJSON(t *testing.T) {
	for _, v := range []any{true, false, "", "plain", `quote " back \ slash`, "<b>&amp;</b>", "tab\tnew\nline\x01", "é ✓ 😀", "\u2028"} {
		b, err := vjson.Marshal(v)
		if err != nil {
			t.Fatalf("Marshal(%q): %v", v, err)
		}
		var back any
		if err := json.Unmarshal(b, &back); err != nil || back != v {
			t.Errorf("Marshal(%q) = %s, which encoding/json reads as %q (%v)", v, b, back, err)
		}
	}
	event := `{"position_id":"p1","event_type":"input","capture":false,"passive":true,"event_summary":{"type":"input","target":{"value":"0.1\"é\\u00e9\ud83d\ude00","checked":true,"n":-12.5e-1},"list":[1,"x",null,{}],"key":null}}`
	got := map[string]any{}
	if err := vjson.Unmarshal([]byte(event), &got); err != nil {
		t.Fatal(err)
	}
	var want map[string]any
	if err := json.Unmarshal([]byte(event), &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("event data read as\n%#v\nencoding/json reads\n%#v", got, want)
	}
	for _, text := range []string{`{ }`, `{"a": [1, [2, []], {"b": [true, false, null]}], "c": -0.5e+3, "d": "\b\f\/\\\"\u0041\ud83d\ude00"}`} {
		var got, want map[string]any
		if err := vjson.Unmarshal([]byte(text), &got); err != nil {
			t.Errorf("Unmarshal(%s): %v", text, err)
			continue
		}
		_ = json.Unmarshal([]byte(text), &want)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Unmarshal(%s) = %#v, encoding/json %#v", text, got, want)
		}
	}
}
