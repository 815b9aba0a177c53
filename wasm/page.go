//go:build js && wasm

package main

import (
	"fmt"
	"strings"
	"syscall/js"
	"time"

	"github.com/vugu/vugu"
	"github.com/vugu/vugu/domrender"

	"resnetplayground/ui"
)

// pageHost is ui.Host in the browser: commands go to the worker, the Spec to the URL hash.
type pageHost struct {
	worker js.Value
}

func (h *pageHost) Send(c ui.Command) {
	msg, err := encodeCommand(c)
	if err != nil {
		js.Global().Get("console").Call("error", "resnet: cannot encode command:", err.Error())
		return
	}
	h.worker.Call("postMessage", msg)
}

func (h *pageHost) ReplaceHash(hash string) {
	js.Global().Get("history").Call("replaceState", js.Null(), "", "#"+hash)
}

// runPage is main on the page: start the worker with the module the page already compiled,
// mount the UI, and render whenever an event or a report changed something.
func runPage() {
	g := js.Global()
	worker := g.Get("Worker").New("worker.js")
	worker.Call("postMessage", js.ValueOf(map[string]any{"type": "module", "module": g.Get("resnetModule")}))

	renderer, err := domrender.New("#app")
	if err != nil {
		fatal(err)
		return
	}
	defer renderer.Release()
	env := renderer.EventEnv()
	buildEnv, err := vugu.NewBuildEnv(env)
	if err != nil {
		fatal(err)
		return
	}

	app := ui.NewApp(&pageHost{worker: worker}, g.Get("location").Get("hash").String(), uint64(time.Now().UnixNano()))
	root := &ui.Root{App: app}

	// Reports and browser events arrive in JS callbacks; the state changes in a goroutine
	// under the render lock, which the callback must not wait for.
	update := func(f func()) {
		go func() {
			env.Lock()
			defer env.UnlockRender()
			f()
		}()
	}
	grids, gridMS := 0, 0.0
	pace := newPacer(env)                  // worker reports: shown at a pace the page can afford
	root.Compare = startCompare(app, pace) // the twin and sweep views, with workers of their own
	worker.Set("onmessage", js.FuncOf(func(_ js.Value, args []js.Value) any {
		v := args[0].Get("data")
		if str(v, "type") == "lesion" {
			r := decodeLesion(v)
			update(func() { app.ReceiveLesion(r) })
			return nil
		}
		r := decodeReport(v)
		if r.GridN > 0 {
			// The boundary pictures drawn and what they cost the worker, for `make bench-browser`.
			grids++
			gridMS += r.BoundaryMS
			g.Set("resnetGrid", js.ValueOf(map[string]any{"n": r.GridN, "ms": r.BoundaryMS, "count": grids, "totalMS": gridMS}))
		}
		pace.report(r, func() { app.Receive(r) })
		return nil
	}))
	root.Browser = &browser{update: update}
	// A render on demand, without changing anything: `make bench-browser` times renders this way.
	g.Set("resnetRender", js.FuncOf(func(js.Value, []js.Value) any { update(func() {}); return nil }))
	var top vugu.Builder = root
	if embed := startEmbed(app, root.Compare, update); embed != nil {
		top = embed // embed.html: only the views its options name
	} else {
		root.Compare.LoadQuery(g.Get("location").Get("search").String()) // ?view=twins and the like
	}
	worker.Set("onerror", js.FuncOf(func(_ js.Value, args []js.Value) any {
		msg := "the training worker failed"
		if len(args) > 0 && args[0].Get("message").Type() == js.TypeString {
			msg += ": " + args[0].Get("message").String()
		}
		update(func() { app.Notice = msg; app.Running = false })
		return nil
	}))
	g.Set("onhashchange", js.FuncOf(func(js.Value, []js.Value) any {
		hash := g.Get("location").Get("hash").String()
		update(func() {
			if strings.TrimPrefix(hash, "#") != app.Spec.String() {
				app.LoadHash(hash) // the user edited the address by hand
			}
		})
		return nil
	}))

	ready := false
	renders, renderTime, buildTime := 0, time.Duration(0), time.Duration(0)
	const len64 = 64
	costs := g.Get("Array").New(len64)
	g.Set("resnetRenderCosts", costs)
	for ok := true; ok; ok = renderer.EventWait() {
		start := time.Now()
		built := buildEnv.RunBuild(top)
		build := time.Since(start)
		if err := renderer.Render(built); err != nil {
			g.Get("console").Call("error", "resnet: render:", err.Error())
		}
		// How many renders and how long they took (building Vugu's tree, then syncing it to
		// the DOM), for `make bench-browser`.
		cost := time.Since(start)
		pace.rendered(cost)
		renders, renderTime, buildTime = renders+1, renderTime+cost, buildTime+build
		costs.SetIndex(renders%len64, cost.Seconds()*1000) // the latest 64
		g.Set("resnetRenders", renders)
		g.Set("resnetRenderMS", renderTime.Seconds()*1000)
		g.Set("resnetBuildMS", buildTime.Seconds()*1000)
		if !ready {
			// Time to interactive, for `make bench-browser`; tests wait for data-ready.
			g.Set("resnetReadyAt", g.Get("performance").Call("now"))
			g.Get("document").Get("body").Call("setAttribute", "data-ready", "1")
			ready = true
		}
	}
}

func fatal(err error) {
	js.Global().Get("console").Call("error", fmt.Sprint("resnet: ", err))
}
