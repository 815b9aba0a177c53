package minjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// The package promises encoding/json's behaviour for what it does; these tests hold it to
// encoding/json on hand-picked and random inputs.

var corpus = []string{
	``, ` `, `{}`, `[]`, `{"a":1}`, ` {"a" : [1, 2.5, -3e-7, true, false, null, "x"]} `,
	`{"batch": 1} {"batch": 2}`, "{\n\"batch\": 1", `lr = 0.1`, `{"a":}`, `{"a" 1}`, `{"a":1,}`,
	`[1,]`, `[1 2]`, `{1:2}`, `"abc`, `"a\qb"`, `"\u12g4"`, "\"a\x01\"", `-`, `-a`, `01`, `1.`,
	`1.e5`, `1e`, `1e+`, `1E-2x`, `tru`, `trux`, `fals`, `nul`, `nulx`, `truex`, `[1]]`, `}`,
	`{"a":1}}`, `{"a":{"b":[{"c":"d"}]}}`, `"\ud83d\ude00"`, `"\ud83d"`, `"\ud83dx"`,
	"\"\xff\xfe\"", `'a'`, `"'"`, `{"a":1 "b":2}`, `[` + strings.Repeat(`[`, 10001), `1 `, `[,]`,
	`{,}`, `{"a"}`, `nan`, `Infinity`, `1e400`, `-0`, `0.0000001`, `[{}, [], {"x": []}]`,
}

func TestValidMatchesEncodingJSON(t *testing.T) {
	inputs := append([]string(nil), corpus...)
	rng := rand.New(rand.NewPCG(1, 2))
	const alphabet = `{}[],:"\ u0-1.eE+atrufsnlx` + "\n\x01\xff"
	for range 20000 {
		n := rng.IntN(12)
		var b strings.Builder
		for range n {
			b.WriteByte(alphabet[rng.IntN(len(alphabet))])
		}
		inputs = append(inputs, b.String())
	}
	for _, in := range inputs {
		var v json.RawMessage // checked, not converted: 1e400 is valid JSON
		want := json.Unmarshal([]byte(in), &v)
		got := Valid([]byte(in))
		var wantSyn *json.SyntaxError
		var gotSyn *SyntaxError
		switch {
		case want == nil && got == nil:
		case errors.As(want, &wantSyn) && errors.As(got, &gotSyn):
			if wantSyn.Error() != gotSyn.Error() || wantSyn.Offset != gotSyn.Offset {
				t.Errorf("%q: got %q at %d, encoding/json says %q at %d", in, gotSyn, gotSyn.Offset, wantSyn, wantSyn.Offset)
			}
		default:
			t.Errorf("%q: got %v, encoding/json says %v", in, got, want)
		}
	}
}

func TestReadersMatchEncodingJSON(t *testing.T) {
	for _, in := range corpus {
		if Valid([]byte(in)) != nil {
			continue
		}
		var wantObj map[string]json.RawMessage
		wantErr := json.Unmarshal([]byte(in), &wantObj)
		gotObj, ok, gotErr := Members([]byte(in))
		if (wantErr != nil) != (gotErr != nil) || ok != (wantObj != nil) || !sameRaw(gotObj, wantObj) {
			t.Errorf("Members(%q) = %q, %v, %v; encoding/json: %q, %v", in, gotObj, ok, gotErr, wantObj, wantErr)
		}
		var wantArr []json.RawMessage
		wantErr = json.Unmarshal([]byte(in), &wantArr)
		gotArr, ok, gotErr := Elements([]byte(in))
		if (wantErr != nil) != (gotErr != nil) || ok != (wantArr != nil) || len(gotArr) != len(wantArr) {
			t.Errorf("Elements(%q) = %q, %v; encoding/json: %q, %v", in, gotArr, gotErr, wantArr, wantErr)
		}
		for i := range min(len(gotArr), len(wantArr)) {
			if !bytes.Equal(gotArr[i], wantArr[i]) {
				t.Errorf("Elements(%q)[%d] = %q, encoding/json %q", in, i, gotArr[i], wantArr[i])
			}
		}
		var wantStr string
		wantErr = json.Unmarshal([]byte(in), &wantStr)
		gotStr, _, gotErr := String([]byte(in))
		if (wantErr != nil) != (gotErr != nil) || gotStr != wantStr {
			t.Errorf("String(%q) = %q, %v; encoding/json: %q, %v", in, gotStr, gotErr, wantStr, wantErr)
		}
		var wantBool bool
		wantErr = json.Unmarshal([]byte(in), &wantBool)
		gotBool, _, gotErr := Bool([]byte(in))
		if (wantErr != nil) != (gotErr != nil) || gotBool != wantBool {
			t.Errorf("Bool(%q) = %v, %v; encoding/json: %v, %v", in, gotBool, gotErr, wantBool, wantErr)
		}
	}
}

