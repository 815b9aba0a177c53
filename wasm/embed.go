//go:build js && wasm

package main

import (
	"syscall/js"

	"resnetplayground/ui"
	"resnetplayground/ui/link"
)

// embed.html sets self.resnetMode = "embed" before it starts Go, keeps self.resnetVisible
// up to date (in view and tab shown) and dispatches a "resnet-visibility" event on window
// whenever that changes; self.resnetStartedByClick says the reader pressed play on the poster.

// startEmbed returns the root of an embed when embed.html started the page, nil otherwise.
// The options come from the query string; the hash is the Spec, as on the main page.
func startEmbed(app *ui.App, cmp *ui.Compare, update func(func())) *ui.Embed {
	g := js.Global()
	if g.Get("resnetMode").String() != "embed" {
		return nil
	}
	opts, err := link.ParseEmbedQuery(g.Get("location").Get("search").String())
	e := &ui.Embed{App: app, Compare: cmp, Options: opts}
	if err != nil {
		e.OptionsErr = err.Error()
	}
	e.Start(g.Get("resnetStartedByClick").Truthy())
	if v := g.Get("resnetVisible"); v.Type() == js.TypeBoolean && !v.Bool() {
		e.SetVisible(false)
	}
	g.Call("addEventListener", "resnet-visibility", js.FuncOf(func(_ js.Value, args []js.Value) any {
		visible := len(args) > 0 && args[0].Get("detail").Truthy()
		update(func() { e.SetVisible(visible) })
		return nil
	}))
	return e
}
