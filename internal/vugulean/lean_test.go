package vugulean

import (
	"strings"
	"testing"
)

// Lean turns each node's literal-and-append, each child component's lookup and append, and
// each event handler's append into one call with the same values, keeps every other statement (the component's fields
// are set between its lookup and its append), and drops the unused log import.
func TestLeanRewritesNodesOnly(t *testing.T) {
	src := `package ui

import "github.com/vugu/vugu"
import "log"

func build(vgparent *vugu.VGNode) {
	var vgn *vugu.VGNode
	vgn = &vugu.VGNode{Type: vugu.VGNodeType(1), Data: "\n    say \"hi\" {}"}
	vgparent.AppendChild(vgn)
	vgn = &vugu.VGNode{Type: vugu.VGNodeType(3), Namespace: "svg", Data: "text", Attr: []vugu.VGAttribute{{Namespace: "", Key: "x", Val: "}{"}, vugu.VGAttribute{Namespace: "", Key: "y", Val: "2"}}}
	vgparent.AppendChild(vgn)
	vgn.SetInnerHTML(vugu.HTML("x"))
	vgn.DOMEventHandlerSpecList = append(vgn.DOMEventHandlerSpecList, vugu.DOMEventHandlerSpec{
		EventType: "click",
		Func:      func(event vugu.DOMEvent) { c.move(-1, "}") },
		// TODO: implement capture, etc. mostly need to decide syntax
	})
	vgn = &vugu.VGNode{Type: vugu.VGNodeType(3), Namespace: "", Data: "p", Attr: []vugu.VGAttribute(nil)}
	vgout.Out = append(vgout.Out, vgn) // root for output
	{
		vgcompKey := vugu.MakeCompKey(0x49E0F6F74C3A0C44^vgin.CurrentPositionHash(), vgiterkey)
		// ask BuildEnv for prior instance of this specific component
		vgcomp, _ := vgin.BuildEnv.CachedComponent(vgcompKey).(*DigitsPad)
		if vgcomp == nil {
			// create new one if needed
			vgcomp = new(DigitsPad)
			vgin.BuildEnv.WireComponent(vgcomp)
		}
		vgin.BuildEnv.UseComponent(vgcompKey, vgcomp) // ensure we can use this in the cache next time around
		vgcomp.Runs = c.PadRuns()
		vgout.Components = append(vgout.Components, vgcomp)
		vgn = &vugu.VGNode{Component: vgcomp}
		vgparent.AppendChild(vgn)
	}
}

var _ log.Logger
`
	got, err := Lean([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`vgn = vgAppendText(vgparent, "\n    say \"hi\" {}")`,
		`vgn = vgAppendElement(vgparent, "svg", "text", []vugu.VGAttribute{{Namespace: "", Key: "x", Val: "}{"}, vugu.VGAttribute{Namespace: "", Key: "y", Val: "2"}})`,
		`vgn.SetInnerHTML(vugu.HTML("x"))`,
		`vgOn(vgn, "click", func(event vugu.DOMEvent) { c.move(-1, "}") })`,
		"vgcomp := vgComponent[DigitsPad](vgin, 0x49E0F6F74C3A0C44, vgiterkey)\n\t\tvgcomp.Runs = c.PadRuns()\n\t\tvgn = vgAppendComponent(vgout, vgparent, vgcomp)",
		`vgn = &vugu.VGNode{Type: vugu.VGNodeType(3), Namespace: "", Data: "p", Attr: []vugu.VGAttribute(nil)}`, // a root: not appended
	} {
		if !strings.Contains(string(got), want) {
			t.Errorf("missing %s in\n%s", want, got)
		}
	}
	for _, gone := range []string{`"log"`, "log.Logger", "AppendChild", "vgcompKey", "vgout.Components", "DOMEventHandlerSpecList"} {
		if strings.Contains(string(got), gone) {
			t.Errorf("%s left in\n%s", gone, got)
		}
	}
}
