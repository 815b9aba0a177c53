package minjson

import (
	"bytes"
	"errors"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// The readers below take one JSON value as Valid accepts it (white space around it allowed)
// and return its parts as raw JSON, the way encoding/json fills a json.RawMessage: the
// value's own bytes, without the space around them. Like encoding/json, each treats null as
// "nothing here" (ok false) rather than as an error.

// ErrType is a value of another type than the one asked for.
var ErrType = errors.New("minjson: a value of another type")

// Members reads a JSON object into a map of its members; a key given twice keeps its last
// value, as encoding/json's map decoding does. ok is false for null.
func Members(b []byte) (members map[string][]byte, ok bool, err error) {
	b, err = value(b)
	if err != nil || isNull(b) {
		return nil, false, err
	}
	if b[0] != '{' {
		return nil, false, ErrType
	}
	members = map[string][]byte{}
	for i := skipSpace(b, 1); b[i] != '}'; {
		end := skip(b, i)
		key := unquote(b[i:end])
		i = skipSpace(b, skipSpace(b, end)+1) // past the colon
		end = skip(b, i)
		members[key] = b[i:end]
		i = skipSpace(b, end)
		if b[i] == ',' {
			i = skipSpace(b, i+1)
		}
	}
	return members, true, nil
}

// Elements reads a JSON array into its elements. ok is false for null.
func Elements(b []byte) (elems [][]byte, ok bool, err error) {
	b, err = value(b)
	if err != nil || isNull(b) {
		return nil, false, err
	}
	if b[0] != '[' {
		return nil, false, ErrType
	}
	elems = [][]byte{}
	for i := skipSpace(b, 1); b[i] != ']'; {
		end := skip(b, i)
		elems = append(elems, b[i:end])
		i = skipSpace(b, end)
		if b[i] == ',' {
			i = skipSpace(b, i+1)
		}
	}
	return elems, true, nil
}

// String reads a JSON string, decoding its escapes as encoding/json does (a bad surrogate
// or invalid UTF-8 becomes U+FFFD). ok is false for null.
func String(b []byte) (s string, ok bool, err error) {
	b, err = value(b)
	if err != nil || isNull(b) {
		return "", false, err
	}
	if b[0] != '"' {
		return "", false, ErrType
	}
	return unquote(b), true, nil
}

// Bool reads true or false. ok is false for null.
func Bool(b []byte) (v, ok bool, err error) {
	b, err = value(b)
	if err != nil || isNull(b) {
		return false, false, err
	}
	switch string(b) {
	case "true":
		return true, true, nil
	case "false":
		return false, true, nil
	}
	return false, false, ErrType
}

// Number reads a JSON number as its text (for strconv). ok is false for null.
func Number(b []byte) (text string, ok bool, err error) {
	b, err = value(b)
	if err != nil || isNull(b) {
		return "", false, err
	}
	if b[0] != '-' && !isDigit(b[0]) {
		return "", false, ErrType
	}
	return string(b), true, nil
}

// Float reads a JSON number as a float64, as encoding/json would. ok is false for null.
func Float(b []byte) (float64, bool, error) {
	text, ok, err := Number(b)
	if !ok || err != nil {
		return 0, ok, err
	}
	x, err := strconv.ParseFloat(text, 64)
	return x, true, err
}

// value checks that b is valid JSON and returns the value without the space around it.
func value(b []byte) ([]byte, error) {
	if err := Valid(b); err != nil {
		return nil, err
	}
	return bytes.TrimLeft(bytes.TrimRight(b, " \t\r\n"), " \t\r\n"), nil
}

func isNull(b []byte) bool { return string(b) == "null" }

func skipSpace(b []byte, i int) int {
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	return i
}

// skip returns the index after the valid value that starts at b[i].
func skip(b []byte, i int) int {
	switch b[i] {
	case '"':
		for i++; b[i] != '"'; i++ {
			if b[i] == '\\' {
				i++
			}
		}
		return i + 1
	case '{', '[':
		depth := 0
		for ; ; i++ {
			switch b[i] {
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return i + 1
				}
			case '"':
				i = skip(b, i) - 1
			}
		}
	}
	for i < len(b) && !isSpace(b[i]) && b[i] != ',' && b[i] != '}' && b[i] != ']' && b[i] != ':' {
		i++
	}
	return i
}

// unquote decodes the valid JSON string q (quotes included), as encoding/json does.
func unquote(q []byte) string {
	s := q[1 : len(q)-1]
	if bytes.IndexByte(s, '\\') < 0 && utf8.Valid(s) {
		return string(s)
	}
	out := make([]byte, 0, len(s)+2*utf8.UTFMax)
	for r := 0; r < len(s); {
		c := s[r]
		switch {
		case c == '\\' && s[r+1] == 'u':
			rr := getu4(s[r:])
			r += 6
			if utf16.IsSurrogate(rr) {
				if dec := utf16.DecodeRune(rr, getu4(s[r:])); dec != utf8.RuneError {
					out = utf8.AppendRune(out, dec)
					r += 6
					continue
				}
				rr = utf8.RuneError // a lone surrogate
			}
			out = utf8.AppendRune(out, rr)
		case c == '\\':
			switch e := s[r+1]; e {
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			default: // \\, \/ and \"
				out = append(out, e)
			}
			r += 2
		case c < utf8.RuneSelf:
			out = append(out, c)
			r++
		default:
			rr, size := utf8.DecodeRune(s[r:])
			r += size
			out = utf8.AppendRune(out, rr) // an invalid byte becomes U+FFFD
		}
	}
	return string(out)
}

// getu4 is the code unit of the \uXXXX escape at the start of b, or -1 if there is none.
func getu4(b []byte) rune {
	if len(b) < 6 || b[0] != '\\' || b[1] != 'u' {
		return -1
	}
	var r rune
	for _, c := range b[2:6] {
		switch {
		case isDigit(c):
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r<<4 | rune(c)
	}
	return r
}
