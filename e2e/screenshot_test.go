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
	out := screenshotTarget(t, "RESNET_SCREENSHOT")
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
	p.waitFor(t, "some training", singleSteps+" > "+steps, 60*time.Second)
	var png []byte
	p.run(t, "screenshot", chromedp.CaptureScreenshot(&png))
	if err := os.WriteFile(out, png, 0o644); err != nil {
		t.Fatal(err)
	}
	p.checkNoErrors(t)
}

// screenshotTarget is the file named by the environment variable env, where a screenshot test
// writes its picture; without it, the test skips (pictures are taken by `make screenshot`).
func screenshotTarget(t *testing.T, env string) string {
	t.Helper()
	out := os.Getenv(env)
	if out == "" {
		t.Skip("set " + env + "=path to take a screenshot")
	}
	return out
}

// fullScreenshot writes a picture of the whole page, not only the window, to out.
func fullScreenshot(t *testing.T, p *page, out string) {
	t.Helper()
	time.Sleep(300 * time.Millisecond) // let the last render paint
	var png []byte
	p.run(t, "screenshot", chromedp.FullScreenshot(&png, 100))
	if err := os.WriteFile(out, png, 0o644); err != nil {
		t.Fatal(err)
	}
	p.checkNoErrors(t)
}
