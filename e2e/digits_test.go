package e2e

import (
	"strings"
	"testing"
	"time"

	"resnetplayground/lab"
)

// drawStroke draws a vertical stroke on the digits pad with pointer events, as a finger or a
// mouse does.
const drawStroke = `(() => {
  const c = document.querySelector("canvas.pad");
  if (!c) return false;
  const r = c.getBoundingClientRect();
  const ev = (type, fy) => c.dispatchEvent(new PointerEvent(type, {bubbles: true, pointerId: 1, pointerType: "touch",
    clientX: r.left + r.width / 2, clientY: r.top + r.height * fy}));
  ev("pointerdown", 0.2);
  for (let i = 1; i <= 10; i++) ev("pointermove", 0.2 + 0.06 * i);
  ev("pointerup", 0.8);
  return true;
})()`

// TestDigitsPickTrainDraw is a visitor's tour of Digits: the page does not fetch the digits
// until they are picked, then loads them and trains a convolutional network; a digit drawn
// on the pad gets class probabilities, which change as the network trains.
func TestDigitsPickTrainDraw(t *testing.T) {
	p := newPage(t, 1280, 900)
	p.open(t, "")
	p.click(t, "#view-single")
	var fetched bool
	p.eval(t, `performance.getEntriesByType("resource").some(e => e.name.endsWith("/digits.bin"))`, &fetched)
	if fetched {
		t.Fatal("the page fetched the digits before anyone picked them")
	}
	p.run(t, "pick Digits", setValue("#set-dataset", "digits"))
	p.waitFor(t, "the digits to load", `document.querySelector(".digits[data-digits='ready']")`, 60*time.Second)
	if h := p.hash(t); !strings.Contains(h, "d=digits") || !strings.Contains(h, "net=conv") {
		t.Errorf("hash after picking Digits = %q, want the digits' conv network", h)
	}
	// The editor speaks in stages: one block per stage is the 8-layer net, quick to train.
	p.run(t, "one block per stage", setValue("#per-stage", "1"))
	p.waitFor(t, "the 8-layer net", `location.hash.includes("b=4x2p,8x2p,16x2p&")`, 10*time.Second)
	p.click(t, "#play")
	p.waitFor(t, "predictions for the test digits", `document.querySelector(".digits[data-predicted='500']")`, 60*time.Second)

	var drew bool
	p.eval(t, drawStroke, &drew)
	if !drew {
		t.Fatal("no drawing pad")
	}
	p.waitFor(t, "probabilities for the drawing", `document.querySelector(".digits").dataset.probs.split(",").length === 10`, 60*time.Second)
	first := p.attr(t, ".digits", "data-probs")
	p.waitFor(t, "the probabilities to change as the network trains",
		`document.querySelector(".digits").dataset.probs !== `+jsString(first), 60*time.Second)
	if n := p.count(t, ".probs li.best"); n != 1 {
		t.Errorf("%d digits marked most likely, want 1", n)
	}
	p.checkNoErrors(t)
}

// attr is an element's attribute.
func (p *page) attr(t testing.TB, selector, name string) string {
	t.Helper()
	var s string
	p.eval(t, `(document.querySelector(`+jsString(selector)+`) || {getAttribute: () => ""}).getAttribute(`+jsString(name)+`) || ""`, &s)
	return s
}

func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// When the digits cannot be fetched, the page says so and keeps working.
func TestDigitsFetchFailureIsExplained(t *testing.T) {
	p := newPage(t, 1280, 900)
	p.open(t, "")
	p.click(t, "#view-single")
	p.eval(t, `self.resnetFetchDigits = () => Promise.reject(new Error("no network")), true`, new(bool))
	p.run(t, "pick Digits", setValue("#set-dataset", "digits"))
	p.waitFor(t, "the failure to be shown", `document.querySelector(".digits[data-digits='failed']") &&
		[...document.querySelectorAll(".notice")].some(n => n.textContent.includes("no network"))`, 30*time.Second)
	p.run(t, "pick the spiral again", setValue("#set-dataset", "spiral"))
	p.click(t, "#step")
	p.waitFor(t, "the spiral to train a step", `document.querySelector("#ro-step").textContent === "1"`, 20*time.Second)
	p.checkNoErrors(t)
}

// The twins train on the digits too, each in its own worker, each showing its predictions.
func TestDigitsTwins(t *testing.T) {
	p := newPage(t, 1280, 900)
	s := lab.DepthSpec(lab.DigitsDefault(), 1, false, 1)
	p.open(t, "?view=twins#"+s.String())
	p.click(t, "#twin-play")
	p.waitFor(t, "both twins' predictions", `document.querySelectorAll(".twin-map .digits[data-predicted='500']").length === 2`, 90*time.Second)
	p.checkNoErrors(t)
}
