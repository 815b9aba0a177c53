package link

import (
	"resnetplayground/lab"
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

// A drawn landscape travels in the twins view's address: its step and directions always,
// grid and span where they are not the default; a link read back gives the same settings.
func TestPageQueryCarriesTheLandscape(t *testing.T) {
	why := lab.DefaultLandscape()
	why.At, why.Seed = 1500, 3
	q := PageQuery{View: ViewTwins, Why: &why}
	if got, want := q.Encode(), "view=twins&directions=3&at=1500"; got != want {
		t.Errorf("encodes as %q, want %q", got, want)
	}
	why.Grid, why.Span = 21, 0.5
	enc := q.Encode()
	if enc != "view=twins&grid=21&span=0.5&directions=3&at=1500" {
		t.Errorf("encodes as %q", enc)
	}
	got, err := ParsePageQuery(enc)
	if err != nil || got.Why == nil || *got.Why != why {
		t.Errorf("%q reads back as %+v, %v; want %+v", enc, got.Why, err, why)
	}
	if (PageQuery{View: ViewSweep, Why: &why}).Encode() != "view=sweep" {
		t.Error("the landscape was written into the sweep view's address")
	}
	// Bad values: each says which key and what it takes; the rest of the picture stands.
	for query, want := range map[string][]string{
		"view=twins&at=1500&grid=30":                       {"grid=30", "odd number from 3 to 101"},
		"view=twins&at=-1&directions=2":                    {"at=-1", "whole number from 0 to 1000000"},
		"view=twins&at=5&span=0":                           {"span=0", "above 0 and at most 10"},
		"view=twins&at=5&span=lots":                        {"span=lots", `"lots" is not a number`},
		"view=twins&at=5&directions=1e300":                 {"directions=1e300", "whole number from 0 to"},
		"view=twins&at=5&grid=" + strings.Repeat("9", 500): {"grid=99999", "…"},
	} {
		got, err := ParsePageQuery(query)
		if err == nil {
			t.Errorf("%q: no error", query)
			continue
		}
		for _, w := range want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%q: error %q does not mention %q", query, err, w)
			}
		}
		if got.View != ViewTwins || got.Why == nil || got.Why.Validate() != nil {
			t.Errorf("%q: %+v; want the twins view and a valid picture from what could be read", query, got.Why)
		}
	}
}