func sameRaw(a map[string][]byte, b map[string]json.RawMessage) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !bytes.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

func TestStringsMatchEncodingJSON(t *testing.T) {
	inputs := []string{"", "plain", `q"uote\back`, "<a href='x'>&</a>", "\b\f\n\r\t\x00\x1f\x7f",
		"\u2028\u2029", "é中😀", "\xff\xfe", "a\xc3", "\ufffd"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 5000 {
		b := make([]byte, rng.IntN(10))
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		inputs = append(inputs, string(b), "x\u2028"+string(b))
	}
	for _, s := range inputs {
		want, _ := json.Marshal(s)
		if got := AppendString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("AppendString(%q) = %s, json.Marshal %s", s, got, want)
		}
		back, _, err := String(want)
		var wantBack string
		_ = json.Unmarshal(want, &wantBack)
		if err != nil || back != wantBack {
			t.Errorf("String(%s) = %q, %v; encoding/json %q", want, back, err, wantBack)
		}
	}
	// Escapes read as encoding/json reads them, surrogate pairs and lone halves included.
	for _, q := range []string{`"\ud83d\ude00"`, `"\ud83d"`, `"\ud83dx"`, `"\ude00\ud83d"`, `"\u00e9\/\\\""`, `"\ud83d\u0041"`} {
		var want string
		_ = json.Unmarshal([]byte(q), &want)
		if got, _, _ := String([]byte(q)); got != want {
			t.Errorf("String(%s) = %q, encoding/json %q", q, got, want)
		}
	}
}

func TestFloatsMatchEncodingJSON(t *testing.T) {
	inputs := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 1e-6, 9.99e-7, 1e-7, 1e20, 1e21, 1.5e300, 5e-324,
		math.MaxFloat64, 123456789.125, 0.001, 3}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 5000 {
		inputs = append(inputs, math.Float64frombits(rng.Uint64()), rng.NormFloat64()*math.Pow(10, float64(rng.IntN(60)-30)))
	}
	for _, x := range inputs {
		want, wantErr := json.Marshal(x)
		got, err := AppendFloat(nil, x)
		if wantErr != nil {
			if err == nil || err.Error() != wantErr.Error() {
				t.Errorf("AppendFloat(%v): error %v, encoding/json %v", x, err, wantErr)
			}
			continue
		}
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("AppendFloat(%v) = %s, %v; json.Marshal %s", x, got, err, want)
		}
	}
}

func TestObjectAndIndentMatchEncodingJSON(t *testing.T) {
	type row struct {
		N    int      `json:"n"`
		U    uint64   `json:"u"`
		OK   bool     `json:"ok"`
		S    string   `json:"s"`
		F    float64  `json:"f"`
		P    *float64 `json:"p"`
		List []int    `json:"list"`
		Nil  []int    `json:"nil"`
		Obj  struct{} `json:"obj"`
	}
	half := 0.5
	for _, r := range []row{{N: -3, U: math.MaxUint64, OK: true, S: "a<b>\"c\"", F: 1e-9, P: &half, List: []int{1, 2}}, {List: []int{}}} {
		var o Object
		o.Int("n", r.N)
		o.Uint("u", r.U)
		o.Bool("ok", r.OK)
		o.String("s", r.S)
		o.Float("f", r.F)
		o.FloatOrNull("p", r.P)
		var items [][]byte
		for _, n := range r.List {
			items = append(items, []byte{byte('0' + n)})
		}
		if r.List != nil && items == nil {
			items = [][]byte{}
		}
		o.Raw("list", List(items))
		o.Raw("nil", List(nil))
		var empty Object
		e, _ := empty.Bytes()
		o.Raw("obj", e)
		got, err := o.Bytes()
		want, _ := json.Marshal(r)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("Object = %s, %v; json.Marshal %s", got, err, want)
		}
		wantIndented, _ := json.MarshalIndent(r, "", "  ")
		if got := Indent(got); !bytes.Equal(got, wantIndented) {
			t.Errorf("Indent =\n%s\njson.MarshalIndent =\n%s", got, wantIndented)
		}
	}
	var o Object
	o.Float("x", math.NaN())
	if _, err := o.Bytes(); err == nil || err.Error() != "json: unsupported value: NaN" {
		t.Errorf("a NaN member: error %v", err)
	}
}
