package link

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"resnetplayground/internal/urlquery"
	"resnetplayground/lab"
)

// The main page's address is index.html?view=sweep&depths=2,8&steps=800&seeds=1,2#<spec>:
// the hash is the Spec's own URL form and nothing else (lab.Parse rejects keys it does not
// know), so how to show the experiment lives in the query string. The Single view and the
// default sweep settings are left out, so most links have no query at all.
//
// On the twins view, a drawn loss landscape adds at=<step>&directions=<seed> (and grid= and
// span= where they differ from the default): with the Spec, that is all it takes to
// reproduce the picture exactly, since training is deterministic. The keys and their limits
// are lab.LandscapeFields', the command line's --steps, --directions, --grid and --span.

// PageQuery is what the main page's query string says.
type PageQuery struct {
	View   View
	Depths []int    // of the depth sweep; nil for DefaultSweepDepths
	Steps  int      // per sweep run; 0 for DefaultSweepSteps
	Seeds  []uint64 // of the sweep; nil for DefaultSweepSeeds
	// Why is the twins' loss landscape to draw (ui/why.go), at Why.At; nil for none.
	Why *lab.LandscapeConfig
}

// The default sweep: the paper's depths, and enough steps for the effect to be clear while
// the whole sweep takes well under a minute (22 s measured on a two-core laptop).
var DefaultSweepDepths = []int{2, 4, 8, 16, 32, 64}

const DefaultSweepSteps = 1500

// MaxSweepSteps keeps a mistyped number from starting an afternoon of training.
const MaxSweepSteps = 100_000

// DefaultSweepSeeds trains every run once: the default sweep must stay well under a minute.
var DefaultSweepSeeds = []uint64{1}

// maxSweepSeeds keeps a pasted list from multiplying a sweep into hours.
const maxSweepSeeds = 20

// ParsePageQuery reads the main page's query string (with or without "?"). It always returns
// a usable query: a bad value falls back to its default and the error says which and why, so
// the page can show it the way it shows a bad hash. Keys it does not know are ignored: sites
// that pass the link on add their own (utm_source, fbclid).
func ParsePageQuery(query string) (PageQuery, error) {
	q := PageQuery{View: ViewSingle}
	values, err := urlquery.ParseQuery(strings.TrimPrefix(query, "?"))
	if err != nil {
		return q, fmt.Errorf("the address's query string is malformed: %v", err)
	}
	var problems []string
	last := func(key string) (string, bool) {
		vs, ok := values[key]
		if !ok || len(vs) == 0 {
			return "", false
		}
		return vs[len(vs)-1], true
	}
	if v, ok := last("view"); ok {
		if view, err := ParseView(v); err != nil {
			problems = append(problems, err.Error())
		} else {
			q.View = view
		}
	}
	if v, ok := last("depths"); ok {
		if d, err := lab.ParseDepths(v); err != nil {
			problems = append(problems, "depths="+clipValue(v)+": "+err.Error())
		} else {
			q.Depths = d
		}
	}
	if v, ok := last("steps"); ok {
		if s, err := ParseSweepSteps(v); err != nil {
			problems = append(problems, "steps="+clipValue(v)+": "+err.Error())
		} else {
			q.Steps = s
		}
	}
	if v, ok := last("seeds"); ok {
		if s, err := ParseSeeds(v); err != nil {
			problems = append(problems, "seeds="+clipValue(v)+": "+err.Error())
		} else {
			q.Seeds = s
		}
	}
	q.Why, problems = parseWhy(last, problems)
	if len(problems) > 0 {
		return q, errors.New(strings.Join(problems, "; "))
	}
	return q, nil
}

