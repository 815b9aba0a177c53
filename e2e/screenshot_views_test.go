package e2e

import (
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestScreenshotSeedsSweep writes a picture of a depth sweep over three seeds (means with
// whiskers) to the file named by RESNET_SCREENSHOT_SEEDS; without it, it skips.
func TestScreenshotSeedsSweep(t *testing.T) {
	out := os.Getenv("RESNET_SCREENSHOT_SEEDS")
	if out == "" {
		t.Skip("set RESNET_SCREENSHOT_SEEDS=path to take a screenshot")
	}
	p := newPage(t, 1280, 900)
	p.open(t, "?view=sweep&depths=2,4,8,16,32&steps=600&seeds=1,2,3")
	p.click(t, "#sweep-run")
	p.waitFor(t, "the sweep to finish", `document.querySelector("#sweep-status").dataset.state === "done"`, 5*time.Minute)
	fullScreenshot(t, p, out)
}

// TestScreenshotKnockOut writes a picture of the single view after a knock-out scan to the
// file named by RESNET_SCREENSHOT_KNOCKOUT; without it, it skips.
func TestScreenshotKnockOut(t *testing.T) {
	out := os.Getenv("RESNET_SCREENSHOT_KNOCKOUT")
	if out == "" {
		t.Skip("set RESNET_SCREENSHOT_KNOCKOUT=path to take a screenshot")
	}
	p := newPage(t, 1280, 900)
	p.open(t, "#b=16x2p*6")
	p.click(t, "#play")
	p.waitFor(t, "90% test accuracy", `parseFloat(document.querySelector("#ro-test-acc").textContent) >= 90`, 60*time.Second)
	p.click(t, "#play")
	p.click(t, "#knockout-scan")
	p.waitFor(t, "the scan chart", `document.querySelectorAll(".knockout polyline.series").length >= 2`, 10*time.Second)
	fullScreenshot(t, p, out)
}

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
