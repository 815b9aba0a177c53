package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp/kb"
)

// Changing the learning rate while the run trains, key by key as a visitor types: the run
// keeps its steps (no restart), the link follows, and the page says when the rate changed.
func TestLearningRateChangesWithoutRestarting(t *testing.T) {
	p := newPage(t, 1280, 800)
	p.open(t, "#b=16x2r*4")
	p.click(t, "#play")
	p.waitFor(t, "200 steps", singleSteps+" > 200", 60*time.Second)
	before := p.steps(t)
	p.typeSlowly(t, "#set-lr", "0.01", kb.Enter)
	p.waitFor(t, "lr=0.01 in the link", `location.hash.includes("lr=0.01&")`, 10*time.Second)
	p.waitFor(t, "the change on record", `!!document.querySelector("#lr-changes")`, 20*time.Second)
	if after := p.steps(t); after < before {
		t.Errorf("the step went from %d to %d: the run restarted", before, after)
	}
	if s := p.text(t, "#lr-changes"); !strings.Contains(s, "0.003 at first, then 0.01 after step") {
		t.Errorf("the page says %q", s)
	}
	if !strings.Contains(p.text(t, "#play"), "Pause") {
		t.Error("training stopped when the learning rate changed")
	}
	// Reset starts again from step 0 at the new rate, with nothing to report.
	p.click(t, "#reset")
	p.waitFor(t, "the reset", `!document.querySelector("#lr-changes") && document.querySelector("#ro-step").textContent === "0"`, 20*time.Second)
	if !strings.Contains(p.hash(t), "lr=0.01&") {
		t.Errorf("after Reset the link is %q; want it to keep lr=0.01", p.hash(t))
	}
	p.checkNoErrors(t)
}
