// Package vugulean finishes the code vugugen generates for a package (0_components_gen.go):
// it formats it, as gofmt would, and makes it smaller without changing what it builds.
// `go generate ./ui` runs it (cmd/vugulean) after vugugen, as does the server's build and the
// test that checks the generated file is fresh, so the file stays generated.
//
// Two things shrink main.wasm:
//   - Each text node (about 550, most of them the white space between tags) and element is
//     two statements, an allocation of a VGNode literal and an AppendChild, that the wasm
//     backend compiles to about 800 bytes; one call to vgAppendText or vgAppendElement
//     (functions of the package, beside the components) is a few dozen. Likewise a child
//     component's lookup in the build's cache and its append (vgComponent,
//     vgAppendComponent), and an event handler's append (vgOn). The DOM is the same.
//   - vugugen imports "log" for nothing (var _ log.Logger), and log's init alone links its
//     formatter.
package vugulean

import (
	"bytes"
	"go/format"
	"regexp"
)

// textNode and elementNode are a node's creation and append as vugugen writes them (after
// gofmt, a line each).
var (
	textNode    = regexp.MustCompile(`vgn = &vugu\.VGNode\{Type: vugu\.VGNodeType\(1\), Data: ("(?:[^"\\]|\\.)*")\}\n\s*vgparent\.AppendChild\(vgn\)`)
	elementNode = regexp.MustCompile(`vgn = &vugu\.VGNode\{Type: vugu\.VGNodeType\(3\), Namespace: ("[^"]*"), Data: ("[^"]*"), Attr: (.*)\}\n\s*vgparent\.AppendChild\(vgn\)`)

	// componentLookup finds or makes a component (in the build's cache) and marks it used;
	// componentNode appends the component to the output and its node to the parent.
	componentLookup = regexp.MustCompile(`vgcompKey := vugu\.MakeCompKey\((0x[0-9A-Fa-f]+)\^vgin\.CurrentPositionHash\(\), vgiterkey\)\n\s*// ask BuildEnv for prior instance of this specific component\n\s*vgcomp, _ := vgin\.BuildEnv\.CachedComponent\(vgcompKey\)\.\(\*(\w+)\)\n\s*if vgcomp == nil \{\n\s*// create new one if needed\n\s*vgcomp = new\(\w+\)\n\s*vgin\.BuildEnv\.WireComponent\(vgcomp\)\n\s*\}\n\s*vgin\.BuildEnv\.UseComponent\(vgcompKey, vgcomp\) // ensure we can use this in the cache next time around`)
	// eventHandler adds a DOM event handler to the node.
	eventHandler  = regexp.MustCompile(`vgn\.DOMEventHandlerSpecList = append\(vgn\.DOMEventHandlerSpecList, vugu\.DOMEventHandlerSpec\{\n\s*EventType: ("[^"]*"),\n\s*Func: *(func\(event vugu\.DOMEvent\) \{.*\}),\n\s*// TODO: implement capture, etc\. mostly need to decide syntax\n\s*\}\)`)
	componentNode = regexp.MustCompile(`vgout\.Components = append\(vgout\.Components, vgcomp\)\n\s*vgn = &vugu\.VGNode\{Component: vgcomp\}\n\s*vgparent\.AppendChild\(vgn\)`)
)

// Lean is the generated source src, formatted and made smaller.
func Lean(src []byte) ([]byte, error) {
	src, err := format.Source(src)
	if err != nil {
		return nil, err
	}
	src = textNode.ReplaceAll(src, []byte("vgn = vgAppendText(vgparent, $1)"))
	src = elementNode.ReplaceAll(src, []byte("vgn = vgAppendElement(vgparent, $1, $2, $3)"))
	src = componentLookup.ReplaceAll(src, []byte("vgcomp := vgComponent[$2](vgin, $1, vgiterkey)"))
	src = componentNode.ReplaceAll(src, []byte("vgn = vgAppendComponent(vgout, vgparent, vgcomp)"))
	src = eventHandler.ReplaceAll(src, []byte("vgOn(vgn, $1, $2)"))
	src = bytes.ReplaceAll(src, []byte("import \"log\"\n"), nil)
	src = bytes.ReplaceAll(src, []byte("var _ log.Logger\n"), nil)
	return format.Source(src)
}
