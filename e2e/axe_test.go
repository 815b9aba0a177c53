package e2e

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// axe-core (Deque, MPL-2.0; testdata/axe/LICENSE) checks every view for accessibility
// problems the way the reviewer did. It is vendored for the tests only: nothing of it
// ships, and the tests need no network.
//
//go:embed testdata/axe/axe.min.js
var axeSource string

type axeViolation struct {
	ID, Impact, Help string
	Nodes            []struct {
		Target json.RawMessage
		HTML   string
	}
}

// checkAxe runs axe-core on the page as it is and fails on every serious or critical
// violation; lesser ones are logged.
func (p *page) checkAxe(t *testing.T, where string) {
	t.Helper()
	var loaded bool
	p.eval(t, axeSource+";\ntypeof axe === 'object'", &loaded)
	if !loaded {
		t.Fatal("axe-core did not load")
	}
	var vs []axeViolation
	p.run(t, "axe on "+where, chromedp.Evaluate(`axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v => ({
		id: v.id, impact: v.impact, help: v.help,
		nodes: v.nodes.slice(0, 6).map(n => ({target: n.target, html: n.html.slice(0, 160)}))})))`, &vs, awaitPromise))
	for _, v := range vs {
		var nodes []string
		for _, n := range v.Nodes {
			nodes = append(nodes, string(n.Target)+" "+n.HTML)
		}
		msg := fmt.Sprintf("%s: %s (%s): %s\n\t%s", where, v.ID, v.Impact, v.Help, strings.Join(nodes, "\n\t"))
		if v.Impact == "serious" || v.Impact == "critical" {
			t.Error(msg)
		} else {
			t.Log(msg)
		}
	}
}

func TestAxeFindsNothingSeriousInAnyView(t *testing.T) {
	for _, size := range []struct{ w, h int }{{1280, 800}, {390, 844}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			p := newPage(t, size.w, size.h)
			p.open(t, "?view=single#b=16x2p*6")
			p.click(t, "#play")
			p.waitFor(t, "training", singleSteps+" > 50", 30*time.Second)
			p.click(t, "#play")
			p.checkAxe(t, "the Single view")
			for _, d := range []struct{ opener, box string }{
				{"#share-open", "#share-url"}, {"#export-open", "#import-text"}, {"#embed-open", "#embed-snippet"},
			} {
				p.click(t, d.opener)
				p.waitFor(t, d.opener+"'s panel", `document.querySelector("`+d.box+`")`, 5*time.Second)
				p.waitFor(t, d.opener+"'s panel to take focus", `document.activeElement.closest("[role=dialog]")`, 5*time.Second)
				p.checkAxe(t, d.opener+"'s panel")
				p.press(t, kb.Escape, false)
				p.waitFor(t, d.opener+"'s panel to close", `!document.querySelector("`+d.box+`")`, 5*time.Second)
			}

			p.click(t, "#view-twins")
			p.click(t, "#twin-play")
			p.waitFor(t, "both twins training", `["plain", "residual"].every(n => parseInt(document.querySelector("#ro-" + n + "-step").textContent.replace(/,/g, "")) > 50)`, 30*time.Second)
			p.click(t, "#twin-play")
			p.click(t, "#lesion-scan")
			p.waitFor(t, "the lesion chart", `document.querySelectorAll(".twin-lesion polyline.series").length >= 2`, 15*time.Second)
			p.checkAxe(t, "the Twins view")

			p.click(t, "#view-sweep")
			p.run(t, "a short sweep", setValue("#sweep-depths", "2, 4"), setValue("#sweep-steps", "100"))
			p.click(t, "#sweep-run")
			p.waitFor(t, "the sweep to finish", `document.querySelector("#sweep-status").dataset.state === "done"`, 60*time.Second)
			p.checkAxe(t, "the Depth sweep view")

			p.run(t, "open an embed", navigate(site("/embed.html")+"?views=diagram,heatmap,charts,controls&caption=Deep%20plain#b=16x2p*6"))
			p.waitFor(t, "the embed's poster or views", `document.querySelector("#poster") || document.querySelector(".embed")`, 20*time.Second)
			p.checkAxe(t, "an embed")
			p.checkNoErrors(t)
		})
	}
}
