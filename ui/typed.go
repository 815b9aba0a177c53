package ui

import "github.com/vugu/vugu/js"

// Typed keeps a text or number <input> showing what the visitor types. Vugu writes every
// bound value back into the DOM on every render, and a running experiment renders ten times
// a second, so a field bound with .value is reset between two key presses ("0.0125" became
// "0.003"). Instead each such input has no value binding and calls Show from
// vg-js-populate: a field that has focus is left alone until the visitor commits it
// (Enter, Tab or a click elsewhere fires change); any other field shows the current value.
//
// The zero value is ready to use; a component holds one Typed for all its fields.
type Typed struct {
	committed string // the id of the field just committed: shown once more, though focused
}

// Commit marks the field with this id as committed, so the next render shows the value
// that was applied (clamped, say) even while the field keeps focus after Enter.
func (t *Typed) Commit(id string) { t.committed = id }

// Show puts text into the input el unless the visitor is typing in it.
func (t *Typed) Show(el js.Value, text string) {
	if el.IsUndefined() || el.IsNull() {
		return
	}
	id := el.Get("id").String()
	if id == t.committed {
		t.committed = ""
	} else if el.Call("matches", ":focus").Bool() {
		return
	}
	if el.Get("value").String() != text {
		el.Set("value", text)
	}
}
