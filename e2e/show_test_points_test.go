package e2e

import (
	"testing"
	"time"
)

// The boundary's legend has a "test" checkbox, as TensorFlow Playground's "show test data":
// tapping it on a phone takes the test points off the picture and puts them back.
func TestShowTestDataToggle(t *testing.T) {
	p := newPage(t, 390, 844)
	p.open(t, "?view=single#b=16x2r*2")
	const canvas = `document.querySelector(".heatmap canvas.boundary")`
	p.waitFor(t, "the points drawn", canvas+`.dataset.painted && !`+canvas+`.dataset.painted.endsWith("/0")`, 20*time.Second)
	var with, without, again string
	p.eval(t, canvas+`.toDataURL()`, &with)
	p.click(t, ".heatmap label.show-test")
	p.waitFor(t, "the test points gone", canvas+`.dataset.painted.endsWith("-train") && !document.querySelector(".heatmap .show-test-box").checked`, 5*time.Second)
	p.eval(t, canvas+`.toDataURL()`, &without)
	if without == with {
		t.Error("the picture did not change when the test points were hidden")
	}
	p.click(t, ".heatmap label.show-test")
	p.waitFor(t, "the test points back", `!`+canvas+`.dataset.painted.endsWith("-train")`, 5*time.Second)
	p.eval(t, canvas+`.toDataURL()`, &again)
	if again != with {
		t.Error("showing the test points again did not give back the first picture")
	}
	p.checkNoErrors(t)
}
