package ui

import "github.com/vugu/vugu"

// The generated components call these for each static node: internal/vugulean rewrites
// vugugen's two statements per node (a VGNode literal, then AppendChild) into one call, and
// noinline keeps the compiler from copying them back, which keeps main.wasm smaller.

// vgAppendText appends a text node to parent and returns it.
//
//go:noinline
func vgAppendText(parent *vugu.VGNode, data string) *vugu.VGNode {
	n := &vugu.VGNode{Type: vugu.VGNodeType(1), Data: data}
	parent.AppendChild(n)
	return n
}

// vgAppendElement appends an element to parent and returns it.
//
//go:noinline
func vgAppendElement(parent *vugu.VGNode, namespace, tag string, attr []vugu.VGAttribute) *vugu.VGNode {
	n := &vugu.VGNode{Type: vugu.VGNodeType(3), Namespace: namespace, Data: tag, Attr: attr}
	parent.AppendChild(n)
	return n
}

// vgComponent is the child component of type T at this place in the build (id is the place
// in the source, iterKey the loop iteration): the one from the previous build if there is
// one, else a new one, wired; it is marked used for the next build.
//
//go:noinline
func vgComponent[T any, PT interface {
	*T
	vugu.Builder
}](vgin *vugu.BuildIn, id uint64, iterKey any) PT {
	key := vugu.MakeCompKey(id^vgin.CurrentPositionHash(), iterKey)
	comp, _ := vgin.BuildEnv.CachedComponent(key).(PT)
	if comp == nil {
		comp = PT(new(T))
		vgin.BuildEnv.WireComponent(comp)
	}
	vgin.BuildEnv.UseComponent(key, comp)
	return comp
}

// vgAppendComponent adds comp to the build's output and its node to parent, and returns the
// node.
//
//go:noinline
func vgAppendComponent(vgout *vugu.BuildOut, parent *vugu.VGNode, comp vugu.Builder) *vugu.VGNode {
	vgout.Components = append(vgout.Components, comp)
	n := &vugu.VGNode{Component: comp}
	parent.AppendChild(n)
	return n
}

// vgOn adds a handler for the DOM event to n.
//
//go:noinline
func vgOn(n *vugu.VGNode, event string, f func(vugu.DOMEvent)) {
	n.DOMEventHandlerSpecList = append(n.DOMEventHandlerSpecList, vugu.DOMEventHandlerSpec{EventType: event, Func: f})
}
