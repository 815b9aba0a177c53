package link

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"resnetplayground/internal/urlquery"
	"resnetplayground/lab"
	"resnetplayground/ui/export"
)

// An embed is embed.html?views=diagram,charts&caption=…&autoplay=1#<spec>: the query string
// says how to show the experiment and the hash is the Spec's own URL form, exactly as on the
// main page, so every shared link keeps working and lab.Parse never sees a key it does not
// know.

// EmbedView is a part of the page an embed can show.
type EmbedView struct {
	Name  string // in the views= list
	Label string // in the embed dialog
}

// EmbedViews are the views an embed can show, in page order. A new view adds itself here
// and to embed.vugu.
var EmbedViews = []EmbedView{
	{"controls", "Settings and block editor"},
	{"diagram", "Network diagram"},
	{"heatmap", "Decision boundary"},
	{"charts", "Loss and accuracy charts"},
	{"twin", "Plain and residual twins, side by side"},
	{"landscape", "Why shortcuts work: the twins' loss landscapes"},
	{"gradients", "Why shortcuts work: their shattered gradients"},
	{"sweep", "Depth sweep (the reader starts it)"},
}

// viewAliases are names earlier links used for several views: "why" was the Why panel,
// both pictures, before each could be chosen alone. Links keep working.
var viewAliases = map[string][]string{"why": {"landscape", "gradients"}}

// EmbedOptions say what an embed shows and how the snippet places it.
type EmbedOptions struct {
	Views    []string // names from EmbedViews, in page order
	Caption  string   // shown above the views and on the poster
	Autoplay bool     // start training as soon as the embed is running
	Height   int      // the iframe's height in CSS pixels (the snippet's, not the query's)
	// Why is the twins' loss landscape to draw as the embed starts, as on the main page
	// (PageQuery.Why): a teacher's embed shows the picture the teacher drew. nil for none.
	Why *lab.LandscapeConfig
}

// Embed limits.
const (
	MaxCaption       = 300
	MinEmbedHeight   = 160
	MaxEmbedHeight   = 3000
	DefaultEmbedSize = 600
)

// DefaultEmbedOptions shows what the network learns and how fast: the views that make most
// points, and fit a column of prose.
func DefaultEmbedOptions() EmbedOptions {
	return EmbedOptions{Views: []string{"heatmap", "charts"}, Height: DefaultEmbedSize}
}

// ParseEmbedQuery reads embed options from a query string (with or without "?"). Missing
// keys keep their defaults. It returns usable options even with an error: unknown views and
// keys are dropped, an overlong caption is cut, and the error says what was wrong so the
// embed can tell its author.
func ParseEmbedQuery(query string) (EmbedOptions, error) {
	o := DefaultEmbedOptions()
	values, err := urlquery.ParseQuery(strings.TrimPrefix(query, "?"))
	if err != nil {
		return o, fmt.Errorf("embed options: %v", err)
	}
	var problems []string
	o.Why, problems = parseWhy(func(key string) (string, bool) {
		vs := values[key]
		if len(vs) == 0 {
			return "", false
		}
		return vs[len(vs)-1], true
	}, problems)
	for key, vs := range values {
		v := vs[len(vs)-1]
		if lab.LandscapeFieldByKey(key) != nil {
			continue // read above
		}
		switch key {
		case "views":
			views, bad := ParseViews(v)
			if len(bad) > 0 {
				problems = append(problems, fmt.Sprintf("unknown view %s (known: %s)", strings.Join(bad, ", "), knownViews()))
			}
			if len(views) > 0 {
				o.Views = views
			}
		case "caption":
			o.Caption = strings.TrimSpace(v)
			if n := len([]rune(o.Caption)); n > MaxCaption {
				o.Caption = string([]rune(o.Caption)[:MaxCaption]) + "…"
				problems = append(problems, fmt.Sprintf("the caption is %d characters long; at most %d are shown", n, MaxCaption))
			}
		case "autoplay":
			o.Autoplay = v == "1" || v == "true"
			if v != "0" && v != "1" && v != "true" && v != "false" {
				problems = append(problems, fmt.Sprintf("autoplay=%s: want 1 or 0", v))
			}
		default:
			problems = append(problems, fmt.Sprintf("unknown option %q (known: views, caption, autoplay, and for the landscapes at, directions, grid, span)", key))
		}
	}
	if len(problems) > 0 {
		slices.Sort(problems) // map order must not change the message
		return o, errors.New("embed options: " + strings.Join(problems, "; "))
	}
	return o, nil
}

