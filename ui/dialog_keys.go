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
	focusSoon(func() js.Value {
		if el := box.Call("querySelector", "[data-autofocus]"); !el.IsNull() {
			return el
		}
		return box.Call("querySelector", focusable)
	})
}

// focusByID focuses the element with this id, if it is on the page.
func focusByID(id string) {
	focusSoon(func() js.Value { return js.Global().Get("document").Call("getElementById", id) })
}

// focusSoon focuses the element find returns once the current event or render is over.
// These helpers run inside a render (vg-js-populate) or an event handler, and focusing there
// fires a focus event at once: one with a Vugu handler (the share link selects itself on
// focus) would wait for the render lock its caller holds. The element is looked up late
// too: a populate callback runs before the renderer has updated the element's children.
func focusSoon(find func() js.Value) {
	var f js.Func
	f = js.FuncOf(func(js.Value, []js.Value) any {
		f.Release()
		if el := find(); !el.IsUndefined() && !el.IsNull() {
			el.Call("focus")
		}
		return nil
	})
	js.Global().Call("setTimeout", f, 0)
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
			focusSoon(func() js.Value { return last })
		case !e.PropBool("shiftKey") && (!inside || active.Call("isSameNode", last).Bool()):
			e.PreventDefault()
			focusSoon(func() js.Value { return first })
		}
	}
}
