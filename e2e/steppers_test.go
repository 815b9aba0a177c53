package e2e

import (
	"strings"
	"testing"
	"time"
)

// The − and + buttons beside the learning rate, the batch size and the noise, pressed on a
// phone while the run trains: the batch doubles (a restart), the learning rate steps down
// without one, and each field shows the value applied.
func TestSteppersOnAPhone(t *testing.T) {
	p := newPage(t, 390, 844)
	p.open(t, "#b=16x2r*4")
	p.playing(t)
	p.click(t, "#set-batch-up")
	p.waitFor(t, "bs=64 in the link", `location.hash.includes("bs=64")`, 10*time.Second)
	p.click(t, "#set-batch-up")
	p.waitFor(t, "bs=128 in the link", `location.hash.includes("bs=128")`, 10*time.Second)
	p.waitFor(t, "the field to show 128", `document.querySelector("#set-batch").value === "128"`, 10*time.Second)
	p.click(t, "#set-noise-up")
	p.waitFor(t, "z=0.15 in the link", `location.hash.includes("z=0.15")`, 10*time.Second)

	p.waitFor(t, "50 steps", singleSteps+" > 50", 60*time.Second)
	before := p.steps(t)
	p.click(t, "#set-lr-down")
	p.waitFor(t, "lr=0.001 in the link", `location.hash.includes("lr=0.001&")`, 10*time.Second)
	p.waitFor(t, "the field to show 0.001", `document.querySelector("#set-lr").value === "0.001"`, 10*time.Second)
	p.waitFor(t, "the change on record", `!!document.querySelector("#lr-changes")`, 20*time.Second)
	if after := p.steps(t); after < before {
		t.Errorf("stepping the learning rate restarted the run (step %d → %d)", before, after)
	}
	if !strings.Contains(p.text(t, "#play"), "Pause") {
		t.Error("training stopped")
	}
	p.run(t, "the largest rate", setValue("#set-lr", "1"))
	p.waitFor(t, "+ disabled at the largest rate", `document.querySelector("#set-lr-up").disabled && !document.querySelector("#set-lr-down").disabled`, 10*time.Second)
	p.checkNoErrors(t)
}
