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