// Encode is the query string (without "?") that ParsePageQuery reads back as q; "" for the
// Single view with default sweep settings. Sweep settings are written only for the sweep
// view, and only where they differ from the defaults. Lists keep their commas unescaped,
// which a query string allows, so the address stays readable.
func (q PageQuery) Encode() string {
	var parts []string
	if q.View != "" && q.View != ViewSingle {
		parts = append(parts, "view="+urlquery.QueryEscape(string(q.View)))
	}
	if q.View == ViewSweep {
		if q.Depths != nil && !slices.Equal(q.Depths, DefaultSweepDepths) {
			parts = append(parts, "depths="+JoinInts(q.Depths, ","))
		}
		if q.Steps != 0 && q.Steps != DefaultSweepSteps {
			parts = append(parts, "steps="+strconv.Itoa(q.Steps))
		}
		if q.Seeds != nil && !slices.Equal(q.Seeds, DefaultSweepSeeds) {
			parts = append(parts, "seeds="+JoinSeeds(q.Seeds, ","))
		}
	}
	if q.View == ViewTwins {
		parts = append(parts, whyParts(q.Why)...)
	}
	return strings.Join(parts, "&")
}

// ParseSweepSteps reads the steps each sweep run trains.
func ParseSweepSteps(text string) (int, error) {
	steps, err := strconv.Atoi(strings.TrimSpace(text))
	if err != nil || steps < 1 || steps > MaxSweepSteps {
		return 0, fmt.Errorf("%q is not a whole number from 1 to %d", strings.TrimSpace(text), MaxSweepSteps)
	}
	return steps, nil
}

// ParseSeeds reads seeds typed as "1, 2, 3" (commas or spaces) as `go run . sweep --seeds`
// takes them (lab.ParseSeeds), and keeps a sweep in the browser to at most maxSweepSeeds.
func ParseSeeds(text string) ([]uint64, error) {
	seeds, err := lab.ParseSeeds(text)
	if err == nil && len(seeds) > maxSweepSeeds {
		return nil, fmt.Errorf("%d seeds is too many for the browser: at most %d", len(seeds), maxSweepSeeds)
	}
	return seeds, err
}

func JoinInts(xs []int, sep string) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, sep)
}

func JoinSeeds(xs []uint64, sep string) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.FormatUint(x, 10)
	}
	return strings.Join(s, sep)
}

// PagePath is the main page showing view of spec, relative to the site.
func PagePath(q PageQuery, spec string) string {
	path := "index.html"
	if s := q.Encode(); s != "" {
		path += "?" + s
	}
	return path + "#" + spec
}

// clipValue shortens a value a message quotes to its first 60 bytes and "…", so a message
// about a huge bad value stays a readable sentence (and within what the page can render).
func clipValue(v string) string {
	const keep = 60
	if len(v) <= keep {
		return v
	}
	return strings.ToValidUTF8(v[:keep], "") + "…"
}

// parseWhy reads the landscape picture's keys (lab.LandscapeFields) with last, which gives a
// key's last value: nil when there are none, else the picture with a bad value left at its
// default and a problem saying which and why.
func parseWhy(last func(string) (string, bool), problems []string) (*lab.LandscapeConfig, []string) {
	var why *lab.LandscapeConfig
	for _, f := range lab.LandscapeFields {
		v, ok := last(f.Key)
		if !ok {
			continue
		}
		if why == nil {
			c := lab.DefaultLandscape()
			why = &c
		}
		if _, err := f.Parse(v); err != nil {
			problems = append(problems, f.Key+"="+clipValue(v)+": "+err.Error())
			continue
		}
		f.Set(why, v)
	}
	return why, problems
}

// whyParts are the query's key=value parts naming the picture why (none for nil): at and
// directions always, since they are what the picture is; grid and span where they differ
// from the default.
func whyParts(why *lab.LandscapeConfig) []string {
	if why == nil {
		return nil
	}
	var parts []string
	def := lab.DefaultLandscape()
	for _, f := range lab.LandscapeFields {
		if v := f.Get(*why); f.Key == "at" || f.Key == "directions" || v != f.Get(def) {
			parts = append(parts, f.Key+"="+urlquery.QueryEscape(v))
		}
	}
	return parts
}
