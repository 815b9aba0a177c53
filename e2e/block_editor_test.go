package e2e

import (
	"testing"
	"time"
)

// Issue 11 §5: "layers" showed 1 after a refused Remove on a 2-layer block.
func TestRefusedRemoveKeepsTheLayersShown(t *testing.T) {
	p := newPage(t, 1280, 800)
	p.open(t, "#b=16x2p")
	p.click(t, "#remove-block") // the only block cannot go
	p.waitFor(t, "the refusal", `document.querySelector(".editor .msg") !== null`, 5*time.Second)
	if v := p.fieldValue(t, "#block-layers"); v != "2" {
		t.Errorf("after a refused Remove the 2-layer block shows %q layers", v)
	}
	p.checkNoErrors(t)
}
