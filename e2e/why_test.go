package e2e

import (
	"context"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"resnetplayground/lab"
)

// The twin view's Why panel: each twin's worker fills in its loss landscape between training
// bursts, the page shows it filling in and draws both, and the two differ.
func TestWhyLandscapesFillInForBothTwins(t *testing.T) {
	p := newPage(t, 1280, 900)
	p.open(t, "")
	p.click(t, "#view-twins")
	p.waitFor(t, "the Why panel", `document.querySelector(".twin-why") !== null`, 5*time.Second)
	p.click(t, "#why-preset")
	p.waitFor(t, "the suggested network (14 blocks, batch norm)", `location.hash.includes("b=16x2p*14") && location.hash.includes("bn=1") && document.querySelector("#why-preset") === null`, 5*time.Second)
	p.click(t, "#twin-play")
	p.waitFor(t, "both twins to train past step 200", `["plain", "residual"].every(n => parseInt(document.querySelector("#ro-" + n + "-step").textContent.replace(/,/g, "")) > 200)`, 60*time.Second)

	// Drawn while both train: training goes on, and pause is heard at once.
	step := twinText(t, p, "plain", "step")
	p.click(t, "#why-draw")
	p.waitFor(t, "the pictures to start", `document.querySelector(".twin-why").dataset.whyState !== "none"`, 10*time.Second)
	p.waitFor(t, "training to go on meanwhile", `document.querySelector("#ro-plain-step").textContent !== `+strconv.Quote(step), 20*time.Second)
	p.click(t, "#twin-play")
	p.waitFor(t, "pause", `document.querySelector("#twin-play").textContent.trim() === "Play"`, 5*time.Second)
	p.waitFor(t, "both landscapes", `document.querySelector(".twin-why").dataset.whyState === "done"`, 120*time.Second)

	for _, twin := range []string{"plain", "residual"} {
		if r := p.text(t, "#why-rough-"+twin); r == "" || r[0] == '-' || r == "–" {
			t.Errorf("%s roughness %q", twin, r)
		}
	}
	var differ bool
	p.eval(t, `(() => { const c = [...document.querySelectorAll("canvas.landscape")];
		return c.length === 2 && c.every(x => x.dataset.painted !== "none") && c[0].toDataURL() !== c[1].toDataURL(); })()`, &differ)
	if !differ {
		t.Error("the two landscapes are not both painted, or are the same picture")
	}
	if p.text(t, "#why-rough-plain") == p.text(t, "#why-rough-residual") {
		t.Errorf("both twins' landscapes are as rough: %s", p.text(t, "#why-rough-plain"))
	}
	// Drawn while both trained, both were pictured at one step, which the address names.
	at := p.attr(t, ".twin-why", "data-why-step")
	for _, twin := range []string{"plain", "residual"} {
		if r := p.text(t, "#why-rough-"+twin); !strings.HasSuffix(r, "(step "+at+")") {
			t.Errorf("%s roughness %q, want it at the pictures' step %s", twin, r, at)
		}
	}
	var search string
	p.eval(t, `location.search`, &search)
	if !strings.Contains(search, "&directions=1&at="+at) {
		t.Errorf("the address reads %q, want the picture's step %s", search, at)
	}
	if cmd := p.text(t, "#why-command"); !strings.HasPrefix(cmd, "go run . landscape --spec ") {
		t.Errorf("the headless command reads %q", cmd)
	}
	// The gradient charts and the slices are drawn, with the autocorrelation in their titles.
	if n := p.count(t, ".why-grads polyline.series"); n != 4 {
		t.Errorf("%d gradient curves, want 4", n)
	}
	if n := p.count(t, ".twin-why .why-charts:not(.why-grads) polyline.series"); n != 4 {
		t.Errorf("%d slice and line curves, want 4", n)
	}
	p.checkNoErrors(t)
}

