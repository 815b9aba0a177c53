package ui

import (
	"slices"
	"strings"
	"testing"
)

func TestPageQueryRoundTrips(t *testing.T) {
	for _, q := range []PageQuery{
		{View: ViewTwins},
		{View: ViewSweep, Depths: []int{2, 8}, Steps: 100, Seeds: []uint64{1, 2}},
		{View: ViewSweep, Depths: []int{4}, Seeds: []uint64{18446744073709551615}},
	} {
		enc := q.Encode()
		got, err := ParsePageQuery("?" + enc)
		if err != nil {
			t.Fatalf("%q: %v", enc, err)
		}
		if got.View != q.View || !slices.Equal(got.Depths, q.Depths) || got.Steps != q.Steps || !slices.Equal(got.Seeds, q.Seeds) {
			t.Errorf("%+v → %q → %+v", q, enc, got)
		}
	}
}

func TestPageQueryLeavesDefaultsOut(t *testing.T) {
	for _, tc := range []struct {
		q    PageQuery
		want string
	}{
		{PageQuery{View: ViewSingle}, ""},
		{PageQuery{}, ""},
		{PageQuery{View: ViewTwins, Depths: []int{2}}, "view=twins"}, // sweep settings only for the sweep
		{PageQuery{View: ViewSweep, Depths: DefaultSweepDepths, Steps: DefaultSweepSteps, Seeds: DefaultSweepSeeds}, "view=sweep"},
		{PageQuery{View: ViewSweep, Depths: []int{2, 4, 8}, Steps: 1500, Seeds: []uint64{1, 2, 3}}, "view=sweep&depths=2,4,8&seeds=1,2,3"},
	} {
		if got := tc.q.Encode(); got != tc.want {
			t.Errorf("%+v encodes as %q, want %q", tc.q, got, tc.want)
		}
	}
}

func TestBadPageQueriesFallBackWithClearMessages(t *testing.T) {
	for _, tc := range []struct {
		query string
		view  View
		want  []string // in the error
	}{
		{"view=sideways", ViewSingle, []string{`"sideways"`, "single, twins, sweep"}},
		{"view=TWINS", ViewTwins, nil},
		{"view=sweep&depths=2,x", ViewSweep, []string{"depths=2,x", `"x"`}},
		{"view=sweep&steps=0", ViewSweep, []string{"steps=0", "1 to 100000"}},
		{"view=sweep&seeds=1,1", ViewSweep, []string{"seeds=1,1", "seed 1 is listed twice"}},
		{"view=sweep&seeds=-3", ViewSweep, []string{`"-3" is not a seed`}},
		{"view=twins&utm_source=x&fbclid=y", ViewTwins, nil}, // other sites' keys are ignored
		{"view=%zz", ViewSingle, []string{"malformed"}},
	} {
		q, err := ParsePageQuery(tc.query)
		if q.View != tc.view {
			t.Errorf("%q: view %q, want %q", tc.query, q.View, tc.view)
		}
		if len(tc.want) == 0 {
			if err != nil {
				t.Errorf("%q: unexpected error %v", tc.query, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("%q: no error", tc.query)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%q: error %q does not mention %q", tc.query, err, w)
			}
		}
	}
}

func TestParseSeeds(t *testing.T) {
	got, err := ParseSeeds(" 3, 1;2 ")
	if err != nil || !slices.Equal(got, []uint64{3, 1, 2}) {
		t.Errorf("ParseSeeds = %v, %v; want [3 1 2] in the order typed", got, err)
	}
	for _, bad := range []string{"", " , ", "1.5", "x", "1,2,1", strings.Repeat("7,", 0) + "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21"} {
		if _, err := ParseSeeds(bad); err == nil {
			t.Errorf("ParseSeeds(%q) gave no error", bad)
		}
	}
}

// The address follows the view and the sweep's settings once the page has read it, and a
// link's query shows what it names.
func TestCompareMirrorsTheViewIntoTheQuery(t *testing.T) {
	c, _, ch := compareWith(t, "b=16x2p*4")
	c.SetView(ViewTwins)
	if len(ch.queries) != 0 {
		t.Fatalf("the query was written (%q) before the page read it", ch.queries)
	}
	c.SetView(ViewSingle)

	c.LoadQuery("?view=sweep&depths=2,8&steps=100&seeds=1,2")
	if c.View != ViewSweep || c.Sweep.DepthsText != "2, 8" || c.Sweep.StepsText != "100" || c.Sweep.SeedsText != "1, 2" {
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
	c.SetView(ViewTwins)
	if got := ch.queries[len(ch.queries)-1]; got != "view=twins" {
		t.Errorf("after switching to the twins the query is %q", got)
	}
	c.SetView(ViewSingle)
	if got := ch.queries[len(ch.queries)-1]; got != "" {
		t.Errorf("the single view's query is %q, want none", got)
	}
}

func TestBadViewInTheQueryShowsANoticeAndTheSingleView(t *testing.T) {
	c, _, _ := compareWith(t, "b=oops")
	hashNotice := c.App.Notice()
	c.LoadQuery("view=carousel")
	if c.View != ViewSingle {
		t.Errorf("view %q, want single", c.View)
	}
	if !strings.Contains(c.App.Notice(), `"carousel"`) || !strings.HasPrefix(c.App.Notice(), hashNotice) {
		t.Errorf("notice %q: want the hash's notice, then one about the view", c.App.Notice())
	}
}
