package e2e

import (
	"strconv"
	"testing"
	"time"
)

// On a phone, while the network trains: the selected block's output shows as one small
// picture per unit; tapping another block in the diagram shows that block's instead, and
// its pictures keep changing as the network learns.
func TestBlockOutputFollowsTheTappedBlock(t *testing.T) {
	p := newPage(t, 390, 844)
	p.open(t, "?view=single#b=16x2r*6")
	p.playing(t)
	p.waitFor(t, "block 1's output", `!!document.querySelector(".block-output[data-block='1'][data-units='16'] canvas.block-map")`, 30*time.Second)

	p.click(t, `.diagram g[data-block="2"] rect.layer`)
	p.waitFor(t, "block 3 selected and mapped", `document.querySelector("#block-no").value === "3" &&
		!!document.querySelector(".block-output[data-block='3'][data-units='16'] canvas.block-map")`, 30*time.Second)
	version := p.attr(t, ".block-output", "data-map-version")
	p.waitFor(t, "the map to follow training", `document.querySelector(".block-output").dataset.mapVersion !== `+strconv.Quote(version), 30*time.Second)

	var ink int
	p.eval(t, `(() => {
		const c = document.querySelector(".block-output canvas.block-map");
		const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
		let ink = 0;
		for (let i = 0; i < d.length; i += 4) if (d[i] < 250 || d[i+1] < 250 || d[i+2] < 250) ink++;
		return ink;
	})()`, &ink)
	if ink == 0 {
		t.Error("block 3's map is blank: every unit white")
	}
	if w := p.attr(t, ".block-output canvas.block-map", "width"); w == "" {
		t.Error("no canvas width")
	}
	p.checkNoErrors(t)
}
