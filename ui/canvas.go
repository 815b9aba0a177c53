package ui

import "github.com/vugu/vugu/js"

// The page's pictures are canvases kept outside Vugu's tree (see Heatmap for why), each
// drawn from an offscreen canvas of its pixels, scaled up.

// canvasIn returns the canvas kept inside wrap, making it (w×h, with label) when wrap is new.
func canvasIn(wrap, canvas js.Value, class string, w, h int, label string) (js.Value, bool) {
	if !canvas.IsUndefined() && wrap.Call("contains", canvas).Bool() {
		return canvas, false
	}
	canvas = js.Global().Get("document").Call("createElement", "canvas")
	canvas.Set("className", class)
	canvas.Set("width", w)
	canvas.Set("height", h)
	canvas.Call("setAttribute", "role", "img")
	canvas.Call("setAttribute", "aria-label", label)
	wrap.Call("replaceChildren", canvas)
	return canvas, true
}

// putPixels puts rgba (w×h pixels, RGBA) onto the offscreen canvas *c, making it, or making
// it anew at another size, as needed.
func putPixels(c *js.Value, rgba []byte, w, h int) {
	if c.IsUndefined() || c.Get("width").Int() != w || c.Get("height").Int() != h {
		*c = js.Global().Get("document").Call("createElement", "canvas")
		c.Set("width", w)
		c.Set("height", h)
	}
	arr := js.Global().Get("Uint8ClampedArray").New(len(rgba))
	js.CopyBytesToJS(arr, rgba)
	c.Call("getContext", "2d").Call("putImageData", js.Global().Get("ImageData").New(arr, w, h), 0, 0)
}
