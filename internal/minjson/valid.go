// Package minjson reads and writes the little JSON the page and its worker need (a Spec, a
// landscape's settings, a sweep's rows, the downloads), byte for byte as encoding/json does,
// so that main.wasm need not carry encoding/json and the reflection behind it (about 100 KB of
// brotli transfer on a first visit). Native code may still use encoding/json; the tests hold
// this package to it.
package minjson

import "strconv"

// A SyntaxError is text that is not JSON: what is wrong, in encoding/json's words, and the
// number of bytes read when it was found (the bad byte included), as json.SyntaxError has it.
type SyntaxError struct {
	msg    string
	Offset int64
}

func (e *SyntaxError) Error() string { return e.msg }

// maxDepth is encoding/json's limit on nesting.
const maxDepth = 10000

// Valid reports whether b is one JSON value (with white space around it), with the error
// encoding/json's Unmarshal gives for the first bad byte.
func Valid(b []byte) error {
	var stack []byte // the open containers: '{' or '['
	// expect is what may come next: a value, a value or ']', a key, a key or '}', a ':', a
	// ',' or the end of the container, or nothing (after the top-level value).
	const (
		value = iota
		valueOrEnd
		key
		keyOrEnd
		colon
		commaOrEnd
		done
	)
	expect := value
	bad := func(i int, context string) error { return invalid(b, i, context) }
	i := 0
	for i < len(b) {
		c := b[i]
		if isSpace(c) {
			i++
			continue
		}
		switch expect {
		case done:
			return bad(i, "after top-level value")
		case colon:
			if c != ':' {
				return bad(i, "after object key")
			}
			expect = value
			i++
			continue
		case commaOrEnd:
			top := stack[len(stack)-1]
			switch {
			case c == ',' && top == '{':
				expect = key
			case c == ',':
				expect = value
			case c == '}' && top == '{', c == ']' && top == '[':
				stack = stack[:len(stack)-1]
				expect = afterValue(stack)
			case top == '{':
				return bad(i, "after object key:value pair")
			default:
				return bad(i, "after array element")
			}
			i++
			continue
		case key, keyOrEnd:
			if c == '}' && expect == keyOrEnd {
				stack = stack[:len(stack)-1]
				expect = afterValue(stack)
				i++
				continue
			}
			if c != '"' {
				return bad(i, "looking for beginning of object key string")
			}
			end, err := scanString(b, i)
			if err != nil {
				return err
			}
			i, expect = end, colon
			continue
		case valueOrEnd:
			if c == ']' {
				stack = stack[:len(stack)-1]
				expect = afterValue(stack)
				i++
				continue
			}
		}
		// expect is value (or valueOrEnd, and this is not the end).
		switch {
		case c == '{' || c == '[':
			if len(stack) == maxDepth {
				return bad(i, "exceeded max depth")
			}
			stack = append(stack, c)
			expect = keyOrEnd
			if c == '[' {
				expect = valueOrEnd
			}
			i++
			continue
		case c == '"':
			end, err := scanString(b, i)
			if err != nil {
				return err
			}
			i = end
		case c == '-' || '0' <= c && c <= '9':
			end, err := scanNumber(b, i)
			if err != nil {
				return err
			}
			i = end
		case c == 't' || c == 'f' || c == 'n':
			end, err := scanLiteral(b, i)
			if err != nil {
				return err
			}
			i = end
		default:
			return bad(i, "looking for beginning of value")
		}
		expect = afterValue(stack)
	}
	if expect != done {
		return &SyntaxError{"unexpected end of JSON input", int64(len(b))}
	}
	return nil
}

// afterValue is what may follow a complete value inside the open containers stack.
func afterValue(stack []byte) int {
	if len(stack) == 0 {
		return 6 // done
	}
	return 5 // commaOrEnd
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isHex(c byte) bool { return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

// scanString checks the string starting with the quote at b[i] and returns the index after
// its closing quote.
func scanString(b []byte, i int) (int, error) {
	for i++; i < len(b); i++ {
		switch c := b[i]; {
		case c == '"':
			return i + 1, nil
		case c < 0x20:
			return 0, invalid(b, i, "in string literal")
		case c == '\\':
			i++
			if i == len(b) {
				return 0, invalid(b, i, "in string escape code")
			}
			switch b[i] {
			case 'b', 'f', 'n', 'r', 't', '\\', '/', '"':
			case 'u':
				for k := 0; k < 4; k++ {
					if i++; i == len(b) || !isHex(b[i]) {
						return 0, invalid(b, i, `in \u hexadecimal character escape`)
					}
				}
			default:
				return 0, invalid(b, i, "in string escape code")
			}
		}
	}
	return 0, eof(b)
}

// scanNumber checks the number starting at b[i] and returns the index after it.
func scanNumber(b []byte, i int) (int, error) {
	bad := func(context string) error { return invalid(b, i, context) }
	if b[i] == '-' {
		i++
		if i == len(b) || !isDigit(b[i]) {
			return 0, bad("in numeric literal")
		}
	}
	if b[i] == '0' {
		i++
	} else {
		for i < len(b) && isDigit(b[i]) {
			i++
		}
	}
	if i < len(b) && b[i] == '.' {
		i++
		if i == len(b) || !isDigit(b[i]) {
			return 0, bad("after decimal point in numeric literal")
		}
		for i < len(b) && isDigit(b[i]) {
			i++
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i == len(b) || !isDigit(b[i]) {
			return 0, bad("in exponent of numeric literal")
		}
		for i < len(b) && isDigit(b[i]) {
			i++
		}
	}
	return i, nil
}

// scanLiteral checks true, false or null starting at b[i] and returns the index after it.
func scanLiteral(b []byte, i int) (int, error) {
	word := map[byte]string{'t': "true", 'f': "false", 'n': "null"}[b[i]]
	for k := 1; k < len(word); k++ {
		if i+k == len(b) || b[i+k] != word[k] {
			return 0, invalid(b, i+k, "in literal "+word+" (expecting "+quoteChar(word[k])+")")
		}
	}
	return i + len(word), nil
}

func eof(b []byte) error { return &SyntaxError{"unexpected end of JSON input", int64(len(b))} }

// invalid is the error for the bad byte b[i]. At the end of the text encoding/json feeds its
// scanner a space to finish a number or literal, so a value cut short there is "invalid
// character ' '", with the whole text read.
func invalid(b []byte, i int, context string) error {
	if i == len(b) {
		return &SyntaxError{"invalid character ' ' " + context, int64(len(b))}
	}
	return &SyntaxError{"invalid character " + quoteChar(b[i]) + " " + context, int64(i + 1)}
}

// quoteChar formats c as encoding/json's messages do.
func quoteChar(c byte) string {
	if c == '\'' {
		return `'\''`
	}
	if c == '"' {
		return `'"'`
	}
	s := strconv.Quote(string(rune(c)))
	return "'" + s[1:len(s)-1] + "'"
}
