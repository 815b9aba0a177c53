package lab

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"resnetplayground/internal/minjson"
)

// The JSON form of a Spec is an object of the Fields' JSON names (MarshalJSON writes it).
// It has every field, always (one shape for every experiment); a field that does not apply to
// the experiment (Field.AppliesTo: classes, points, noise and train_frac for the digits,
// shortcut_option for a dense network) is written as its default and ignored when read.
// The seed is written as a string: JavaScript reads every JSON number as a float64, which
// would round a seed above 2⁵³ on its way through a page; it is read back as a string or a
// number.

// maxJSONProblems caps the problems one file reports, so a huge wrong file still gives a
// readable list.
const maxJSONProblems = 20

// ParseJSON reads a Spec from JSON and validates it. Fields the JSON leaves out (or sets to
// null) keep their Default values, so {"blocks": [...]} alone is a complete experiment;
// unknown fields are rejected, since a misspelt field silently falling back to its default
// would run a different experiment from the one asked for. A block listed in the JSON must
// give its width and layers: a block left half-empty fails validation instead of inheriting
// values. The error is a *SpecError listing every problem of the file by field, in words
// (a value of the wrong type does not hide the problems of other fields), or a plain error
// when the text is not a JSON object at all.
func ParseJSON(b []byte) (Spec, error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return Spec{}, errors.New("the text is empty; a Spec is a JSON object like {\"lr\": 0.01}")
	}
	obj, ok, err := minjson.Members(b)
	if err != nil {
		return Spec{}, notAnObject(b, err)
	}
	if !ok {
		return Spec{}, errors.New("the JSON is null, not an object of Spec fields like {\"lr\": 0.01}")
	}
	s := Default()
	var e SpecError
	known := "; the fields are " + jsonNames() // said once
	for _, key := range sortedKeys(obj) {
		if FieldNamed(key) == nil {
			e.add(key, "unknown field%s", known)
			known = ""
		}
	}
	for _, f := range Fields {
		raw, ok := obj[f.Name]
		if !ok || isNull(raw) {
			continue // the default stays
		}
		f.setJSON(&s, raw, &e)
	}
	s = s.Canonical() // a field that does not apply (classes for the digits) is ignored
	if err := s.Validate(); err != nil {
		for _, fe := range err.(*SpecError).Fields {
			if e.Msg(fe.Field) == "" { // a field that could not be read has said so already
				e.Fields = append(e.Fields, fe)
			}
		}
	}
	if len(e.Fields) > maxJSONProblems {
		n := len(e.Fields) - maxJSONProblems
		e.Fields = e.Fields[:maxJSONProblems]
		e.add("spec", "and %d more problems", n)
	}
	return s, e.orNil()
}

// notAnObject explains why text that is not a JSON object cannot be a Spec.
func notAnObject(b []byte, err error) error {
	var syn *minjson.SyntaxError
	if errors.As(err, &syn) {
		line, col := position(b, syn.Offset)
		return fmt.Errorf("this is not JSON: line %d, column %d: %s", line, col, strings.TrimPrefix(syn.Error(), "json: "))
	}
	if t := jsonType(bytes.TrimSpace(b)); t != "" {
		return fmt.Errorf("the JSON is %s, not an object of Spec fields like {\"lr\": 0.01}", t)
	}
	return errors.New("this is not JSON")
}

// position turns a SyntaxError's offset (the bytes read, up to and including the bad
// one) into the 1-based line and column of the bad byte.
func position(b []byte, offset int64) (line, col int) {
	at := int(min(max(offset-1, 0), int64(len(b))))
	before := b[:at]
	line = 1 + bytes.Count(before, []byte("\n"))
	col = at - bytes.LastIndexByte(before, '\n')
	return line, col
}

