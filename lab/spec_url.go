package lab

import (
	"fmt"
	"strconv"
	"strings"

	"resnetplayground/internal/urlquery"
)

// The short URL form of a Spec, for the page's URL hash (TensorFlow Playground keeps its state
// the same way): "&"-separated key=value pairs with short keys, such as
//
//	d=spiral&k=2&n=600&z=0.1&f=0.5&w=16&b=16x2p*24&net=dense&a=relu&bn=0&o=adam&lr=0.003&wd=0&bs=32&s=1
//
// A field that does not apply to the experiment (Field.AppliesTo) is left out: the digits'
// links have no k, n, z or f, a dense network's no so. Parse ignores such a key if an older
// link has it.
//
// Blocks are run-length encoded: runs of <width>x<layers><r|p>[*count] separated by commas,
// r for a residual block (shortcut on) and p for a plain one, so b=16x2r*10,32x1p is ten
// residual 16-wide two-layer blocks followed by one plain 32-wide one-layer block.

// maxLinkLen bounds the text Parse reads. The longest valid form (128 blocks that all differ)
// is about 1 KB; anything far longer is not a link we made.
const maxLinkLen = 4096

// maxLinkProblems caps the problems one link reports, and clipAt the characters of the link
// a message quotes, so a garbage link gives a short message (the page shows it, and a
// render fails on text above 16 KB).
const (
	maxLinkProblems = 12
	clipAt          = 40
)

// clip shortens text for quoting in a message.
func clip(text string) string {
	if len(text) <= clipAt {
		return text
	}
	return strings.ToValidUTF8(text[:clipAt], "") + "…"
}

// String returns the short URL form of s, which Parse reads back to exactly s.Canonical():
// fields that do not apply to s (Field.AppliesTo: no classes or noise for the digits) are left
// out. Floats are printed in their shortest exact form, so nothing is lost on the way.
func (s Spec) String() string {
	var b strings.Builder
	for _, f := range Fields {
		if !f.AppliesTo(s) {
			continue // it would change nothing; Parse gives it its default
		}
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(f.Key)
		b.WriteByte('=')
		b.WriteString(f.urlText(s))
	}
	return b.String()
}

// urlText is f's value in the URL form. A name is percent-encoded so that even an invalid
// one cannot break the key=value structure (valid names are plain words and come out
// unchanged); a switch is 1 or 0.
func (f *Field) urlText(s Spec) string {
	switch f.Kind {
	case Choice:
		return strings.ReplaceAll(urlquery.QueryEscape(f.Text(s)), "+", "%20")
	case Bool:
		if *f.bool(&s) {
			return "1"
		}
		return "0"
	}
	return f.Text(s)
}

// Parse reads the short URL form that String writes, with or without a leading "#", and
// validates the result. Keys it leaves out keep their Default values, so a short link such as
// "b=16x2r*24" is a whole experiment. Unknown keys, repeated keys and malformed values are
// errors, all of them reported in one *SpecError whose Field is the JSON name of the field
// (or "link" for problems that belong to no field). Values may be percent-encoded.
func Parse(str string) (Spec, error) {
	s, e := parseLink(str)
	if len(e.Fields) > 0 {
		return Spec{}, &e
	}
	if err := s.Validate(); err != nil {
		return Spec{}, err
	}
	return s, nil
}

// Salvage reads a link as Parse does, but keeps what it can instead of rejecting the whole
// link: every readable, valid value is kept, a value out of range is clamped to the nearest
// valid one, and an unreadable one is reset to its default. The Spec is always valid; the
// error, when not nil, is a *SpecError saying for each field what was wrong and what is used
// instead, for a page that opens a hand-edited or truncated link.
func Salvage(str string) (Spec, error) {
	s, e := parseLink(str)
	for i, fe := range e.Fields {
		if f := FieldNamed(fe.Field); f != nil {
			e.Fields[i].Msg += "; using " + f.shown(s)
		} else {
			e.Fields[i].Msg += "; ignored"
		}
	}
	if err := s.Validate(); err != nil {
		c := s.Clamped()
		for _, fe := range err.(*SpecError).Fields {
			name, _, _ := strings.Cut(fe.Field, "[") // blocks[3].width is shown with the blocks
			e.add(fe.Field, "%s; using %s", fe.Msg, FieldNamed(name).shown(c))
		}
		s = c
	}
	return s, e.orNil()
}

// shown is f's value in s as a message quotes it: the blocks by their URL form.
func (f *Field) shown(s Spec) string {
	if f.Kind == BlockList {
		return "b=" + f.Text(s)
	}
	return f.Text(s)
}

