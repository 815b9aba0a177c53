package ui

import (
	"resnetplayground/ui/link"
	"strings"
	"testing"
)

// The address follows the view and the sweep's settings once the page has read it, and a
// link's query shows what it names.
func TestCompareMirrorsTheViewIntoTheQuery(t *testing.T) {
	c, _, ch := compareWith(t, "b=16x2p*4")
	c.SetView(link.ViewTwins)
	if len(ch.queries) != 0 {
		t.Fatalf("the query was written (%q) before the page read it", ch.queries)
	}
	c.SetView(link.ViewSingle)

	c.LoadQuery("?view=sweep&depths=2,8&steps=100&seeds=1,2")
	if c.View != link.ViewSweep || c.Sweep.DepthsText != "2, 8" || c.Sweep.StepsText != "100" || c.Sweep.SeedsText != "1, 2" {
		t.Fatalf("view %q, sweep settings %q %q %q; want the link's", c.View, c.Sweep.DepthsText, c.Sweep.StepsText, c.Sweep.SeedsText)
	}
	if c.App.Notice() != "" {
		t.Errorf("a good query left a notice: %q", c.App.Notice())
	}
	sweep := &Sweep{Compare: c}
	sweep.setSeeds("1, 2, 3")
	if got := ch.queries[len(ch.queries)-1]; got != "view=sweep&depths=2,8&steps=100&seeds=1,2,3" {
		t.Errorf("after typing seeds the query is %q", got)
	}
	sweep.setSteps("lots")
	if !strings.Contains(c.Sweep.Msg, "Steps") {
		t.Errorf("typing bad steps gave the message %q", c.Sweep.Msg)
	}
	c.SetView(link.ViewTwins)
	if got := ch.queries[len(ch.queries)-1]; got != "view=twins" {
		t.Errorf("after switching to the twins the query is %q", got)
	}
	c.SetView(link.ViewSingle)
	if got := ch.queries[len(ch.queries)-1]; got != "" {
		t.Errorf("the single view's query is %q, want none", got)
	}
}

func TestBadViewInTheQueryShowsANoticeAndTheSingleView(t *testing.T) {
	c, _, _ := compareWith(t, "b=oops")
	hashNotice := c.App.Notice()
	c.LoadQuery("view=carousel")
	if c.View != link.ViewSingle {
		t.Errorf("view %q, want single", c.View)
	}
	if !strings.Contains(c.App.Notice(), `"carousel"`) || !strings.HasPrefix(c.App.Notice(), hashNotice) {
		t.Errorf("notice %q: want the hash's notice, then one about the view", c.App.Notice())
	}
}

// Every view an address can name has a tab, in the same order.
func TestEveryViewHasATab(t *testing.T) {
	if len(ViewTabs) != len(link.Views) {
		t.Fatalf("%d tabs for %d views", len(ViewTabs), len(link.Views))
	}
	for i, v := range link.Views {
		if ViewTabs[i].View != v {
			t.Errorf("tab %d is %q, want %q", i, ViewTabs[i].View, v)
		}
	}
}
