package ui

import "github.com/vugu/vugu"

// selectTarget selects the text of the field that got focus, so a link or snippet is ready to
// copy. It is a Vugu handler, not an inline onfocus attribute, which the page's
// Content-Security-Policy forbids.
func selectTarget(e vugu.DOMEvent) { e.JSEventTarget().Call("select") }
