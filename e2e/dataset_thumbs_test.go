package e2e

import (
	"strings"
	"testing"
	"time"
)

// Picking the data by its picture on a phone: each 2-D dataset's thumbnail is drawn from its
// generator (coloured points on the grey ground), tapping one switches the experiment to it,
// and the thumbnails follow the noise setting.
func TestDatasetThumbnailsOnAPhone(t *testing.T) {
	p := newPage(t, 390, 844)
	p.open(t, "?view=single#b=16x2r*2")
	const drawn = `[...document.querySelectorAll(".thumbs .thumb-pic canvas")]`
	p.waitFor(t, "the thumbnails drawn", drawn+`.length === document.querySelectorAll(".thumbs button.thumb").length`, 10*time.Second)
	var coloured []int
	p.eval(t, drawn+`.map(c => { const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data; let n = 0;
		for (let i = 0; i < d.length; i += 4) if (Math.max(d[i], d[i+1], d[i+2]) - Math.min(d[i], d[i+1], d[i+2]) > 60) n++; return n; })`, &coloured)
	if len(coloured) < 6 {
		t.Fatalf("%d thumbnails; want one per dataset", len(coloured))
	}
	for i, n := range coloured[:5] { // the five 2-D sets; the digits show a label
		if n < 100 {
			t.Errorf("thumbnail %d has %d coloured pixels; want its points drawn", i+1, n)
		}
	}
	p.click(t, "#thumb-xor")
	p.waitFor(t, "d=xor in the link", `location.hash.includes("d=xor")`, 10*time.Second)
	p.waitFor(t, "the menu and the thumbnail agree", `document.querySelector("#set-dataset").value === "xor" &&
		document.querySelector("#thumb-xor").getAttribute("aria-checked") === "true" &&
		document.querySelector("#thumb-spiral").getAttribute("aria-checked") === "false"`, 10*time.Second)
	var before string
	p.eval(t, `document.querySelector("#thumb-moons canvas").toDataURL()`, &before)
	p.click(t, "#set-noise-up")
	p.waitFor(t, "the moons redrawn with more noise", `document.querySelector("#thumb-moons canvas").toDataURL() !== `+jsString(before), 10*time.Second)
	p.checkNoErrors(t)
}

// Regenerate, tapped on a phone: new points with the same settings (the boundary's points
// and the dataset's thumbnail change), a data seed in the link, the seed unchanged.
func TestRegenerateDataOnAPhone(t *testing.T) {
	p := newPage(t, 390, 844)
	p.open(t, "?view=single#b=16x2r*2&s=5")
	const canvas = `document.querySelector(".heatmap canvas.boundary")`
	p.waitFor(t, "the points drawn", canvas+`.dataset.painted && !`+canvas+`.dataset.painted.endsWith("/0")`, 20*time.Second)
	p.waitFor(t, "the thumbnail drawn", `!!document.querySelector("#thumb-spiral canvas")`, 10*time.Second)
	var points, thumb, painted string
	p.eval(t, canvas+`.toDataURL()`, &points)
	p.eval(t, `document.querySelector("#thumb-spiral canvas").toDataURL()`, &thumb)
	p.eval(t, canvas+`.dataset.painted`, &painted)
	p.click(t, "#regenerate")
	p.waitFor(t, "a data seed in the link", `/[#&]ds=\d+/.test(location.hash) && /[#&]s=5(&|$)/.test(location.hash)`, 10*time.Second)
	p.waitFor(t, "the new points drawn", canvas+`.dataset.painted.split("/")[1] !== `+jsString(strings.Split(painted, "/")[1]), 20*time.Second)
	var after, thumbAfter string
	p.eval(t, canvas+`.toDataURL()`, &after)
	p.eval(t, `document.querySelector("#thumb-spiral canvas").toDataURL()`, &thumbAfter)
	if after == points || thumbAfter == thumb {
		t.Errorf("after Regenerate the points changed: %v, the thumbnail: %v; want both", after != points, thumbAfter != thumb)
	}
	p.checkNoErrors(t)
}
