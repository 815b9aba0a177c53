// Package link is what a page's address says besides the experiment: the main page's query
// string (the view on screen, the sweep's settings) and an embed's options. The hash is the
// Spec's own URL form (lab.Parse), so every shared link keeps working. Parsing never fails
// outright: a bad value falls back to its default, and the error says which and why.
package link

import (
	"fmt"
	"strings"
)

// View is which of the page's views is on screen: one network to build and train, a plain
// network beside its residual twin, or the depth sweep.
type View string

const (
	ViewSingle View = "single"
	ViewTwins  View = "twins"
	ViewSweep  View = "sweep"
)

// Views are every view, in the order the page offers them.
var Views = []View{ViewSingle, ViewTwins, ViewSweep}

// ParseView reads a view's name as the query string spells it.
func ParseView(name string) (View, error) {
	v := View(strings.ToLower(strings.TrimSpace(name)))
	for _, known := range Views {
		if known == v {
			return v, nil
		}
	}
	names := make([]string, len(Views))
	for i, known := range Views {
		names[i] = string(known)
	}
	return ViewSingle, fmt.Errorf("there is no view %q (known: %s)", name, strings.Join(names, ", "))
}
