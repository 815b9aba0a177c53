package minjson

import (
	"errors"
	"math"
	"strconv"
	"unicode/utf8"
)

// AppendString appends s as a JSON string the way json.Marshal writes it: <, > and & escaped
// for HTML, U+2028 and U+2029 escaped for JavaScript, invalid UTF-8 as U+FFFD.
func AppendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// AppendFloat appends x as json.Marshal writes a float64: the shortest text that reads back
// the same, in exponent form only below 1e-6 or from 1e21 on. NaN and ±Inf, which JSON cannot
// hold, are an error worded as encoding/json's.
func AppendFloat(b []byte, x float64) ([]byte, error) {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return b, errors.New("json: unsupported value: " + strconv.FormatFloat(x, 'g', -1, 64))
	}
	format := byte('f')
	if a := math.Abs(x); a != 0 && (a < 1e-6 || a >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, x, format, -1, 64)
	if n := len(b); format == 'e' && n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
		b[n-2] = b[n-1] // e-07 → e-7
		b = b[:n-1]
	}
	return b, nil
}

// An Object writes one compact JSON object, member by member in the order given (as
// json.Marshal writes a struct's fields). The first error (a NaN, say) sticks and is
// returned by Bytes.
type Object struct {
	b   []byte
	err error
}

// key starts a member.
func (o *Object) key(k string) {
	if len(o.b) == 0 {
		o.b = append(o.b, '{')
	} else {
		o.b = append(o.b, ',')
	}
	o.b = AppendString(o.b, k)
	o.b = append(o.b, ':')
}

func (o *Object) Int(k string, v int) { o.key(k); o.b = strconv.AppendInt(o.b, int64(v), 10) }

func (o *Object) Uint(k string, v uint64) { o.key(k); o.b = strconv.AppendUint(o.b, v, 10) }

func (o *Object) Bool(k string, v bool) { o.key(k); o.b = strconv.AppendBool(o.b, v) }

func (o *Object) String(k, v string) { o.key(k); o.b = AppendString(o.b, v) }

// Raw writes v, which must be valid compact JSON, as it is.
func (o *Object) Raw(k string, v []byte) { o.key(k); o.b = append(o.b, v...) }

func (o *Object) Float(k string, v float64) {
	o.key(k)
	var err error
	if o.b, err = AppendFloat(o.b, v); err != nil && o.err == nil {
		o.err = err
	}
}

// FloatOrNull writes *v, or null for a nil v.
func (o *Object) FloatOrNull(k string, v *float64) {
	if v == nil {
		o.Raw(k, []byte("null"))
		return
	}
	o.Float(k, *v)
}

// Bytes closes the object and returns it.
func (o *Object) Bytes() ([]byte, error) {
	if len(o.b) == 0 {
		return []byte("{}"), o.err
	}
	return append(o.b, '}'), o.err
}

// List writes items (each valid compact JSON) as a JSON array; nil is null, as json.Marshal
// writes a nil slice.
func List(items [][]byte) []byte {
	if items == nil {
		return []byte("null")
	}
	b := []byte{'['}
	for i, item := range items {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, item...)
	}
	return append(b, ']')
}

// Objects writes rows as a JSON array of objects, each written by write; nil rows are null,
// as json.Marshal writes a nil slice. The first error a row's object had is returned.
func Objects[T any](rows []T, write func(*Object, T)) ([]byte, error) {
	if rows == nil {
		return List(nil), nil
	}
	items := make([][]byte, 0, len(rows))
	for _, r := range rows {
		var o Object
		write(&o, r)
		item, err := o.Bytes()
		if err != nil {
			return nil, err
		}
		items = append(items, item)
	}
	return List(items), nil
}

// Indent is compact JSON (as this package writes it) laid out as json.MarshalIndent(v, "",
// "  ") lays it out: a member or element a line, two spaces a level, and empty objects and
// lists kept as {} and [].
func Indent(compact []byte) []byte {
	b := make([]byte, 0, len(compact)*2)
	depth := 0
	newline := func() {
		b = append(b, '\n')
		for range depth {
			b = append(b, ' ', ' ')
		}
	}
	for i := 0; i < len(compact); i++ {
		switch c := compact[i]; c {
		case '"':
			end := skip(compact, i)
			b = append(b, compact[i:end]...)
			i = end - 1
		case '{', '[':
			b = append(b, c)
			if i+1 < len(compact) && (compact[i+1] == '}' || compact[i+1] == ']') {
				b = append(b, compact[i+1])
				i++
				continue
			}
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			b = append(b, c)
		case ',':
			b = append(b, c)
			newline()
		case ':':
			b = append(b, ':', ' ')
		default:
			b = append(b, c)
		}
	}
	return b
}
