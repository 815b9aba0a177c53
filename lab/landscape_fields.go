package lab

import (
	"fmt"
	"strconv"
	"strings"
)

// LandscapeFields is the one description of the loss landscape's settings that a visitor sets
// and a link carries: their names (the page address's query key, the command-line flag, the
// page's label), their limits and a sentence about each. Validate, the CLI's flags, the page's
// inputs and its address (ui/link) all read them from here, so a limit changed here changes
// everywhere. Together, spec + at + directions (+ grid and span) reproduce a picture exactly:
// training is deterministic, so the weights at step At are the same wherever they are trained.
var LandscapeFields = []*LandscapeField{
	{Key: "grid", Flag: "grid", Label: "grid", Hint: fmt.Sprintf("points per axis, odd, 3 to %d", MaxLandscapeGrid),
		Doc:   fmt.Sprintf("grid points per axis (odd, 3..%d)", MaxLandscapeGrid),
		Whole: true, Odd: true, Min: 3, Max: MaxLandscapeGrid,
		field: func(c *LandscapeConfig) fieldRef { return fieldRef{i: &c.Grid} }},
	{Key: "span", Flag: "span", Label: "span", Hint: fmt.Sprintf("α and β from −span to span, at most %d", MaxLandscapeSpan),
		Doc:     "α and β run from −span to +span (1: each neuron moves by its own weights' norm)",
		MinOpen: true, Min: 0, Max: MaxLandscapeSpan,
		field: func(c *LandscapeConfig) fieldRef { return fieldRef{f: &c.Span} }},
	{Key: "directions", Flag: "directions", Label: "directions", Hint: "seed of the two random directions",
		Doc:   "seed of the two random directions δ and η",
		Whole: true, Min: 0, Max: 1<<53 - 1,
		field: func(c *LandscapeConfig) fieldRef { return fieldRef{u: &c.Seed} }},
	{Key: "at", Flag: "steps", Label: "at step", Hint: fmt.Sprintf("training step of the pictured weights, 0 to %d", MaxLandscapeAt),
		Doc:   "optimisation steps to train each twin before picturing it (0: at initialisation)",
		Whole: true, Min: 0, Max: MaxLandscapeAt,
		field: func(c *LandscapeConfig) fieldRef { return fieldRef{i: &c.At} }},
}

// MaxLandscapeAt bounds the step a picture is taken at: a link cannot start an afternoon of
// training (the page trains the twins to that step before it draws).
const MaxLandscapeAt = 1_000_000

// LandscapeField is one setting of LandscapeConfig (see LandscapeFields).
type LandscapeField struct {
	Key   string // in the page's address
	Flag  string // on the command line
	Label string // beside the page's input
	Hint  string // the input's title
	Doc   string // the flag's help

	Whole    bool // a whole number
	Odd      bool // and odd
	Min, Max float64
	MinOpen  bool // Min itself is not allowed

	field func(*LandscapeConfig) fieldRef
}

// fieldRef points at the setting's value in one config: exactly one of the three is set.
type fieldRef struct {
	i *int
	f *float64
	u *uint64
}

// LandscapeFieldByKey is the setting the page's address calls key, or nil.
func LandscapeFieldByKey(key string) *LandscapeField {
	for _, f := range LandscapeFields {
		if f.Key == key {
			return f
		}
	}
	return nil
}

// Get is the setting's value in c, written as Set reads it.
func (f *LandscapeField) Get(c LandscapeConfig) string {
	r := f.field(&c)
	switch {
	case r.i != nil:
		return strconv.Itoa(*r.i)
	case r.u != nil:
		return strconv.FormatUint(*r.u, 10)
	}
	return strconv.FormatFloat(*r.f, 'g', -1, 64)
}

// Set reads text into c's setting, or says in a sentence why it cannot, leaving c as it was.
func (f *LandscapeField) Set(c *LandscapeConfig, text string) error {
	x, err := f.Parse(text)
	if err != nil {
		return fmt.Errorf("%s: %w", f.Label, err)
	}
	r := f.field(c)
	switch {
	case r.i != nil:
		*r.i = int(x)
	case r.u != nil:
		*r.u = uint64(x)
	default:
		*r.f = x
	}
	return nil
}

// Parse reads text as the setting's value, or says why it is not one (without naming the
// setting: the caller does, as the page's label or the address's key).
func (f *LandscapeField) Parse(text string) (float64, error) {
	text = strings.TrimSpace(text)
	x, err := strconv.ParseFloat(text, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not a number; %s", clip(text), f.want())
	}
	if !f.allows(x) {
		return 0, fmt.Errorf("%s is not allowed; %s", strconv.FormatFloat(x, 'g', -1, 64), f.want())
	}
	return x, nil
}

// check says why x is not allowed, or nil.
func (f *LandscapeField) check(x float64) error {
	if !f.allows(x) {
		return fmt.Errorf("%s: %s is not allowed; %s", f.Label, strconv.FormatFloat(x, 'g', -1, 64), f.want())
	}
	return nil
}

func (f *LandscapeField) allows(x float64) bool {
	bad := x != x || x < f.Min || x > f.Max || (f.MinOpen && x == f.Min) ||
		(f.Whole && x != float64(int64(x))) || (f.Odd && int64(x)%2 == 0)
	return !bad
}

// value is the setting's value in c as a number.
func (f *LandscapeField) value(c LandscapeConfig) float64 {
	r := f.field(&c)
	switch {
	case r.i != nil:
		return float64(*r.i)
	case r.u != nil:
		return float64(*r.u)
	}
	return *r.f
}

// want says what the setting takes.
func (f *LandscapeField) want() string {
	lo, hi := strconv.FormatFloat(f.Min, 'f', -1, 64), strconv.FormatFloat(f.Max, 'f', -1, 64)
	switch {
	case f.Odd:
		return "use an odd number from " + lo + " to " + hi + ", so the centre is the weights themselves"
	case f.Whole:
		return "use a whole number from " + lo + " to " + hi
	case f.MinOpen:
		return "use a number above " + lo + " and at most " + hi + " (1 moves every neuron by its own weights' norm)"
	}
	return "use a number from " + lo + " to " + hi
}