// ParseViews splits a comma-separated list into known views (in page order, each once) and
// unknown names.
func ParseViews(list string) (views, unknown []string) {
	asked := map[string]bool{}
	for name := range strings.SplitSeq(list, ",") {
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" {
			continue
		}
		if alias, ok := viewAliases[name]; ok {
			for _, v := range alias {
				asked[v] = true
			}
			continue
		}
		if !slices.ContainsFunc(EmbedViews, func(v EmbedView) bool { return v.Name == name }) {
			unknown = append(unknown, strconv.Quote(name))
			continue
		}
		asked[name] = true
	}
	for _, v := range EmbedViews {
		if asked[v.Name] {
			views = append(views, v.Name)
		}
	}
	return views, unknown
}

func knownViews() string {
	names := make([]string, len(EmbedViews))
	for i, v := range EmbedViews {
		names[i] = v.Name
	}
	return strings.Join(names, ", ")
}

// Query is the options as a query string (without "?"), which ParseEmbedQuery reads back.
// Autoplay and caption appear only when set, to keep links short; the landscape picture only
// with a view that shows it.
func (o EmbedOptions) Query() string {
	q := "views=" + strings.Join(o.Views, ",")
	if o.Caption != "" {
		q += "&caption=" + urlquery.QueryEscape(o.Caption)
	}
	if o.Autoplay {
		q += "&autoplay=1"
	}
	if o.Has("landscape") || o.Has("gradients") || o.Has("twin") {
		for _, p := range whyParts(o.Why) {
			q += "&" + p
		}
	}
	return q
}

// Has reports whether the embed shows the named view.
func (o EmbedOptions) Has(view string) bool { return slices.Contains(o.Views, view) }

// EmbedPath is the embed page's address relative to the site: embed.html?<options>#<spec>.
func EmbedPath(o EmbedOptions, spec lab.Spec) string {
	return "embed.html?" + o.Query() + "#" + spec.String()
}

// FullPlaygroundPath is the main page with the same experiment, relative to the site.
func FullPlaygroundPath(spec lab.Spec) string {
	return PagePath(PageQuery{View: ViewSingle}, spec.String())
}

// SiteBase is the folder of a page's URL (query and hash dropped, up to the last "/"), which
// the site's relative paths resolve against: "https://x.org/demos/resnet/index.html#b=1"
// gives "https://x.org/demos/resnet/".
func SiteBase(pageURL string) string {
	u, _, _ := strings.Cut(pageURL, "#")
	u, _, _ = strings.Cut(u, "?")
	if i := strings.LastIndex(u, "/"); i >= 0 {
		return u[:i+1]
	}
	return u
}

// EmbedSnippet is the HTML a blog author pastes: an iframe with a fixed height (which works
// alone) and the optional host script that resizes it to its content. Loading is lazy, so
// a reader who never scrolls to it downloads nothing but this.
func EmbedSnippet(base string, o EmbedOptions, spec lab.Spec) string {
	h := min(max(o.Height, MinEmbedHeight), MaxEmbedHeight)
	title := "ResNet Playground"
	if o.Caption != "" {
		title += ": " + o.Caption
	}
	return fmt.Sprintf(`<iframe src="%s" title="%s" width="100%%" height="%d" style="border:0;max-width:100%%" loading="lazy" allow="clipboard-write"></iframe>
<script src="%s" async></script>`,
		export.EscapeXML(base+EmbedPath(o, spec)), export.EscapeXML(title), h, export.EscapeXML(base+"embed.js"))
}
