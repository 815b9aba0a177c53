//go:build js && wasm

package main

import (
	"errors"
	"syscall/js"
)

// browser is ui.Browser: clipboard, downloads and file reading for Share, Export and Embed.
// Callbacks that change state go through update, which takes the render lock.
type browser struct {
	update func(func())
}

// maxImportBytes bounds a Spec file: the longest valid Spec is a few kilobytes.
const maxImportBytes = 1 << 20

func (b *browser) PageURL() string { return js.Global().Get("location").Get("href").String() }

func (b *browser) Copy(text string, done func(ok bool)) {
	finish := func(ok bool) {
		if done != nil {
			b.update(func() { done(ok) })
		}
	}
	clip := js.Global().Get("navigator").Get("clipboard")
	if clip.IsUndefined() || clip.Get("writeText").IsUndefined() {
		finish(copyWithCommand(text))
		return
	}
	onceThen(clip.Call("writeText", text),
		func(js.Value) { finish(true) },
		func(js.Value) { finish(copyWithCommand(text)) })
}

// copyWithCommand is the pre-Clipboard-API way: select a hidden textarea holding text and
// run the copy command. It works without a secure context while the user's click is recent.
func copyWithCommand(text string) bool {
	doc := js.Global().Get("document")
	focused := doc.Get("activeElement") // selecting the textarea takes focus: give it back
	ta := doc.Call("createElement", "textarea")
	ta.Set("value", text)
	ta.Call("setAttribute", "readonly", "")
	ta.Get("style").Set("cssText", "position:fixed;top:-1000px;left:-1000px;opacity:0")
	doc.Get("body").Call("appendChild", ta)
	ta.Call("select")
	ok := false
	if cmd := doc.Get("execCommand"); cmd.Type() == js.TypeFunction {
		ok = doc.Call("execCommand", "copy").Truthy()
	}
	ta.Call("remove")
	if !focused.IsNull() && focused.Get("focus").Type() == js.TypeFunction {
		focused.Call("focus")
	}
	return ok
}

func (b *browser) Download(filename, mime string, body []byte) {
	u8 := js.Global().Get("Uint8Array").New(len(body))
	js.CopyBytesToJS(u8, body)
	blob := js.Global().Get("Blob").New([]any{u8}, map[string]any{"type": mime})
	downloadBlob(filename, blob)
}

// downloadBlob saves a Blob through an object URL and a clicked <a download>. The URL is
// revoked a while later: revoking it at once can cancel the download in some browsers.
func downloadBlob(filename string, blob js.Value) {
	g := js.Global()
	url := g.Get("URL").Call("createObjectURL", blob)
	a := g.Get("document").Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", filename)
	a.Get("style").Set("display", "none")
	g.Get("document").Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	revoke := g.Get("URL").Get("revokeObjectURL").Call("bind", g.Get("URL"), url)
	g.Call("setTimeout", revoke, 60_000)
}

func (b *browser) DownloadPNG(filename, svg string, width, height, scale int, done func(err error)) {
	g := js.Global()
	finish := func(err error) { b.update(func() { done(err) }) }
	blob := g.Get("Blob").New([]any{svg}, map[string]any{"type": "image/svg+xml;charset=utf-8"})
	url := g.Get("URL").Call("createObjectURL", blob)
	img := g.Get("Image").New()
	var onload, onerror js.Func
	release := func() {
		onload.Release()
		onerror.Release()
		g.Get("URL").Call("revokeObjectURL", url)
	}
	onload = js.FuncOf(func(js.Value, []js.Value) any {
		defer release()
		canvas := g.Get("document").Call("createElement", "canvas")
		canvas.Set("width", width*scale)
		canvas.Set("height", height*scale)
		ctx := canvas.Call("getContext", "2d")
		ctx.Call("scale", scale, scale)
		ctx.Call("drawImage", img, 0, 0, width, height)
		var toBlob js.Func
		toBlob = js.FuncOf(func(_ js.Value, args []js.Value) any {
			toBlob.Release()
			if len(args) == 0 || args[0].IsNull() {
				finish(errors.New("the browser could not encode the picture"))
				return nil
			}
			downloadBlob(filename, args[0])
			finish(nil)
			return nil
		})
		canvas.Call("toBlob", toBlob, "image/png")
		return nil
	})
	onerror = js.FuncOf(func(js.Value, []js.Value) any {
		release()
		finish(errors.New("the browser could not draw the SVG"))
		return nil
	})
	img.Set("onload", onload)
	img.Set("onerror", onerror)
	img.Set("src", url)
}

func (b *browser) ReadFile(inputID string, done func(text string, err error)) {
	finish := func(text string, err error) { b.update(func() { done(text, err) }) }
	input := js.Global().Get("document").Call("getElementById", inputID)
	if input.IsNull() || input.Get("files").IsUndefined() || input.Get("files").Length() == 0 {
		finish("", errors.New("no file was chosen"))
		return
	}
	file := input.Get("files").Index(0)
	if file.Get("size").Int() > maxImportBytes {
		finish("", errors.New("the file is larger than 1 MB; a Spec is a few kilobytes"))
		return
	}
	input.Set("value", "") // choosing the same file again fires change again
	onceThen(file.Call("text"),
		func(v js.Value) { finish(v.String(), nil) },
		func(v js.Value) { finish("", errors.New(v.Call("toString").String())) })
}

// onceThen attaches Go callbacks to a JS promise and releases both after either runs.
func onceThen(promise js.Value, ok, fail func(js.Value)) {
	var onOK, onFail js.Func
	arg := func(args []js.Value) js.Value {
		if len(args) == 0 {
			return js.Undefined()
		}
		return args[0]
	}
	onOK = js.FuncOf(func(_ js.Value, args []js.Value) any {
		onOK.Release()
		onFail.Release()
		ok(arg(args))
		return nil
	})
	onFail = js.FuncOf(func(_ js.Value, args []js.Value) any {
		onOK.Release()
		onFail.Release()
		fail(arg(args))
		return nil
	})
	promise.Call("then", onOK, onFail)
}
