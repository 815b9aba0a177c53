package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The first minute: a visitor who opens the bare address and presses only Play sees, above
// the fold, a deep plain network stuck at chance beside its residual twin that learns.
//
// The test logs the time from Play to that contrast (the plain twin's training accuracy
// under 60% while the residual twin's is at least 95%); it asserts the contrast, not the time.
// With RESNET_SCREENSHOT_FIRST=dir it writes first-minute-<width>.png there.

func TestFirstMinuteShowsPlainFailAndResidualLearn(t *testing.T) {
	for _, size := range []struct{ w, h int }{{1280, 800}, {390, 844}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			p := newPage(t, size.w, size.h)
			p.open(t, "")
			p.waitFor(t, "the twin view", `document.querySelector(".twins") !== null`, 10*time.Second)
			if q := p.text(t, "#view-twins"); q == "" {
				t.Fatal("no view switch")
			}
			// Everything the contrast needs is in the first screen: Play, both boundaries and
			// both twins' training accuracy.
			for _, sel := range []string{"#twin-play", ".map-plain canvas", ".map-residual canvas", "#ro-plain-train-acc", "#ro-residual-train-acc"} {
				var fold struct{ Bottom, Right, H, W float64 }
				p.eval(t, fmt.Sprintf(`(() => { const r = document.querySelector(%q).getBoundingClientRect();
					return {Bottom: r.bottom, Right: r.right, H: innerHeight, W: innerWidth}; })()`, sel), &fold)
				if fold.Bottom > fold.H || fold.Right > fold.W {
					t.Errorf("%s ends at (%.0f, %.0f), outside the first %.0f×%.0f screen", sel, fold.Right, fold.Bottom, fold.W, fold.H)
				}
			}
			p.waitFor(t, "both twins ready", `!document.querySelector("#ro-plain-step").textContent.includes("–") && !document.querySelector("#ro-residual-step").textContent.includes("–")`, 30*time.Second)
			start := time.Now()
			p.click(t, "#twin-play")
			acc := func(twin string) string {
				return `parseFloat(document.querySelector("#ro-` + twin + `-train-acc").textContent)`
			}
			p.waitFor(t, "the contrast", acc("residual")+` >= 95 && `+acc("plain")+` < 60`, 90*time.Second)
			var steps string
			p.eval(t, `document.querySelector("#ro-residual-step").textContent`, &steps)
			t.Logf("time from Play to the contrast at %d×%d: %.1f s (residual twin at step %s)", size.w, size.h, time.Since(start).Seconds(), steps)
			if dir := os.Getenv("RESNET_SCREENSHOT_FIRST"); dir != "" {
				p.waitFor(t, "a few more steps for the picture", `parseInt(document.querySelector("#ro-residual-step").textContent.replace(/,/g, "")) > 1500`, 60*time.Second)
				var png []byte
				p.run(t, "screenshot", chromedp.CaptureScreenshot(&png))
				if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("first-minute-%d.png", size.w)), png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			p.checkNoErrors(t)
		})
	}
}
