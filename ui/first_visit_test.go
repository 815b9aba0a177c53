package ui

import (
	"testing"

	"resnetplayground/ui/link"
)

func TestAFirstVisitLandsOnTheTwins(t *testing.T) {
	for _, tc := range []struct {
		query, hash string
		want        link.View
	}{
		{"", "", link.ViewTwins},                      // the bare address
		{"?utm_source=post", "", link.ViewTwins},      // a bare address passed on by a site
		{"", "#b=16x2p*8", link.ViewSingle},           // a link to an experiment, as always
		{"?view=single", "", link.ViewSingle},         // asked for by name
		{"?view=sweep", "", link.ViewSweep},           // likewise
		{"?view=twins", "#b=16x2p*8", link.ViewTwins}, // likewise
		{"?view=nonsense", "", link.ViewSingle},       // a bad view: the notice and the Single view
	} {
		c, _, ch := compareWith(t, tc.hash)
		c.LoadAddress(tc.query, tc.hash)
		if c.View != tc.want {
			t.Errorf("address %q%q opened %q, want %q", tc.query, tc.hash, c.View, tc.want)
		}
		if tc.want == link.ViewTwins && (c.Twins == nil || len(ch.queries) == 0 || ch.queries[len(ch.queries)-1] != "view=twins") {
			t.Errorf("address %q%q: the twins were not built or the address does not say view=twins (%q)", tc.query, tc.hash, ch.queries)
		}
	}
}
