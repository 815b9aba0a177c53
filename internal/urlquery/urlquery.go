// Package urlquery is the part of net/url the page uses (QueryEscape, PathUnescape,
// ParseQuery), with net/url's results and error messages. net/url would bring net/netip,
// unique and internal/godebug into main.wasm with it, about 20 KB of brotli transfer on a
// first visit; the tests hold this package to net/url.
package urlquery

import (
	"errors"
	"strconv"
	"strings"
)

// Values maps a query's keys to their values, in order, as url.Values does.
type Values map[string][]string

// Has reports whether the query gives key.
func (v Values) Has(key string) bool {
	_, ok := v[key]
	return ok
}

// An EscapeError is a % not followed by two hex digits.
type EscapeError string

func (e EscapeError) Error() string { return "invalid URL escape " + strconv.Quote(string(e)) }

// maxParams is net/url's default limit on the parameters of one query.
const maxParams = 10000

// ParseQuery reads a query string (without the "?") as url.ParseQuery does: key=value pairs
// split on &, each unescaped with + as a space; it returns every pair it could read and the
// first error.
func ParseQuery(query string) (Values, error) {
	m := Values{}
	if strings.Count(query, "&")+1 > maxParams {
		return m, errors.New("number of URL query parameters exceeded limit")
	}
	var err error
	for query != "" {
		var pair string
		pair, query, _ = strings.Cut(query, "&")
		if strings.Contains(pair, ";") {
			err = errors.New("invalid semicolon separator in query")
			continue
		}
		if pair == "" {
			continue
		}
		key, value, _ := strings.Cut(pair, "=")
		key, err1 := unescape(key, ' ')
		if err1 == nil {
			value, err1 = unescape(value, ' ')
		}
		if err1 != nil {
			if err == nil {
				err = err1
			}
			continue
		}
		m[key] = append(m[key], value)
	}
	return m, err
}

// PathUnescape decodes %XX escapes and keeps + as it is, as url.PathUnescape does.
func PathUnescape(s string) (string, error) { return unescape(s, '+') }

// unescape decodes s's %XX escapes and turns + into plus.
func unescape(s string, plus byte) (string, error) {
	if !strings.ContainsAny(s, "%+") {
		return s, nil
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '%':
			if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
				return "", EscapeError(s[i:min(i+3, len(s))])
			}
			b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
			i += 2
		case '+':
			b.WriteByte(plus)
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

// QueryEscape escapes s for a query value as url.QueryEscape does: letters, digits and
// -_.~ stay, a space becomes +, every other byte %XX.
func QueryEscape(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '_', c == '.', c == '~':
			b.WriteByte(c)
		case c == ' ':
			b.WriteByte('+')
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}
