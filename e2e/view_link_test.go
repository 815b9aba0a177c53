package e2e

import (
	"strings"
	"testing"
	"time"
)

// The view on screen is part of the page's address, in its query string; the hash stays the
// Spec. The sweep's settings ride along, so a shared sweep link reproduces the sweep.

func TestLinkOpensTheTwinView(t *testing.T) {
	p := newPage(t, 1280, 900)
	p.open(t, "index.html?view=twins#b=16x2p*6")
	p.waitFor(t, "the twin view", `document.querySelector(".twins") !== null && document.querySelector(".demo") === null`, 5*time.Second)
	if got := p.text(t, "#view-twins[aria-pressed=true]"); got == "" {
		t.Error("the Twins tab is not marked as the current view")
	}
	if n := p.count(t, ".twins canvas.boundary"); n != 2 {
		t.Errorf("%d heatmaps, want the twins' 2", n)
	}
	p.checkNoErrors(t)
}

func TestSwitchingViewsRewritesTheQueryAndKeepsTheHash(t *testing.T) {
	p := newPage(t, 1280, 900)
	p.open(t, "#b=16x2p*6&s=7")
	hash := p.hash(t)
	var historyBefore int
	p.eval(t, `history.length`, &historyBefore)
	for _, tc := range []struct{ tab, want string }{
		{"#view-sweep", "?view=sweep"},
		{"#view-twins", "?view=twins"},
		{"#view-single", ""},
		{"#view-twins", "?view=twins"},
	} {
		p.click(t, tc.tab)
		p.waitFor(t, "the query "+tc.want, `location.search === "`+tc.want+`"`, 5*time.Second)
		if h := p.hash(t); h != hash {
			t.Errorf("after %s the hash is %q, want it kept (%q)", tc.tab, h, hash)
		}
	}
	var length int
	p.eval(t, `history.length`, &length)
	if length != historyBefore {
		t.Errorf("switching views added history entries (history.length %d → %d)", historyBefore, length)
	}

	// Share copies the whole address, query included.
	p.click(t, "#share-open")
	p.waitFor(t, "the link field", `document.querySelector("#share-url")`, 5*time.Second)
	var link string
	p.eval(t, `document.querySelector("#share-url").value`, &link)
	if !strings.Contains(link, "?view=twins#") || !strings.HasSuffix(link, "#"+hash) {
		t.Errorf("shared link %q; want ?view=twins and the Spec's hash", link)
	}

	// The sweep's settings go into the query as they are typed.
	p.click(t, "#view-sweep")
	p.run(t, "set the seeds", setValue("#sweep-seeds", "1, 2"))
	p.waitFor(t, "the seeds in the query", `location.search === "?view=sweep&seeds=1,2"`, 5*time.Second)
	p.checkNoErrors(t)
}

func TestUnknownViewShowsANoticeAndTheSingleView(t *testing.T) {
	p := newPage(t, 1280, 900)
	p.open(t, "?view=carousel#b=16x2p*6")
	p.waitFor(t, "a notice", `document.querySelector(".notice") !== null`, 5*time.Second)
	if got := p.text(t, ".notice"); !strings.Contains(got, `"carousel"`) || !strings.Contains(got, "single, twins, sweep") {
		t.Errorf("notice %q; want it to name the bad view and the known ones", got)
	}
	if p.count(t, ".demo") != 1 {
		t.Error("the single view is not shown")
	}
	if h := p.hash(t); !strings.Contains(h, "b=16x2p*6") {
		t.Errorf("the hash became %q; the Spec in it was fine", h)
	}
	p.checkNoErrors(t)
}

// A sweep link with two seeds reproduces the sweep, and the finished sweep shows one point
// per depth and variant at the mean, with whiskers for the seeds' range.
func TestTwoSeedSweepFromALink(t *testing.T) {
	p := newPage(t, 1280, 900)
	p.open(t, "?view=sweep&depths=2,8&steps=100&seeds=1,2")
	for sel, want := range map[string]string{"#sweep-depths": "2, 8", "#sweep-steps": "100", "#sweep-seeds": "1, 2"} {
		var got string
		p.eval(t, `document.querySelector("`+sel+`").value`, &got)
		if got != want {
			t.Errorf("%s shows %q, want the link's %q", sel, got, want)
		}
	}
	if cli := p.text(t, "code.cli"); !strings.Contains(cli, "--seeds 1,2 ") {
		t.Errorf("command line %q does not carry the seeds", cli)
	}
	p.click(t, "#sweep-run")
	p.waitFor(t, "the sweep to finish", `document.querySelector("#sweep-status").dataset.state === "done"`, 60*time.Second)
	if s := p.text(t, "#sweep-status"); !strings.Contains(s, "8 of 8 runs") {
		t.Errorf("status %q; want 8 runs (2 depths × 2 variants × 2 seeds)", s)
	}
	if n := p.count(t, ".sweep-plot circle.dot.twin-plain"); n != 2 {
		t.Errorf("%d plain points, want one per depth (2)", n)
	}
	if n := p.count(t, ".sweep-plot path.whisker"); n != 4 {
		t.Errorf("%d whiskers, want one per depth and variant (4)", n)
	}
	var cells []string
	p.eval(t, `[...document.querySelectorAll(".sweep-table tbody td:not(:first-child)")].map(c => c.textContent)`, &cells)
	for _, c := range cells {
		if !strings.Contains(c, "(") || strings.Contains(c, "…") {
			t.Errorf("table cell %q; want a finished mean with its range", c)
		}
	}
	p.checkNoErrors(t)
}

func TestSingleViewKnockOutLowersTestAccuracy(t *testing.T) {
	p := newPage(t, 1280, 900)
	p.open(t, "#b=16x2p*6")
	p.click(t, "#play")
	p.waitFor(t, "90% test accuracy", `parseFloat(document.querySelector("#ro-test-acc").textContent) >= 90`, 60*time.Second)
	p.click(t, "#play")
	p.waitFor(t, "pause", `document.querySelector("#play").textContent.trim() === "Play"`, 5*time.Second)
	p.settled(t) // the report that answers the pause is on the page: nothing moves the readout now
	before := p.text(t, "#ro-test-acc")

	if got := p.text(t, "#knockout-one"); got != "Knock out block 1" {
		t.Errorf("the button says %q; want it to name the selected block", got)
	}
	checkKnockOut(t, p, knockOut{one: "#knockout-one", result: "#knockout-result", scan: "#knockout-scan",
		chart: ".knockout polyline.series", scanResult: "#knockout-result"})
	if after := p.text(t, "#ro-test-acc"); after != before {
		t.Errorf("the running network's test accuracy went from %s to %s; a lesion must not touch it", before, after)
	}
	p.checkNoErrors(t)
}
