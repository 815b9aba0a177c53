package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"resnetplayground/lab"
)

// drawStroke draws a vertical stroke on the first digits pad with pointer events, as a finger
// or a mouse does.
var drawStroke = drawStrokeOn("canvas.pad")

// drawStrokeOn draws that stroke on the pad selector picks.
func drawStrokeOn(selector string) string {
	return `(() => {
  const c = document.querySelector(` + jsString(selector) + `);
  if (!c) return false;
  const r = c.getBoundingClientRect();
  const ev = (type, fy) => c.dispatchEvent(new PointerEvent(type, {bubbles: true, pointerId: 1, pointerType: "touch",
    clientX: r.left + r.width / 2, clientY: r.top + r.height * fy}));
  ev("pointerdown", 0.2);
  for (let i = 1; i <= 10; i++) ev("pointermove", 0.2 + 0.06 * i);
  ev("pointerup", 0.8);
  return true;
})()`
}

// twoDControls are the settings of points of the plane, which mean nothing for images.
const twoDControls = "#set-classes, #set-points, #set-noise, #set-train_frac"

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
	if h := p.hash(t); !strings.Contains(h, "d=digits") || !strings.Contains(h, "net=conv") || strings.Contains(h, "&k=") {
		t.Errorf("hash after picking Digits = %q, want the digits' conv network and no 2-D data settings", h)
	}
	if n := p.count(t, twoDControls); n != 0 {
		t.Errorf("%d of the 2-D data controls are shown for the digits", n)
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
	p.checkAxe(t, "the Single view on the digits")
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
	p.waitFor(t, "the 2-D data controls for the spiral", `document.querySelectorAll(`+jsString(twoDControls)+`).length === 4`, 10*time.Second)
	p.click(t, "#step")
	p.waitFor(t, "the spiral to train a step", `document.querySelector("#ro-step").textContent === "1"`, 20*time.Second)
	p.checkNoErrors(t)
}

// The twins train on the digits too, each in its own worker, each showing its predictions.
func TestDigitsTwins(t *testing.T) {
	p := digitsTwinsTraining(t, 1280, 900)
	p.checkNoErrors(t)
}

// digitsTwinsTraining opens the shallow digits twins at w×h, plays, and waits until both
// show their predictions of the evaluated test images.
func digitsTwinsTraining(t *testing.T, w, h int) *page {
	t.Helper()
	p := newPage(t, w, h)
	s := lab.DepthSpec(lab.DigitsDefault(), 1, false, 1)
	p.open(t, "?view=twins#"+s.String())
	p.click(t, "#twin-play")
	p.waitFor(t, "both twins' predictions", `document.querySelectorAll(".twin-map .digits[data-predicted='500']").length === 2`, 90*time.Second)
	return p
}

// On a phone, the twins share one pad: a digit drawn with a finger is asked of both networks,
// each list of probabilities moves as its twin trains, and Clear, reached from the keyboard,
// withdraws the question from both.
func TestDigitsTwinsPad(t *testing.T) {
	p := digitsTwinsTraining(t, 390, 844)
	var fits bool
	p.eval(t, `document.querySelector(".twin-pad canvas.pad").getBoundingClientRect().right <= innerWidth`, &fits)
	if !fits {
		t.Error("the pad does not fit a phone's width")
	}
	var drew bool
	p.eval(t, drawStrokeOn(".twin-pad canvas.pad"), &drew)
	if !drew {
		t.Fatal("no drawing pad in the twins view")
	}
	const both = `[...document.querySelectorAll(".twin-pad .probs")].map(o => o.dataset.probs)`
	p.waitFor(t, "both twins' probabilities", both+`.filter(t => t.split(",").length === 10).length === 2`, 60*time.Second)
	var first []string
	p.eval(t, both, &first)
	if len(first) != 2 || p.count(t, ".twin-pad .probs.twin-plain li.best") != 1 || p.count(t, ".twin-pad .probs.twin-residual li.best") != 1 {
		t.Fatalf("answers %q, want one list per twin with one most likely digit each", first)
	}
	p.waitFor(t, "both sets of probabilities to change as the twins train",
		both+`.every((t, i) => t !== [`+jsString(first[0])+`, `+jsString(first[1])+`][i])`, 90*time.Second)
	p.checkAxe(t, "the Twins view on the digits, with the pad")
	p.run(t, "Clear from the keyboard", chromedp.Focus(".twin-pad .pad-clear"), chromedp.KeyEvent("\r"))
	p.waitFor(t, "both questions withdrawn", both+`.every(t => t === "")`, 20*time.Second)
	p.checkNoErrors(t)
}

// A digits link that opens the twins says there, too, when the digits cannot be fetched.
func TestDigitsTwinsFetchFailureIsExplained(t *testing.T) {
	p := newPage(t, 390, 844)
	p.open(t, "") // the twins, on the spiral
	p.eval(t, `self.resnetFetchDigits = () => Promise.reject(new Error("no network")), true`, new(bool))
	s := lab.DepthSpec(lab.DigitsDefault(), 1, false, 1)
	p.eval(t, `location.hash = `+jsString(s.String())+`, true`, new(bool))
	p.waitFor(t, "the failure in the twins view", `(() => {
		const st = document.querySelector(".twins .digits-status[data-digits='failed']");
		return !!st && st.textContent.includes("no network");
	})()`, 30*time.Second)
	p.checkNoErrors(t)
}
