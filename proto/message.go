package proto

import "math"

// Message is one postMessage payload in Go form. Its values are strings, numbers (int or
// float64; after a trip through JavaScript every number is a float64), booleans, []string,
// and typed arrays: []float32 (a Float32Array), []float64 (a Float64Array) and []byte (a
// Uint8Array). Reading a key that is missing or holds another type gives the zero value:
// a malformed message never panics.
type Message map[string]any

// Type is the message's "type": a Command's Kind, or "report", "sweep" or "lesion".
func (m Message) Type() string { return m.str("type") }

func (m Message) str(key string) string {
	s, _ := m[key].(string)
	return s
}

func (m Message) fnum(key string) float64 {
	switch v := m[key].(type) {
	case float64:
		return v
	case int:
		return float64(v)
	}
	return 0
}

// num reads a whole number; a float64 outside int's range or not whole gives 0.
func (m Message) num(key string) int {
	switch v := m[key].(type) {
	case int:
		return v
	case float64:
		if v == math.Trunc(v) && math.Abs(v) <= 1<<53 {
			return int(v)
		}
	}
	return 0
}

func (m Message) flag(key string) bool {
	b, _ := m[key].(bool)
	return b
}

func (m Message) float32s(key string) []float32 {
	f, _ := m[key].([]float32)
	return f
}

func (m Message) float64s(key string) []float64 {
	f, _ := m[key].([]float64)
	return f
}

func (m Message) bytes(key string) []byte {
	b, _ := m[key].([]byte)
	return b
}

func (m Message) strs(key string) []string {
	s, _ := m[key].([]string)
	return s
}