// An embed can show the Why panel alone: the twins train behind it, and the reader draws.
func TestEmbedWhyView(t *testing.T) {
	p := newPage(t, 1000, 900)
	p.run(t, "open a Why embed", navigate(site("/embed.html")+"?views=why&autoplay=1#b=16x2p*4"))
	p.waitFor(t, "the Why panel", `document.querySelector(".twin-why") !== null`, 30*time.Second)
	for sel, want := range map[string]int{"#why-draw": 1, "#twin-play": 0, ".twin-grid": 0, "#play": 0} {
		if got := p.count(t, sel); got != want {
			t.Errorf("%s: %d on a Why embed, want %d", sel, got, want)
		}
	}
	p.click(t, "#why-draw")
	p.waitFor(t, "both landscapes", `document.querySelector(".twin-why").dataset.whyState === "done"`, 60*time.Second)
	p.checkNoErrors(t)

	if n := p.count(t, "canvas.landscape"); n != 2 {
		t.Errorf("views=why (both pictures) shows %d landscapes, want 2", n)
	}

	// An embed whose author drew a picture draws it as it starts, at the same step; one
	// that chose the shattered gradients alone shows them and no landscape.
	p.run(t, "open a gradients embed with a picture", navigate(site("/embed.html")+"?views=gradients&grid=5&directions=3&at=30#b=16x2p*4"))
	p.waitFor(t, "the picture at step 30", `(w => w && w.dataset.whyState === "done" && w.dataset.whyStep === "30" && w.dataset.whySeed === "3")(document.querySelector(".twin-why"))`, 60*time.Second)
	if n, g := p.count(t, "canvas.landscape"), p.count(t, ".why-grads polyline.series"); n != 0 || g != 4 {
		t.Errorf("views=gradients shows %d landscapes and %d gradient curves, want 0 and 4", n, g)
	}
	p.checkNoErrors(t)
}

// RESNET_SCREENSHOT_WHY=docs/why.png go test ./e2e -run ScreenshotWhy takes the README's
// picture of the Why panel: the suggested network trained 1,500 steps, then drawn.
func TestScreenshotWhy(t *testing.T) {
	out := screenshotTarget(t, "RESNET_SCREENSHOT_WHY")
	p := newPage(t, 1280, 900)
	p.open(t, "#"+lab.WhyPreset().String())
	p.click(t, "#view-twins")
	p.click(t, "#twin-play")
	p.waitFor(t, "both twins past step 1,500", `["plain", "residual"].every(n => parseInt(document.querySelector("#ro-" + n + "-step").textContent.replace(/,/g, "")) >= 1500)`, 180*time.Second)
	p.click(t, "#twin-play")
	p.waitFor(t, "pause", `document.querySelector("#twin-play").textContent.trim() === "Play"`, 5*time.Second)
	p.click(t, "#why-draw")
	p.waitFor(t, "both landscapes", `document.querySelector(".twin-why").dataset.whyState === "done"`, 120*time.Second)
	time.Sleep(300 * time.Millisecond) // let the last render paint
	var png []byte
	p.run(t, "screenshot", chromedp.Screenshot(".twin-why", &png, chromedp.NodeVisible))
	if err := os.WriteFile(out, png, 0o644); err != nil {
		t.Fatal(err)
	}
	p.checkNoErrors(t)
}

// On a phone the Why panel, drawn, fits the width: the headless command (one long word)
// wraps rather than widening the page.
func TestWhyPanelFitsAPhone(t *testing.T) {
	p := newPage(t, 390, 844)
	p.open(t, "#b=16x2p*4")
	p.click(t, "#view-twins")
	p.waitFor(t, "the first reports", `!document.querySelector("#ro-plain-step").textContent.includes("–")`, 20*time.Second)
	p.click(t, "#why-draw")
	p.waitFor(t, "both landscapes", `document.querySelector(".twin-why").dataset.whyState === "done"`, 60*time.Second)
	var over bool
	p.eval(t, `document.documentElement.scrollWidth > window.innerWidth + 1`, &over)
	if over {
		t.Error("the drawn Why panel makes the page wider than the phone")
	}
	p.checkNoErrors(t)
}

