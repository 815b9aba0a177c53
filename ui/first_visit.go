package ui

import (
	"strings"

	"resnetplayground/internal/urlquery"
	"resnetplayground/ui/link"
)

// A first visit, an address that names neither an experiment (no hash) nor a view, lands on
// the twins: the default deep network twice, plain and residual, side by side. Pressing Play
// is then all it takes to see the point of the page, a deep plain net stuck at chance beside
// its residual twin that learns, within seconds. A link with an experiment but no view still
// opens the Single view, as such links always have (the page writes the hash as soon as it
// starts, so a reload of the Single view stays there).

// FirstVisit reports whether the page was opened at an address with neither hash nor view.
func FirstVisit(query, hash string) bool {
	if strings.TrimPrefix(hash, "#") != "" {
		return false
	}
	values, err := urlquery.ParseQuery(strings.TrimPrefix(query, "?"))
	return err == nil && !values.Has("view")
}

// LoadAddress shows what the main page's address asks for (see LoadQuery), and the twins on
// a first visit. hash is the address's hash as the page was opened, before NewApp wrote one.
func (c *Compare) LoadAddress(query, hash string) {
	c.LoadQuery(query)
	if FirstVisit(query, hash) {
		c.SetView(link.ViewTwins)
	}
}
