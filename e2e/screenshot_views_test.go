package e2e

import (
	"testing"
	"time"
)

// TestScreenshotSeedsSweep writes a picture of a depth sweep over three seeds (means with
// whiskers) to the file named by RESNET_SCREENSHOT_SEEDS; without it, it skips.
func TestScreenshotSeedsSweep(t *testing.T) {
	out := screenshotTarget(t, "RESNET_SCREENSHOT_SEEDS")
	p := newPage(t, 1280, 900)
	p.open(t, "?view=sweep&depths=2,4,8,16,32&steps=600&seeds=1,2,3")
	p.click(t, "#sweep-run")
	p.waitFor(t, "the sweep to finish", `document.querySelector("#sweep-status").dataset.state === "done"`, 5*time.Minute)
	fullScreenshot(t, p, out)
}

// TestScreenshotKnockOut writes a picture of the single view after a knock-out scan to the
// file named by RESNET_SCREENSHOT_KNOCKOUT; without it, it skips.
func TestScreenshotKnockOut(t *testing.T) {
	out := screenshotTarget(t, "RESNET_SCREENSHOT_KNOCKOUT")
	p := newPage(t, 1280, 900)
	p.open(t, "#b=16x2p*6")
	p.click(t, "#play")
	p.waitFor(t, "90% test accuracy", `parseFloat(document.querySelector("#ro-test-acc").textContent) >= 90`, 60*time.Second)
	p.click(t, "#play")
	p.click(t, "#knockout-scan")
	p.waitFor(t, "the scan chart", `document.querySelectorAll(".knockout polyline.series").length >= 2`, 10*time.Second)
	fullScreenshot(t, p, out)
}
