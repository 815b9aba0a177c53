package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Keyboard only: the dialogs take focus, keep it, close on Escape and give it back; the
// diagram is one Tab stop with the arrow keys inside it.

// activeID is the focused element's id ("" for none).
func (p *page) activeID(t testing.TB) string {
	t.Helper()
	var id string
	p.eval(t, `document.activeElement ? document.activeElement.id : ""`, &id)
	return id
}

// press sends one key, with Shift when shift is set.
func (p *page) press(t testing.TB, key string, shift bool) {
	t.Helper()
	var opts []chromedp.KeyOption
	if shift {
		opts = append(opts, chromedp.KeyModifiers(input.ModifierShift))
	}
	p.run(t, "press "+key, chromedp.KeyEvent(key, opts...))
}

// tabTo presses Tab from where focus is until cond holds, and returns how many presses it
// took; it fails after max.
func (p *page) tabTo(t testing.TB, what, cond string, max int) int {
	t.Helper()
	for n := 1; n <= max; n++ {
		p.press(t, kb.Tab, false)
		var ok bool
		p.eval(t, "!!("+cond+")", &ok)
		if ok {
			return n
		}
	}
	t.Fatalf("%d Tabs did not reach %s", max, what)
	return 0
}

func TestDialogsTrapFocusAndCloseOnEscape(t *testing.T) {
	p := newPage(t, 1280, 800)
	p.open(t, "#b=16x2p*4")
	for _, d := range []struct{ opener, box string }{
		{"share-open", ".share-panel[role=dialog]"},
		{"export-open", ".export[role=dialog]"},
		{"embed-open", ".embed-dialog[role=dialog]"},
	} {
		p.run(t, "blur", chromedp.Evaluate(`document.activeElement && document.activeElement.blur()`, nil))
		p.tabTo(t, d.opener, fmt.Sprintf(`document.activeElement.id === %q`, d.opener), 20)
		p.press(t, kb.Enter, false)
		inside := fmt.Sprintf(`document.querySelector(%q) && document.querySelector(%q).contains(document.activeElement)`, d.box, d.box)
		p.waitFor(t, d.box+" to take focus", inside, 5*time.Second)
		for i := range 25 { // more than any of them holds, both ways
			p.press(t, kb.Tab, i%5 == 4)
			var ok bool
			p.eval(t, "!!("+inside+")", &ok)
			if !ok {
				t.Fatalf("Tab %d left %s: focus on %q", i+1, d.box, p.activeID(t))
			}
		}
		p.press(t, kb.Escape, false)
		p.waitFor(t, d.box+" to close", fmt.Sprintf(`!document.querySelector(%q)`, d.box), 5*time.Second)
		p.waitFor(t, "focus back on "+d.opener, fmt.Sprintf(`document.activeElement.id === %q`, d.opener), 5*time.Second)
	}
	p.checkNoErrors(t)
}

func TestDiagramIsOneTabStopWithArrowKeys(t *testing.T) {
	p := newPage(t, 1280, 800)
	p.open(t, "#b=16x2p*128")
	if n := p.count(t, `.diagram [tabindex="0"]`); n != 1 {
		t.Fatalf("%d Tab stops in the diagram, want 1", n)
	}
	onArc := `document.activeElement.classList.contains("arc-hit")`
	p.tabTo(t, "the diagram", onArc, 60)
	label := func() string {
		var s string
		p.eval(t, `document.activeElement.getAttribute("aria-label")`, &s)
		return s
	}
	if l := label(); l != "shortcut of block 1" {
		t.Errorf("the diagram's Tab stop is %q, want the selected block 1", l)
	}
	for range 3 {
		p.press(t, kb.ArrowDown, false)
	}
	p.waitFor(t, "block 4's arc focused", `document.activeElement.getAttribute("aria-label") === "shortcut of block 4"`, 5*time.Second)
	p.press(t, " ", false)
	p.waitFor(t, "block 4's shortcut on", `location.hash.includes("b=16x2p*3,16x2r,16x2p*124&")`, 5*time.Second)
	if v := p.fieldValue(t, "#block-no"); v != "4" {
		t.Errorf("the block editor shows block %q, want the arc's block 4", v)
	}
	p.press(t, kb.End, false)
	p.waitFor(t, "the last arc focused", `document.activeElement.getAttribute("aria-label") === "shortcut of block 128"`, 5*time.Second)
	p.press(t, kb.ArrowUp, false)
	p.waitFor(t, "block 127's arc focused", `document.activeElement.getAttribute("aria-label") === "shortcut of block 127"`, 5*time.Second)
	p.press(t, kb.Home, false)
	p.waitFor(t, "the first arc focused", `document.activeElement.getAttribute("aria-label") === "shortcut of block 1"`, 5*time.Second)

	// One Tab leaves the diagram for the block editor.
	p.press(t, kb.Tab, false)
	var stillOnArc bool
	p.eval(t, onArc, &stillOnArc)
	if stillOnArc {
		t.Error("Tab moved to another arc instead of out of the diagram")
	}
	p.checkNoErrors(t)
}
