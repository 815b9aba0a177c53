package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"resnetplayground/ui/link"
	"slices"
	"strconv"
	"testing"

	"github.com/vugu/html"

	"resnetplayground/lab"
)

// controlFields says which lab field each number control of the page edits, by element id.
// Controls missing here are 1-based indices or options of their own, listed in ownLimits.
var controlFields = map[string]*lab.Field{
	"depth":       lab.DepthField,
	"twin-depth":  lab.DepthField,
	"block-width": lab.BlockWidthField,
}

// ownLimits are the number controls that edit no Spec field: their limits are not lab's.
var ownLimits = []string{
	"block-no", "lesion-block", // a block's 1-based number, up to the depth
	"sweep-steps", // a sweep's steps; checked by link.ParseSweepSteps
}

// Every number control on the page takes its min and max from lab's field table: rendered
// in every view, each settings control has its field's limits, the block editor's and the
// twins' controls have the block settings' limits, and no .vugu file writes a limit of its
// own for anything else.
func TestEveryControlsLimitsComeFromTheFieldTable(t *testing.T) {
	c, _, _ := compareWith(t, "b=16x2p*5")
	root := &Root{App: c.App, Compare: c}
	checked := map[string]bool{}
	for _, view := range []link.View{link.ViewSingle, link.ViewTwins, link.ViewSweep} {
		c.SetView(view)
		walkInputs(render(t, root), func(n *html.Node) {
			id := attr(n, "id")
			if key, ok := cutPrefix(id, "why-"); ok { // the Why panel's: lab.LandscapeFields
				lf := lab.LandscapeFieldByKey(key)
				if lf == nil {
					t.Errorf("number control %q is not tied to a setting of lab's LandscapeFields", id)
					return
				}
				checked[id] = true
				if attr(n, "min") != strconv.FormatFloat(lf.Min, 'f', -1, 64) || attr(n, "max") != strconv.FormatFloat(lf.Max, 'f', -1, 64) {
					t.Errorf("#%s min=%q max=%q, want lab's %v..%v", id, attr(n, "min"), attr(n, "max"), lf.Min, lf.Max)
				}
				return
			}
			var f *lab.Field
			if name, ok := cutPrefix(id, "set-"); ok {
				f = lab.FieldNamed(name)
			} else {
				f = controlFields[id]
			}
			if f == nil {
				if !slices.Contains(ownLimits, id) {
					t.Errorf("number control %q is not tied to a field of lab's table", id)
				}
				return
			}
			checked[id] = true
			if got, want := attr(n, "min"), f.ControlMin(); got != want {
				t.Errorf("#%s min=%q, want %q from lab's %s", id, got, want, f.Name)
			}
			if got, want := attr(n, "max"), f.ControlMax(); got != want {
				t.Errorf("#%s max=%q, want %q from lab's %s", id, got, want, f.Name)
			}
		})
	}
	for _, f := range lab.Fields {
		if f.Group != "" && (f.Kind == lab.Int || f.Kind == lab.Float || f.Kind == lab.Seed) && !checked["set-"+f.Name] {
			t.Errorf("lab's %s has no number control #set-%s on the page", f.Name, f.Name)
		}
	}
	for _, key := range []string{"grid", "span", "directions"} {
		if !checked["why-"+key] {
			t.Errorf("the Why panel has no number control #why-%s", key)
		}
	}
	for id := range controlFields {
		if !checked[id] {
			t.Errorf("no number control #%s was rendered", id)
		}
	}

	// The layers menu offers exactly the table's range, and every select its options.
	a, _ := appWith(t, "")
	var layers []string
	walk(render(t, &BlockEditor{App: a}), func(n *html.Node) {
		if n.Data == "option" && n.Parent != nil && attr(n.Parent, "id") == "block-layers" {
			layers = append(layers, attr(n, "value"))
		}
	})
	if want := wholeNumbers(lab.LayersField); !slices.Equal(layers, want) {
		t.Errorf("layers menu %v, want %v", layers, want)
	}
	for _, g := range Groups {
		for _, ctl := range g.Controls {
			if f := lab.FieldNamed(ctl.Field); ctl.Label != f.Label || !slices.Equal(ctl.Options, f.Options) {
				t.Errorf("control %s: label %q options %v; the table says %q %v", ctl.Field, ctl.Label, ctl.Options, f.Label, f.Options)
			}
		}
	}

	// No literal limit in a .vugu file, except on the controls with limits of their own.
	files, _ := filepath.Glob("*.vugu")
	literal := regexp.MustCompile(`<input[^>]*\sid="([^"]+)"[^>]*\s(?:min|max)="[0-9]`)
	literalFirst := regexp.MustCompile(`<input[^>]*\s(?:min|max)="[0-9][^>]*\sid="([^"]+)"`)
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, re := range []*regexp.Regexp{literal, literalFirst} {
			for _, m := range re.FindAllStringSubmatch(string(b), -1) {
				if !slices.Contains(ownLimits, m[1]) {
					t.Errorf("%s: #%s writes its limit literally; take it from lab's table", file, m[1])
				}
			}
		}
	}
}

func walkInputs(doc *html.Node, visit func(*html.Node)) {
	walk(doc, func(n *html.Node) {
		if n.Data == "input" && attr(n, "type") == "number" {
			visit(n)
		}
	})
}

func walk(n *html.Node, visit func(*html.Node)) {
	if n.Type == html.ElementNode {
		visit(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, visit)
	}
}

func cutPrefix(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && s[:len(prefix)] == prefix {
		return s[len(prefix):], true
	}
	return "", false
}
