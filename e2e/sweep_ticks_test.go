package e2e

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/chromedp/chromedp"
	"testing"
	"time"
)

// chartText is one text of a chart as the browser drew it: its on-screen font size (the
// computed size in the SVG's units times the SVG's scale) and its box.
type chartText struct {
	Text                     string
	PX                       float64
	Left, Top, Right, Bottom float64
}

// measureChartText measures every text of the SVG that selector matches.
func (p *page) measureChartText(t *testing.T, selector string) []chartText {
	t.Helper()
	var out []chartText
	p.eval(t, fmt.Sprintf(`(() => {
		const svg = document.querySelector(%q);
		const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
		return Array.from(svg.querySelectorAll("text")).map(el => {
			const r = el.getBoundingClientRect();
			return {Text: el.textContent, PX: parseFloat(getComputedStyle(el).fontSize) * scale,
				Left: r.left, Top: r.top, Right: r.right, Bottom: r.bottom};
		});
	})()`, selector), &out)
	return out
}

// checkChartText fails when a text is under min px on screen or two texts overlap.
func checkChartText(t *testing.T, where string, texts []chartText, min float64) {
	t.Helper()
	if len(texts) == 0 {
		t.Errorf("%s: no text measured", where)
	}
	for i, a := range texts {
		if a.PX < min {
			t.Errorf("%s: %q is %.1f px on screen; want at least %g", where, a.Text, a.PX, min)
		}
		for _, b := range texts[i+1:] {
			if a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom {
				t.Errorf("%s: %q (%.0f–%.0f, %.0f–%.0f) and %q (%.0f–%.0f, %.0f–%.0f) overlap", where,
					a.Text, a.Left, a.Right, a.Top, a.Bottom, b.Text, b.Left, b.Right, b.Top, b.Bottom)
			}
		}
	}
}

// The sweep plot's text (ticks, axis name, chance line) is at least 11 px on screen on a
// desktop and on a phone, whose narrower plot scales its viewBox down, and no two texts
// collide, even for depths close together on the log axis.
func TestSweepPlotTextIsReadable(t *testing.T) {
	for _, size := range []struct{ w, h int }{{1280, 800}, {390, 844}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			p := newPage(t, size.w, size.h)
			p.open(t, "?view=sweep#b=16x2p*2")
			p.run(t, "close depths", setValue("#sweep-depths", "1, 2, 3, 4, 5, 6, 8, 12, 16"))
			p.run(t, "a short sweep", setValue("#sweep-steps", "5"))
			p.click(t, "#sweep-run")
			p.waitFor(t, "the sweep to finish", `document.querySelector("#sweep-status").dataset.state === "done"`, 120*time.Second)
			texts := p.measureChartText(t, ".sweep-plot svg.plot")
			for _, x := range texts {
				t.Logf("%q %.1f px", x.Text, x.PX)
			}
			checkChartText(t, "the sweep plot", texts, 11)
			if dir := os.Getenv("RESNET_SHOT_DIR"); dir != "" {
				var png []byte
				p.run(t, "screenshot", chromedp.Screenshot(".sweep-plot", &png))
				os.WriteFile(filepath.Join(dir, fmt.Sprintf("sweep-%d.png", size.w)), png, 0o644)
			}
			p.checkNoErrors(t)
		})
	}
}
