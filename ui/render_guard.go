package ui

import (
	"html"
	"strings"
	"unicode/utf8"

	"github.com/vugu/vugu"

	"resnetplayground/internal/minjson"
)

// Vugu's renderer passes every DOM change through a 16 KB instruction buffer: one text,
// attribute or property value larger than that fails the render, and every render after
// it, so the page freezes. Much of what the page shows can carry text from outside — a
// notice quoting a link's bad value, an import error quoting a field of a 100 KB file —
// and no single place sets it all. So the built tree is bounded on its way to the
// renderer: a long message has its quoted values shortened, and any value still too large
// for the buffer is cut.

const (
	// maxRenderValue bounds one value sent to the renderer, well inside its 16 KB buffer
	// (the instruction also carries the key, lengths and UTF-8 of the value).
	maxRenderValue = 8 << 10
	// quoteFrom is the length from which a text's quoted values are shortened, and
	// maxQuote the bytes of a quoted value that are kept.
	quoteFrom = 240
	maxQuote  = 60
)

// ClipQuotes shortens every quoted value in msg longer than maxQuote bytes to its start
// and "…", so that a message naming a huge bad value stays a readable sentence. A quoted
// value is what %q writes: from a double quote to the next one not escaped by a backslash.
// (Scanned by hand: the regexp package would add ~0.25 MB to main.wasm.)
func ClipQuotes(msg string) string {
	var b strings.Builder
	done := 0 // msg[:done] is in b
	for i := 0; i < len(msg); i++ {
		if msg[i] != '"' {
			continue
		}
		end := closingQuote(msg, i+1)
		if end < 0 {
			continue // not a quoted value; a later quote may start one
		}
		if inner := msg[i+1 : end]; len(inner) > maxQuote {
			b.WriteString(msg[done:i])
			b.WriteString(`"` + cut(inner, maxQuote) + `…"`)
			done = end + 1
		}
		i = end
	}
	if done == 0 {
		return msg
	}
	b.WriteString(msg[done:])
	return b.String()
}

// closingQuote is the index of the quote that ends a quoted value whose text starts at from,
// or −1: a backslash escapes the next character (but not a line break, nor the end).
func closingQuote(s string, from int) int {
	for j := from; j < len(s); j++ {
		switch s[j] {
		case '"':
			return j
		case '\\':
			if j+1 >= len(s) || s[j+1] == '\n' {
				return -1
			}
			j++
		}
	}
	return -1
}

// ClipValue shortens a value a message names, unquoted, to its start and "…".
func ClipValue(v string) string {
	if len(v) <= maxQuote {
		return v
	}
	return cut(v, maxQuote) + "…"
}

// BoundText is what of a text may reach the page: long messages get their quoted values
// shortened, and the result is cut to maxRenderValue bytes.
func BoundText(s string) string {
	if len(s) > quoteFrom {
		s = ClipQuotes(s)
	}
	if len(s) > maxRenderValue {
		s = cut(s, maxRenderValue-len("…")) + "…"
	}
	return s
}

// cut is s cut to at most n bytes without splitting a character.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// BoundForRender bounds every text, attribute and property value of a build, the top
// component's and its children's, before it is rendered. It returns r.
func BoundForRender(r *vugu.BuildResults) *vugu.BuildResults {
	if r == nil || r.Out == nil {
		return r
	}
	seen := map[any]bool{}
	var visitOut func(out *vugu.BuildOut)
	var visit func(n *vugu.VGNode)
	visit = func(n *vugu.VGNode) {
		for ; n != nil; n = n.NextSibling {
			boundNode(n)
			if n.Component != nil && !seen[n.Component] {
				seen[n.Component] = true
				visitOut(r.ResultFor(n.Component))
			}
			visit(n.FirstChild)
		}
	}
	visitOut = func(out *vugu.BuildOut) {
		if out == nil {
			return
		}
		for _, n := range out.Out {
			boundNode(n)
			if n.Component != nil && !seen[n.Component] {
				seen[n.Component] = true
				visitOut(r.ResultFor(n.Component))
			}
			visit(n.FirstChild)
		}
	}
	visitOut(r.Out)
	return r
}

// boundNode bounds one node's own values (not its children's).
func boundNode(n *vugu.VGNode) {
	if n.Type == vugu.TextNode && len(n.Data) > quoteFrom {
		n.Data = BoundText(n.Data)
	}
	for i := range n.Attr {
		if len(n.Attr[i].Val) > maxRenderValue {
			n.Attr[i].Val = cut(n.Attr[i].Val, maxRenderValue)
		}
	}
	for i := range n.Prop {
		if len(n.Prop[i].JSONVal) > maxRenderValue {
			s, ok, err := minjson.String(n.Prop[i].JSONVal)
			if err != nil || !ok {
				n.Prop[i].JSONVal = []byte("null") // not a string: nothing sensible to cut
				continue
			}
			for keep := maxRenderValue; len(n.Prop[i].JSONVal) > maxRenderValue; keep /= 2 {
				n.Prop[i].JSONVal = minjson.AppendString(nil, cut(s, keep)) // escapes make JSON longer
			}
		}
	}
	// vg-content writes text as escaped HTML: bound the text it stands for.
	if n.InnerHTML != nil && len(*n.InnerHTML) > quoteFrom {
		text := html.UnescapeString(*n.InnerHTML)
		if !strings.Contains(text, "<") {
			bounded := html.EscapeString(BoundText(text))
			for keep := maxRenderValue; len(bounded) > maxRenderValue; keep /= 2 {
				bounded = html.EscapeString(BoundText(cut(text, keep))) // escapes make it longer
			}
			n.InnerHTML = &bounded
		} else if len(*n.InnerHTML) > maxRenderValue {
			empty := "" // real HTML: cut, it would be broken
			n.InnerHTML = &empty
		}
	}
}
