//go:build js && wasm

package main

import (
	"syscall/js"

	"resnetplayground/proto"
	"resnetplayground/ui"
	"resnetplayground/wasm/jsmsg"
)

// compareHost is ui.CompareHost in the browser: a worker per twin (started the first time
// a twin is spoken to), and a pool of workers per sweep. Replies reach the UI through the
// page's pacer, which takes the render lock.
type compareHost struct {
	cmp   *ui.Compare
	pace  *pacer
	twins [2]*supervisedWorker
	pool  *sweepPool
}

// startCompare makes the twin and sweep views for app; pace applies changes to the page's
// state under the render lock (see runPage).
func startCompare(app *ui.App, pace *pacer) *ui.Compare {
	h := &compareHost{pace: pace}
	h.cmp = ui.NewCompare(app, h)
	return h.cmp
}

// workerFailure is how a worker was lost: an error event (it could not start, or crashed),
// or worker.js saying its Go program ended (Exited).
type workerFailure struct {
	Exited bool
	Detail string // the error's or the exit's message; "" when there was none
}

// newWorker starts a training worker on the module the page compiled, and calls onmessage
// with each message the Go program posts and onfail if the worker is lost. worker.js's own
// messages are handled here: "exited" (the program ended: a panic, or its main returned) is
// a failure, and "memory" answers `make soak`, not the page. Both the twins' supervised
// workers and the sweep's pool start theirs here.
func newWorker(onmessage func(js.Value), onfail func(workerFailure)) (js.Value, []js.Func) {
	g := js.Global()
	w := g.Get("Worker").New("worker.js")
	msg := js.FuncOf(func(_ js.Value, args []js.Value) any {
		v := args[0].Get("data")
		switch kind := v.Get("type"); {
		case kind.Type() != js.TypeString:
		case kind.String() == "memory":
			return nil
		case kind.String() == "exited":
			f := workerFailure{Exited: true}
			if why := v.Get("why"); why.Type() == js.TypeString {
				f.Detail = why.String()
			}
			onfail(f)
			return nil
		}
		onmessage(v)
		return nil
	})
	fail := js.FuncOf(func(_ js.Value, args []js.Value) any {
		var f workerFailure
		if len(args) > 0 && args[0].Get("message").Type() == js.TypeString {
			f.Detail = args[0].Get("message").String()
		}
		onfail(f)
		return nil
	})
	w.Set("onmessage", msg)
	w.Set("onerror", fail)
	w.Call("postMessage", js.ValueOf(map[string]any{"type": "module", "module": g.Get("resnetModule")}))
	return w, []js.Func{msg, fail}
}

// SendTwin sends a command to one twin's worker, starting the worker first if need be.
// The twins' workers live as long as the page, or until they fail: then a reset starts a
// fresh one.
func (h *compareHost) SendTwin(side int, c proto.Command) {
	if side < 0 || side > 1 {
		return
	}
	if h.twins[side] == nil {
		h.twins[side] = superviseWorker("The "+ui.TwinNames[side]+" twin's worker", func(v js.Value) {
			m := jsmsg.FromJS(v)
			if m.Type() == "lesion" {
				r := proto.DecodeLesion(m)
				h.pace.now(func() { h.cmp.ReceiveLesion(side, r) })
				return
			}
			if m.Type() == string(proto.CmdLandscape) {
				r := proto.DecodeLandscape(m)
				// Filling in, it renders at the page's pace; finished or failed, at once.
				h.pace.queue(paced{func() { h.cmp.ReceiveLandscape(side, r) }, r.Finished() || r.Err != ""})
				return
			}
			r := proto.DecodeReport(m)
			h.pace.report(r, func() { h.cmp.ReceiveTwin(side, r) })
		}, func(why string) {
			h.pace.now(func() { h.cmp.Twins.Side[side].WorkerLost(why) })
		})
	}
	h.twins[side].post(c)
}

// ReplaceQuery rewrites the page's query string (the view and the sweep's settings), keeping
// its path and hash, without a new history entry.
func (h *compareHost) ReplaceQuery(query string) {
	loc := js.Global().Get("location")
	url := loc.Get("pathname").String()
	if query != "" {
		url += "?" + query
	}
	url += loc.Get("hash").String()
	js.Global().Get("history").Call("replaceState", js.Null(), "", url)
}
