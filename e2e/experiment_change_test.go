package e2e

import (
	"testing"
	"time"
)

// twinSteps is a JS expression: the lower of the two twins' step read-outs.
const twinSteps = `Math.min(...["plain", "residual"].map(n => parseInt(document.querySelector("#ro-" + n + "-step").textContent.replace(/,/g, "")) || 0))`

// gradPoints is a JS expression: how many blocks the plain twin's worker reported a gradient
// for, i.e. how deep the network it trains is.
const gradPoints = `(document.querySelector(".twin-grad polyline.series.twin-plain")?.getAttribute("points") || "").trim().split(" ").filter(Boolean).length`

// Issue 12 §2: editing the address (or importing a Spec) while the twins train used to
// leave both twins training the old network under the new one's name. Now they restart
// from the new network, paused, and when played, train it.
func TestTwinsFollowAnEditedAddressAndAnImport(t *testing.T) {
	p := newPage(t, 1280, 900)
	p.run(t, "open the twins", navigate(site("/")+"?view=twins#b=16x2r*4"))
	p.waitFor(t, "the twin view", `document.body.hasAttribute("data-ready") && document.querySelector("#twin-play")`, 30*time.Second)
	p.click(t, "#twin-play")
	p.waitFor(t, "both twins training", twinSteps+" > 20", 30*time.Second)
	p.waitFor(t, "4 blocks' gradients", gradPoints+" === 4", 10*time.Second)

	p.eval(t, `location.hash = "b=16x2r*9&d=xor"`, nil)
	p.waitFor(t, "the twins paused on the new network", `document.querySelector("#twin-play").textContent.trim() === "Play" && document.querySelector("#twin-depth").value === "9"`, 10*time.Second)
	p.click(t, "#twin-play")
	p.waitFor(t, "9 blocks' gradients from the twins' workers", gradPoints+" === 9", 30*time.Second)

	p.click(t, "#export-open")
	p.importFile(t, "spec.json", `{"blocks": [{"width": 8, "layers": 1, "shortcut": true}, {"width": 8, "layers": 1, "shortcut": true}]}`)
	p.waitFor(t, "the twins paused on the imported network", `document.querySelector("#twin-play").textContent.trim() === "Play" && document.querySelector("#twin-depth").value === "2"`, 10*time.Second)
	p.click(t, "#twin-play")
	p.waitFor(t, "2 blocks' gradients from the twins' workers", gradPoints+" === 2", 30*time.Second)
	p.checkNoErrors(t)
}
