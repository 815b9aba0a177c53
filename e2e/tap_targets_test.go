package e2e

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// Tap targets, measured as the browser lays them out: every control a visitor can press is
// at least 24×24 px (WCAG 2.2's minimum), and on a touch screen the main controls (Play,
// Step, Reset, the shortcut switches, the views, the dialogs' openers, ‹ › and the diagram's
// arcs) are 44×44, a fingertip. A checkbox counts its label, which toggles it too; an arc
// counts the thickness of its invisible hit stroke.

// target is one control's box on screen.
type target struct {
	Name    string
	W, H    float64
	Primary bool
}

const measureTargets = `(() => {
  const primary = "#play, #step, #reset, #shortcuts-switch, #twin-play, #twin-step, #twin-reset, .views button, " +
    "#share-open, #export-open, #embed-open, button.icon, .arc-hit";
  const out = [];
  const name = el => el.id ? "#" + el.id : el.tagName.toLowerCase() +
    (el.getAttribute("aria-label") ? "[" + el.getAttribute("aria-label") + "]" : "") +
    (el.className && el.className.baseVal === undefined && el.className ? "." + el.className.trim().split(/\s+/).join(".") : "") +
    (el.textContent.trim() ? " " + JSON.stringify(el.textContent.trim().slice(0, 20)) : "");
  const sel = 'button, input, select, textarea, a[href], summary, [role=switch], [role=button], [tabindex]:not([tabindex="-1"]), .arc-hit';
  for (const el of document.querySelectorAll(sel)) {
    const cs = getComputedStyle(el);
    let r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || cs.visibility === "hidden" || el.closest(".sr-only, [hidden]")) continue;
    if (el.tagName === "A" && cs.display === "inline") continue; // a link in a sentence (WCAG's inline exception)
    let w = r.width, h = r.height;
    if (el.labels && el.labels.length && (el.type === "checkbox" || el.type === "radio")) {
      for (const l of el.labels) {
        const lr = l.getBoundingClientRect();
        const left = Math.min(r.left, lr.left), top = Math.min(r.top, lr.top);
        w = Math.max(w, Math.max(r.right, lr.right) - left);
        h = Math.max(h, Math.max(r.bottom, lr.bottom) - top);
      }
    }
    out.push({Name: name(el), W: w, H: h, Primary: el.matches(primary)});
  }
  return out;
})()`

// checkTargets measures the page's controls in its current state (where names it).
func (p *page) checkTargets(t *testing.T, where string, touch bool) {
	t.Helper()
	var ts []target
	p.eval(t, measureTargets, &ts)
	if len(ts) < 3 {
		t.Fatalf("%s: only %d controls measured", where, len(ts))
	}
	for _, x := range ts {
		min := 24.0
		if touch && x.Primary {
			min = 44
		}
		if x.W < min-0.01 || x.H < min-0.01 {
			t.Errorf("%s: %s is %.1f×%.1f px; want at least %g×%g", where, x.Name, x.W, x.H, min, min)
		}
	}
}

func TestTapTargets(t *testing.T) {
	for _, size := range []struct {
		w, h  int
		touch bool
	}{{1280, 800, false}, {390, 844, true}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			p := newPage(t, size.w, size.h)
			if size.touch {
				p.run(t, "a touch screen", chromedp.ActionFunc(func(ctx context.Context) error {
					if err := emulation.SetTouchEmulationEnabled(true).WithMaxTouchPoints(5).Do(ctx); err != nil {
						return err
					}
					return emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "pointer", Value: "coarse"}, {Name: "any-pointer", Value: "coarse"}, {Name: "hover", Value: "none"}}).Do(ctx)
				}))
			}
			p.open(t, "?view=single#b=16x2p*8,16x2r*8")
			var coarse bool
			p.eval(t, `matchMedia("(pointer: coarse)").matches`, &coarse)
			if coarse != size.touch {
				t.Fatalf("(pointer: coarse) is %v; the emulation failed", coarse)
			}
			p.checkTargets(t, "single", size.touch)
			for _, d := range []string{"#share-open", "#export-open", "#embed-open"} {
				p.click(t, d)
				p.waitFor(t, d+"'s dialog", `!!document.querySelector("[role=dialog]")`, 5*time.Second)
				p.checkTargets(t, "single with "+d+"'s dialog", size.touch)
				p.run(t, "close the dialog", chromedp.KeyEvent("\x1b"))
				p.waitFor(t, d+"'s dialog closed", `!document.querySelector("[role=dialog]")`, 5*time.Second)
			}
			p.click(t, "#view-twins")
			p.waitFor(t, "the twins", `!!document.querySelector("#twin-play")`, 5*time.Second)
			p.checkTargets(t, "twins", size.touch)
			p.click(t, "#view-sweep")
			p.waitFor(t, "the sweep", `!!document.querySelector("#sweep-run")`, 5*time.Second)
			p.checkTargets(t, "sweep", size.touch)
			p.checkNoErrors(t)
		})
	}
}