// A teacher's link names the picture: the Spec, the step and the directions (with grid and
// span). Opening it trains both twins to that step and draws exactly what
// `go run . landscape` computes for the same settings, to the last digit of every point.
func TestWhyLinkReproducesTheCommandLinesPicture(t *testing.T) {
	const hash, query = "b=16x2p*4&bn=1&n=200", "view=twins&grid=5&span=0.5&directions=3&at=60"
	p := newPage(t, 1280, 900)
	p.open(t, "?"+query+"#"+hash)
	p.waitFor(t, "both pictures at step 60", `document.querySelector(".twin-why").dataset.whyState === "done" &&
		[...document.querySelectorAll("canvas.landscape")].every(c => c.dataset.sum !== "")`, 60*time.Second)

	spec, err := lab.Parse(hash)
	if err != nil {
		t.Fatal(err)
	}
	cfg := lab.DefaultLandscape()
	cfg.Grid, cfg.Span, cfg.Seed = 5, 0.5, 3
	plain, residual, err := lab.Why(context.Background(), lab.WhyConfig{Spec: spec, Steps: 60, Landscape: &cfg}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var sums []string
	p.eval(t, `[...document.querySelectorAll("canvas.landscape")].map(c => c.dataset.sum)`, &sums)
	for i, want := range []*lab.Landscape{plain.Landscape, residual.Landscape} {
		if w := strconv.FormatFloat(want.Sum(), 'g', 17, 64); len(sums) != 2 || sums[i] != w {
			t.Errorf("%s twin: the page's picture sums to %v, the command line's to %s", []string{"plain", "residual"}[i], sums, w)
		}
	}
	if step := p.attr(t, ".twin-why", "data-why-step"); step != "60" {
		t.Errorf("data-why-step %q", step)
	}
	var search string
	p.eval(t, `location.search`, &search)
	if search != "?"+query {
		t.Errorf("the address reads %q, want %q", search, "?"+query)
	}
	p.checkNoErrors(t)
}

// The Why panel's settings, typed key by key while both twins train and the page renders
// ten times a second: a bad grid is explained and changes nothing, good ones are what the
// next picture uses, and the address then names them.
func TestTypingIntoTheWhySettingsWhileTheTwinsTrain(t *testing.T) {
	p := newPage(t, 1280, 900)
	p.open(t, "?view=twins#b=16x2p*4")
	p.click(t, "#twin-play")
	p.waitFor(t, "training", `parseInt(document.querySelector("#ro-plain-step").textContent.replace(/,/g, "")) > 0`, 30*time.Second)

	p.typeSlowly(t, "#why-grid", "12", kb.Enter)
	p.waitFor(t, "a message about the even grid", `(m => m && /grid: 12 is not allowed; use an odd number from 3 to 101/.test(m.textContent))(document.querySelector("#why-msg"))`, 10*time.Second)
	p.typeSlowly(t, "#why-grid", "11", kb.Tab)
	p.typeSlowly(t, "#why-span", "0.5", kb.Tab)
	p.typeSlowly(t, "#why-directions", "7", kb.Enter)
	p.waitFor(t, "the message gone", `document.querySelector("#why-msg") === null`, 10*time.Second)
	if v := p.fieldValue(t, "#why-grid"); v != "11" {
		t.Errorf("#why-grid shows %q", v)
	}
	p.click(t, "#why-draw")
	p.waitFor(t, "both pictures", `document.querySelector(".twin-why").dataset.whyState === "done"`, 60*time.Second)
	var search string
	p.eval(t, `location.search`, &search)
	if !strings.Contains(search, "grid=11&span=0.5&directions=7&at=") {
		t.Errorf("the address reads %q, want the picture's settings", search)
	}
	if cmd := p.text(t, "#why-command"); !strings.Contains(cmd, "--directions 7 --grid 11 --span 0.5") {
		t.Errorf("the headless command reads %q", cmd)
	}
	p.checkNoErrors(t)
}
