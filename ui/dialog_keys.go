package ui

import (
	"github.com/vugu/vugu"
	"github.com/vugu/vugu/js"
)

// The keyboard rules of a dialog (the WAI-ARIA dialog pattern): it takes focus when it
// opens, Tab and Shift+Tab cycle inside it, Escape closes it, and focus goes back to the
// button that opened it. Share's three panels follow them through these helpers.

// focusable matches the elements Tab can reach.
const focusable = `a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), ` +
	`select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])`

// focusInto focuses box's element marked data-autofocus, or else its first focusable one.
func focusInto(box js.Value) {
	if box.IsUndefined() || box.IsNull() {
		return
	}
	el := box.Call("querySelector", "[data-autofocus]")
	if el.IsNull() {
		el = box.Call("querySelector", focusable)
	}
	if !el.IsNull() {
		el.Call("focus")
	}
}

// focusByID focuses the element with this id, if it is on the page.
func focusByID(id string) {
	if el := js.Global().Get("document").Call("getElementById", id); !el.IsNull() {
		el.Call("focus")
	}
}

// dialogKey handles a key pressed inside the dialog the event's current target is: Escape
// calls close, Tab past the last element (Shift+Tab before the first) wraps around.
func dialogKey(e vugu.DOMEvent, close func()) {
	switch e.PropString("key") {
	case "Escape":
		e.PreventDefault()
		close()
	case "Tab":
		box := e.JSEventCurrentTarget()
		list := box.Call("querySelectorAll", focusable)
		n := list.Length()
		if n == 0 {
			e.PreventDefault()
			return
		}
		first, last := list.Index(0), list.Index(n-1)
		active := js.Global().Get("document").Get("activeElement")
		inside := box.Call("contains", active).Bool()
		switch {
		case e.PropBool("shiftKey") && (!inside || active.Call("isSameNode", first).Bool()):
			e.PreventDefault()
			last.Call("focus")
		case !e.PropBool("shiftKey") && (!inside || active.Call("isSameNode", last).Bool()):
			e.PreventDefault()
			first.Call("focus")
		}
	}
}
