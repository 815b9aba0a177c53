package e2e

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Typing while a run trains: every report re-renders the page, and a field bound to state
// used to be reset between two key presses ("0.0125" became "0.003", width 32 became 162).
// These tests type key by key, wait for the page to render between every two keys, commit
// with Enter or Tab, and check that what was typed is what was applied.

// renders is how many times the page has rendered.
func (p *page) renders(t testing.TB) int {
	t.Helper()
	var n int
	p.eval(t, `window.resnetRenders || 0`, &n)
	return n
}

// typeSlowly focuses the field, selects its text and types text one key at a time, waiting
// for at least one render after each key, then presses commit (kb.Enter or kb.Tab).
func (p *page) typeSlowly(t testing.TB, selector, text, commit string) {
	t.Helper()
	var ok bool
	p.eval(t, fmt.Sprintf(`(() => { const el = document.querySelector(%q); if (!el) return false; el.focus(); el.select(); return document.activeElement === el; })()`, selector), &ok)
	if !ok {
		t.Fatalf("cannot focus %s", selector)
	}
	for _, r := range text {
		before := p.renders(t)
		p.run(t, "type "+string(r)+" into "+selector, chromedp.KeyEvent(string(r)))
		p.waitFor(t, "a render after typing "+string(r)+" into "+selector, fmt.Sprintf(`window.resnetRenders > %d`, before), 15*time.Second)
	}
	var shown string
	p.eval(t, fmt.Sprintf(`document.querySelector(%q).value`, selector), &shown)
	if shown != text {
		t.Errorf("%s shows %q after typing %q while the page rendered", selector, shown, text)
	}
	p.run(t, "commit "+selector, chromedp.KeyEvent(commit))
}

// fieldValue is an input's value.
func (p *page) fieldValue(t testing.TB, selector string) string {
	t.Helper()
	var v string
	p.eval(t, fmt.Sprintf(`document.querySelector(%q).value`, selector), &v)
	return v
}

// playing waits until the single view's run is training.
func (p *page) playing(t testing.TB) {
	t.Helper()
	p.click(t, "#play")
	p.waitFor(t, "training", singleSteps+" > 0", 30*time.Second)
}

func TestTypingIntoSettingsWhileTraining(t *testing.T) {
	p := newPage(t, 1280, 800)
	p.open(t, "#b=16x2p*8")
	p.playing(t)
	fields := []struct{ id, text, link string }{
		{"set-lr", "0.0125", "lr=0.0125&"},
		{"set-points", "800", "n=800&"},
		{"set-classes", "3", "k=3&"},
		{"set-noise", "0.15", "z=0.15&"},
		{"set-train_frac", "0.6", "f=0.6&"},
		{"set-width", "24", "w=24&"},
		{"set-batch", "48", "bs=48"},
		{"set-weight_decay", "0.0005", "wd=0.0005&"},
		{"set-seed", "4242", "s=4242"},
		{"depth", "12", "b=16x2p*12&"},
		{"block-no", "3", ""},
		{"block-width", "32", "b=16x2p*2,32x2p,16x2p*9&"},
	}
	for i, f := range fields {
		commit := kb.Enter
		if i%2 == 1 {
			commit = kb.Tab
		}
		p.typeSlowly(t, "#"+f.id, f.text, commit)
		if f.link != "" {
			p.waitFor(t, f.id+" applied", fmt.Sprintf(`location.hash.includes(%q)`, f.link), 10*time.Second)
		}
		if v := p.fieldValue(t, "#"+f.id); v != f.text {
			t.Errorf("#%s shows %q after committing %q", f.id, v, f.text)
		}
		if !strings.Contains(p.text(t, "#play"), "Pause") {
			t.Fatalf("training stopped after committing #%s", f.id)
		}
	}
	p.checkNoErrors(t)
}

func TestTypingIntoTheTwinsAndSweepWhileTheyRun(t *testing.T) {
	p := newPage(t, 1280, 800)
	p.open(t, "#b=16x2p*6")
	p.click(t, "#view-twins")
	p.click(t, "#twin-play")
	p.waitFor(t, "both twins training", `["plain", "residual"].every(n => parseInt(document.querySelector("#ro-" + n + "-step").textContent.replace(/,/g, "")) > 0)`, 30*time.Second)
	p.typeSlowly(t, "#twin-depth", "12", kb.Enter)
	p.waitFor(t, "12 blocks in the link", `location.hash.includes("b=16x2p*12&")`, 10*time.Second)
	if v := p.fieldValue(t, "#twin-depth"); v != "12" {
		t.Errorf("#twin-depth shows %q after committing 12", v)
	}

	p.click(t, "#view-sweep")
	p.run(t, "a sweep that runs a while", setValue("#sweep-depths", "2, 4"), setValue("#sweep-steps", "100000"))
	p.click(t, "#sweep-run")
	p.waitFor(t, "the sweep running", `document.querySelector("#sweep-status").dataset.state === "running"`, 10*time.Second)
	p.typeSlowly(t, "#sweep-steps", "2500", kb.Tab)
	p.waitFor(t, "steps=2500 in the address", `new URLSearchParams(location.search).get("steps") === "2500"`, 10*time.Second)
	if v := p.fieldValue(t, "#sweep-steps"); v != "2500" {
		t.Errorf("#sweep-steps shows %q after committing 2500", v)
	}
	p.click(t, "#sweep-cancel")
	p.checkNoErrors(t)
}

func TestTypingIntoTheEmbedDialogWhileTraining(t *testing.T) {
	p := newPage(t, 1280, 800)
	p.open(t, "#b=16x2p*8")
	p.playing(t)
	p.click(t, "#embed-open")
	p.waitFor(t, "the dialog", `document.querySelector("#embed-caption")`, 5*time.Second)
	p.typeSlowly(t, "#embed-caption", "Deep plain", kb.Tab)
	p.typeSlowly(t, "#embed-height", "700", kb.Enter)
	var snippet string
	p.waitFor(t, "the snippet with both", `document.querySelector("#embed-snippet").value.includes('height="700"')`, 10*time.Second)
	p.eval(t, `document.querySelector("#embed-snippet").value`, &snippet)
	_, rest, _ := strings.Cut(snippet, "caption=")
	caption, _ := url.QueryUnescape(strings.FieldsFunc(rest, func(r rune) bool { return r == '&' || r == '"' || r == '#' })[0])
	if caption != "Deep plain" {
		t.Errorf("the snippet lacks the caption typed:\n%s", snippet)
	}
	for id, want := range map[string]string{"#embed-caption": "Deep plain", "#embed-height": "700"} {
		if v := p.fieldValue(t, id); v != want {
			t.Errorf("%s shows %q after committing %q", id, v, want)
		}
	}
	p.checkNoErrors(t)
}
