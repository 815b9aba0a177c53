package lab

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// The short URL form of a Spec, for the page's URL hash (TensorFlow Playground keeps its state
// the same way): "&"-separated key=value pairs with short keys, such as
//
//	d=spiral&k=2&n=600&z=0.1&f=0.5&w=16&b=16x2p*24&a=relu&bn=0&o=adam&lr=0.003&wd=0&bs=32&s=1
//
// Blocks are run-length encoded: runs of <width>x<layers><r|p>[*count] separated by commas,
// r for a residual block (shortcut on) and p for a plain one, so b=16x2r*10,32x1p is ten
// residual 16-wide two-layer blocks followed by one plain 32-wide one-layer block.

// maxLinkLen bounds the text Parse reads. The longest valid form (128 blocks that all differ)
// is about 1 KB; anything far longer is not a link we made.
const maxLinkLen = 4096

// urlField is one key of the URL form: how to print and parse the Spec field it stands for.
type urlField struct {
	key   string // in the URL
	field string // the JSON name, used in error messages
	get   func(s *Spec) string
	set   func(s *Spec, v string) error // the error explains v, without naming the key
}

// urlFields is in the order String prints.
var urlFields = []urlField{
	nameField("d", "dataset", func(s *Spec) *string { return &s.Dataset }),
	intField("k", "classes", func(s *Spec) *int { return &s.Classes }),
	intField("n", "points", func(s *Spec) *int { return &s.Points }),
	floatField("z", "noise", func(s *Spec) *float64 { return &s.Noise }),
	floatField("f", "train_frac", func(s *Spec) *float64 { return &s.TrainFrac }),
	intField("w", "width", func(s *Spec) *int { return &s.Width }),
	{"b", "blocks", func(s *Spec) string { return formatBlocks(s.Blocks) },
		func(s *Spec, v string) (err error) { s.Blocks, err = parseBlocks(v); return err }},
	nameField("a", "activation", func(s *Spec) *string { return &s.Activation }),
	{"bn", "batch_norm", func(s *Spec) string { return fmtBool(s.BatchNorm) },
		func(s *Spec, v string) (err error) { s.BatchNorm, err = parseBool(v); return err }},
	nameField("o", "optimizer", func(s *Spec) *string { return &s.Optimizer }),
	floatField("lr", "lr", func(s *Spec) *float64 { return &s.LR }),
	floatField("wd", "weight_decay", func(s *Spec) *float64 { return &s.WeightDecay }),
	intField("bs", "batch", func(s *Spec) *int { return &s.Batch }),
	{"s", "seed", func(s *Spec) string { return strconv.FormatUint(s.Seed, 10) }, parseSeed},
}

// String returns the short URL form of s, which Parse reads back to exactly s. Floats are
// printed in their shortest exact form, so nothing is lost on the way.
func (s Spec) String() string {
	var b strings.Builder
	for i, f := range urlFields {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(f.key)
		b.WriteByte('=')
		b.WriteString(f.get(&s))
	}
	return b.String()
}

// Parse reads the short URL form that String writes, with or without a leading "#", and
// validates the result. Keys it leaves out keep their Default values, so a short link such as
// "b=16x2r*24" is a whole experiment. Unknown keys, repeated keys and malformed values are
// errors, all of them reported in one *SpecError whose Field is the JSON name of the field
// (or "link" for problems that belong to no field). Values may be percent-encoded.
func Parse(str string) (Spec, error) {
	str = strings.TrimPrefix(str, "#")
	if len(str) > maxLinkLen {
		return Spec{}, &SpecError{[]FieldError{{"link", fmt.Sprintf("%d characters long; at most %d", len(str), maxLinkLen)}}}
	}
	s := Default()
	var e SpecError
	seen := make(map[string]bool, len(urlFields))
	for pair := range strings.SplitSeq(str, "&") {
		if pair == "" {
			continue // tolerate "a=1&&b=2" and a trailing "&"
		}
		key, raw, ok := strings.Cut(pair, "=")
		if !ok {
			e.add("link", "%q is not key=value", pair)
			continue
		}
		f, known := lookupURLField(key)
		if !known {
			e.add("link", "unknown key %q; known keys are %s", key, urlKeys())
			continue
		}
		if seen[key] {
			e.add(f.field, "key %s given twice", key)
			continue
		}
		seen[key] = true
		v, err := url.PathUnescape(raw) // PathUnescape keeps "+", which floats like 1e+21 use
		if err == nil {
			err = f.set(&s, v)
		}
		if err != nil {
			e.add(f.field, "%s=%s: %v", key, raw, err)
		}
	}
	if len(e.Fields) > 0 {
		return Spec{}, &e
	}
	if err := s.Validate(); err != nil {
		return Spec{}, err
	}
	return s, nil
}

func lookupURLField(key string) (urlField, bool) {
	for _, f := range urlFields {
		if f.key == key {
			return f, true
		}
	}
	return urlField{}, false
}

func urlKeys() string {
	keys := make([]string, len(urlFields))
	for i, f := range urlFields {
		keys[i] = f.key
	}
	return strings.Join(keys, ", ")
}

// nameField is a string field holding a name from a fixed list. It is percent-encoded so
// that even an invalid name cannot break the key=value structure; valid names are plain
// words and come out unchanged.
func nameField(key, field string, ptr func(*Spec) *string) urlField {
	return urlField{key, field,
		func(s *Spec) string { return strings.ReplaceAll(url.QueryEscape(*ptr(s)), "+", "%20") },
		func(s *Spec, v string) error { *ptr(s) = v; return nil },
	}
}

func intField(key, field string, ptr func(*Spec) *int) urlField {
	return urlField{key, field,
		func(s *Spec) string { return strconv.Itoa(*ptr(s)) },
		func(s *Spec, v string) error {
			n, err := strconv.Atoi(v)
			if err != nil {
				return numberError(err, "a whole number")
			}
			*ptr(s) = n
			return nil
		},
	}
}

func floatField(key, field string, ptr func(*Spec) *float64) urlField {
	return urlField{key, field,
		func(s *Spec) string { return fmtFloat(*ptr(s)) },
		func(s *Spec, v string) error {
			x, err := strconv.ParseFloat(v, 64)
			if err != nil {
				return numberError(err, "a number")
			}
			*ptr(s) = x
			return nil
		},
	}
}

// numberError explains a strconv failure: the text is either too large or not a number.
func numberError(err error, what string) error {
	if errors.Is(err, strconv.ErrRange) {
		return errors.New("too large")
	}
	return errors.New("not " + what)
}

func parseSeed(s *Spec, v string) error {
	n, err := strconv.ParseUint(v, 10, 64)
	if err != nil {
		return errors.New("not a whole number from 0 to 18446744073709551615")
	}
	s.Seed = n
	return nil
}

func fmtBool(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

func parseBool(v string) (bool, error) {
	switch v {
	case "1", "true":
		return true, nil
	case "0", "false":
		return false, nil
	}
	return false, errors.New("want 1 or 0")
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
