package e2e

import (
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestScreenshot writes a picture of the page, mid-training, to the file named by
// RESNET_SCREENSHOT (`make screenshot` sets it to docs/screenshot.png); without it, it skips.
// RESNET_SCREENSHOT_WIDTH=390 takes a phone-width picture; RESNET_SCREENSHOT_HASH another run.
func TestScreenshot(t *testing.T) {
	out := os.Getenv("RESNET_SCREENSHOT")
	if out == "" {
		t.Skip("set RESNET_SCREENSHOT=path to take a screenshot")
	}
	width := 1280
	if os.Getenv("RESNET_SCREENSHOT_WIDTH") == "390" {
		width = 390
	}
	p := newPage(t, width, 800)
	hash, steps := "#b=16x2r*24", "1500" // the default depth, with shortcuts: it learns the spiral
	if h := os.Getenv("RESNET_SCREENSHOT_HASH"); h != "" {
		hash, steps = h, "50"
	}
	p.open(t, hash)
	p.click(t, "#play")
	p.waitFor(t, "some training", `parseInt(document.querySelector("#ro-step").textContent.replace(/,/g, "")) > `+steps, 60*time.Second)
	var png []byte
	p.run(t, "screenshot", chromedp.CaptureScreenshot(&png))
	if err := os.WriteFile(out, png, 0o644); err != nil {
		t.Fatal(err)
	}
	p.checkNoErrors(t)
}