// parseLink reads every key of a link into Default(): a value that cannot be read leaves its
// field at the default and is reported, as are unknown and repeated keys. Nothing is
// validated.
func parseLink(str string) (Spec, SpecError) {
	str = strings.TrimPrefix(str, "#")
	s := Default()
	var e SpecError
	if len(str) > maxLinkLen {
		e.add("link", "%d characters long; at most %d", len(str), maxLinkLen)
		return s, e
	}
	seen := make(map[string]bool, len(Fields))
	extra := 0 // problems past maxLinkProblems, only counted
	report := func(field, format string, args ...any) {
		if len(e.Fields) < maxLinkProblems {
			e.add(field, format, args...)
		} else {
			extra++
		}
	}
	for pair := range strings.SplitSeq(str, "&") {
		if pair == "" {
			continue // tolerate "a=1&&b=2" and a trailing "&"
		}
		key, raw, ok := strings.Cut(pair, "=")
		if !ok {
			report("link", "%q is not key=value", clip(pair))
			continue
		}
		f := fieldByKey(key)
		if f == nil {
			report("link", "unknown key %q; known keys are %s", clip(key), urlKeys())
			continue
		}
		if seen[key] {
			report(f.Name, "key %s given twice", key)
			continue
		}
		seen[key] = true
		v, err := urlquery.PathUnescape(raw) // PathUnescape keeps "+", which floats like 1e+21 use
		if err == nil {
			err = f.SetText(&s, v)
		}
		if err != nil {
			report(f.Name, "%s=%s: %v", key, clip(raw), err)
		}
	}
	if extra > 0 {
		e.add("link", "%d more problems", extra)
	}
	return s.Canonical(), e
}

func fieldByKey(key string) *Field {
	for _, f := range Fields {
		if f.Key == key {
			return f
		}
	}
	return nil
}

func urlKeys() string {
	keys := make([]string, len(Fields))
	for i, f := range Fields {
		keys[i] = f.Key
	}
	return strings.Join(keys, ", ")
}

// formatBlocks run-length encodes blocks: equal neighbours share one run.
func formatBlocks(blocks []BlockSpec) string {
	var b strings.Builder
	for i := 0; i < len(blocks); {
		n := 1
		for i+n < len(blocks) && blocks[i+n] == blocks[i] {
			n++
		}
		if i > 0 {
			b.WriteByte(',')
		}
		kind := "p"
		if blocks[i].Shortcut {
			kind = "r"
		}
		fmt.Fprintf(&b, "%dx%d%s", blocks[i].Width, blocks[i].Layers, kind)
		if n > 1 {
			fmt.Fprintf(&b, "*%d", n)
		}
		i += n
	}
	return b.String()
}

// blockRun is one run of the blocks value: count copies of block.
type blockRun struct {
	block BlockSpec
	count int
}

// parseBlocks decodes formatBlocks's text. It reads every run and checks the total count
// before it allocates, so "16x2r*999999999" fails at once instead of building a billion
// blocks.
func parseBlocks(v string) ([]BlockSpec, error) {
	if v == "" {
		return []BlockSpec{}, nil // Validate says there must be at least one
	}
	var runs []blockRun
	total := 0
	for text := range strings.SplitSeq(v, ",") {
		r, err := parseRun(text)
		if err != nil {
			return nil, err
		}
		total += r.count // cannot overflow: each count ≤ MaxBlocks and we stop past it
		if total > MaxBlocks {
			return nil, fmt.Errorf("more than %d blocks", MaxBlocks)
		}
		runs = append(runs, r)
	}
	blocks := make([]BlockSpec, 0, total)
	for _, r := range runs {
		for range r.count {
			blocks = append(blocks, r.block)
		}
	}
	return blocks, nil
}

// parseRun reads one run, <width>x<layers><r|p>[*count]. Width and layers are only parsed
// here; Validate checks their ranges and names the block.
func parseRun(text string) (blockRun, error) {
	bad := fmt.Errorf("run %q is not <width>x<layers><r|p>[*count], such as 16x2r*10", text)
	block, countText, hasCount := strings.Cut(text, "*")
	r := blockRun{count: 1}
	if hasCount {
		n, err := strconv.Atoi(countText)
		if err != nil || n < 1 || n > MaxBlocks {
			return blockRun{}, fmt.Errorf("run %q: count must be 1..%d", text, MaxBlocks)
		}
		r.count = n
	}
	if block == "" {
		return blockRun{}, bad
	}
	switch block[len(block)-1] {
	case 'r':
		r.block.Shortcut = true
	case 'p':
	default:
		return blockRun{}, bad
	}
	width, layers, ok := strings.Cut(block[:len(block)-1], "x")
	if !ok {
		return blockRun{}, bad
	}
	var err1, err2 error
	r.block.Width, err1 = strconv.Atoi(width)
	r.block.Layers, err2 = strconv.Atoi(layers)
	if err1 != nil || err2 != nil {
		return blockRun{}, bad
	}
	return r, nil
}
