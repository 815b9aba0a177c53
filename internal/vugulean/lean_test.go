package vugulean

import (
	"strings"
	"testing"
)

// Lean turns each node's literal-and-append into one call with the same values, keeps every
// other statement, and drops the unused log import.
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
	vgn = &vugu.VGNode{Type: vugu.VGNodeType(3), Namespace: "", Data: "p", Attr: []vugu.VGAttribute(nil)}
	vgout.Out = append(vgout.Out, vgn) // root for output
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
		`vgn = &vugu.VGNode{Type: vugu.VGNodeType(3), Namespace: "", Data: "p", Attr: []vugu.VGAttribute(nil)}`, // a root: not appended
	} {
		if !strings.Contains(string(got), want) {
			t.Errorf("missing %s in\n%s", want, got)
		}
	}
	for _, gone := range []string{`"log"`, "log.Logger", "AppendChild"} {
		if strings.Contains(string(got), gone) {
			t.Errorf("%s left in\n%s", gone, got)
		}
	}
}