// setJSON sets f in s from its JSON value, or records in e why it cannot.
func (f *Field) setJSON(s *Spec, raw []byte, e *SpecError) {
	bad := func() { e.add(f.Name, "must be %s, got %s", f.jsonWant(), describe(raw)) }
	switch f.Kind {
	case Choice:
		v, ok, err := minjson.String(raw)
		if err != nil {
			bad()
			return
		}
		if ok {
			*f.str(s) = v
		}
	case Int, Float:
		if jsonType(raw) != "a number" || f.SetText(s, string(raw)) != nil {
			bad()
		}
	case Bool:
		v, ok, err := minjson.Bool(raw)
		if err != nil {
			bad()
			return
		}
		if ok {
			*f.bool(s) = v
		}
	case Seed:
		text := string(raw)
		if jsonType(raw) == "a string" {
			text, _, _ = minjson.String(raw)
		} else if jsonType(raw) != "a number" {
			text = "" // fails below
		}
		if f.SetText(s, text) != nil {
			bad()
		}
	case BlockList:
		s.Blocks = blocksJSON(raw, e)
	}
}

// jsonWant says what a field's JSON value must be.
func (f *Field) jsonWant() string {
	switch f.Kind {
	case Choice:
		return "a string, " + f.Range()
	case Int:
		return "a whole number, " + f.Range()
	case Float:
		return "a number, " + f.Range()
	case Bool:
		return "true or false"
	case Seed:
		return f.Range() + ", best written as a string"
	}
	return "a list of blocks"
}

// blocksJSON reads the blocks' JSON list. A block that cannot be read stays zero, so
// Validate would report it too; its own message is kept instead.
func blocksJSON(raw []byte, e *SpecError) []BlockSpec {
	items, _, err := minjson.Elements(raw)
	if err != nil {
		e.add("blocks", "must be a list of blocks like [{\"width\": 16, \"layers\": 2, \"shortcut\": true}], got %s", describe(raw))
		return []BlockSpec{}
	}
	if len(items) > MaxBlocks {
		e.add("blocks", "%d blocks; at most %d", len(items), MaxBlocks)
		items = items[:MaxBlocks]
	}
	blocks := make([]BlockSpec, len(items))
	bad := 0
	report := func(field, format string, args ...any) {
		if bad++; bad <= maxBlockErrors {
			e.add(field, format, args...)
		}
	}
	for i, item := range items {
		obj, ok, err := minjson.Members(item)
		if err != nil || !ok {
			report(fmt.Sprintf("blocks[%d]", i), "must be an object like {\"width\": 16, \"layers\": 2, \"shortcut\": true}, got %s", describe(item))
			continue
		}
		for _, key := range sortedKeys(obj) {
			v := obj[key]
			field := fmt.Sprintf("blocks[%d].%s", i, key)
			switch key {
			case "width", "layers":
				n, err := strconv.Atoi(string(v))
				if jsonType(v) != "a number" || err != nil {
					report(field, "must be a whole number, got %s", describe(v))
					continue
				}
				if key == "width" {
					blocks[i].Width = n
				} else {
					blocks[i].Layers = n
				}
			case "shortcut":
				on, ok, err := minjson.Bool(v)
				if err != nil {
					report(field, "must be true or false, got %s", describe(v))
				} else if ok {
					blocks[i].Shortcut = on
				}
			default:
				report(field, "unknown field; a block has width, layers and shortcut")
			}
		}
	}
	if bad > maxBlockErrors {
		e.add("blocks", "%d more problems in the blocks", bad-maxBlockErrors)
	}
	return blocks
}

// describe names a JSON value for a message: short values are quoted as written, long ones
// by their type only.
func describe(raw []byte) string {
	raw = bytes.TrimSpace(raw)
	t := jsonType(raw)
	if len(raw) <= 24 && t != "an object" && t != "a list" {
		return t + " " + string(raw)
	}
	return t
}

// jsonType names the type of a JSON value in words, from its first byte.
func jsonType(raw []byte) string {
	if len(raw) == 0 {
		return ""
	}
	switch c := raw[0]; {
	case c == '{':
		return "an object"
	case c == '[':
		return "a list"
	case c == '"':
		return "a string"
	case c == 't' || c == 'f':
		return "true/false"
	case c == 'n':
		return "null"
	case c == '-' || c >= '0' && c <= '9':
		return "a number"
	}
	return ""
}

func isNull(raw []byte) bool { return string(bytes.TrimSpace(raw)) == "null" }

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func jsonNames() string {
	names := make([]string, len(Fields))
	for i, f := range Fields {
		names[i] = f.Name
	}
	return strings.Join(names, ", ")
}
