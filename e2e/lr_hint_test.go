package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp/kb"
)

// Adam at learning rate 1 sends the minibatch loss to hundreds within two steps and then
// sits at chance, where the measured loss (0.69) looks merely stuck. A visitor who types
// that learning rate while a run trains must be told it is too high.
func TestATooHighLearningRateIsNamed(t *testing.T) {
	p := newPage(t, 390, 844)
	p.open(t, "#b=16x2p*4")
	p.playing(t)
	if p.count(t, "#lr-hint") != 0 {
		t.Fatal("the learning-rate hint shows for a sound learning rate")
	}
	p.typeSlowly(t, "#set-lr", "1", kb.Enter)
	p.waitFor(t, "lr=1 in the link", `location.hash.includes("lr=1&")`, 10*time.Second)
	p.waitFor(t, "the learning-rate hint", `!!document.querySelector("#lr-hint")`, 60*time.Second)
	hint := p.text(t, "#lr-hint")
	for _, want := range []string{"blew up", "learning rate (1) is too high"} {
		if !strings.Contains(hint, want) {
			t.Errorf("the hint says %q; want %q in it", hint, want)
		}
	}
	// Back to a sound rate: the run restarts and the hint goes.
	p.typeSlowly(t, "#set-lr", "0.003", kb.Tab)
	p.waitFor(t, "the hint gone after lowering the rate", `!document.querySelector("#lr-hint")`, 30*time.Second)
	p.checkNoErrors(t)
}

// A link with Adam at learning rate 1 that lands on the twins: both blow up, and the page
// says why rather than leaving two flat lines.
func TestATooHighLearningRateIsNamedInTheTwins(t *testing.T) {
	p := newPage(t, 1280, 800)
	p.open(t, "?view=twins#b=16x2p*4&lr=1")
	p.click(t, "#twin-play")
	p.waitFor(t, "the twins' learning-rate hint", `!!document.querySelector("#twin-lr-hint")`, 60*time.Second)
	if hint := p.text(t, "#twin-lr-hint"); !strings.Contains(hint, "twin, the loss blew up") || !strings.Contains(hint, "learning rate (1) is too high") {
		t.Errorf("the twins' hint says %q", hint)
	}
	p.checkNoErrors(t)
}
