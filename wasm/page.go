//go:build js && wasm

package main

import (
	"fmt"
	"strings"
	"syscall/js"
	"time"

	"github.com/vugu/vugu"
	"github.com/vugu/vugu/domrender"

	"resnetplayground/nn"
	"resnetplayground/proto"
	"resnetplayground/ui"
	"resnetplayground/wasm/jsmsg"
)

// pageHost is ui.Host in the browser: commands go to the worker, the Spec to the URL hash.
type pageHost struct {
	worker *supervisedWorker
}

func (h *pageHost) Send(c proto.Command) { h.worker.post(c) }

func (h *pageHost) ReplaceHash(hash string) {
	js.Global().Get("history").Call("replaceState", js.Null(), "", "#"+hash)
}

// runPage is main on the page: start the worker with the module the page already compiled,
// mount the UI, and render whenever an event or a report changed something.
func runPage() {
	g := js.Global()
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

	// The worker starts first, so the App's first reset reaches it; its callbacks run once
	// this function blocks, by when app and onMessage are set.
	var app *ui.App
	var onMessage func(js.Value)
	var pace *pacer
	host := &pageHost{worker: superviseWorker("The training worker", func(v js.Value) { onMessage(v) }, func(why string) {
		pace.now(func() { app.WorkerLost(why) })
	})}
	openedHash := g.Get("location").Get("hash").String() // NewApp writes the Spec into it
	app = ui.NewApp(host, openedHash, uint64(time.Now().UnixNano()))
	app.Touch = g.Call("matchMedia", "(pointer: coarse)").Get("matches").Bool()
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
	digits.progress = func(d ui.DigitsLoad) { update(func() { app.SetDigitsLoad(d) }) }
	grids, gridMS := 0, 0.0
	pace = newPacer(env)                   // worker reports: shown at a pace the page can afford
	root.Compare = startCompare(app, pace) // the twin and sweep views, with workers of their own
	onMessage = func(v js.Value) {
		m := jsmsg.FromJS(v)
		if m.Type() == "lesion" {
			r := proto.DecodeLesion(m)
			update(func() { app.ReceiveLesion(r) })
			return
		}
		r := proto.DecodeReport(m)
		if r.GridN > 0 {
			// The boundary pictures drawn and what they cost the worker, for `make bench-browser`.
			grids++
			gridMS += r.BoundaryMS
			g.Set("resnetGrid", js.ValueOf(map[string]any{"n": r.GridN, "ms": r.BoundaryMS, "count": grids, "totalMS": gridMS}))
		}
		pace.report(r, func() { app.Receive(r) })
	}
	root.Browser = &browser{update: update}
	// A render on demand, without changing anything: `make bench-browser` times renders this way.
	g.Set("resnetRender", js.FuncOf(func(js.Value, []js.Value) any { update(func() {}); return nil }))
	var top vugu.Builder = root
	if embed := startEmbed(app, root.Compare, update); embed != nil {
		top = embed // embed.html: only the views its options name
	} else {
		root.Compare.LoadAddress(g.Get("location").Get("search").String(), openedHash) // ?view=twins and the like
	}
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
		built := ui.BoundForRender(buildEnv.RunBuild(top))
		build := time.Since(start)
		if err := renderer.Render(built); err != nil {
			g.Get("console").Call("error", "resnet: render:", err.Error())
			showRenderFailure(err)
		} else {
			hideRenderFailure()
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
			// Which kernels this module (and so every worker, which runs the same module) carries.
			g.Get("document").Get("body").Call("setAttribute", "data-kernels", nn.Kernels)
			ready = true
		}
	}
}

// showRenderFailure says, outside the part of the page Vugu draws, that the page could not
// update itself, and offers a reload (the experiment is in the address, so nothing is lost).
// Values are bounded before they are rendered, so this is for what that cannot foresee.
func showRenderFailure(err error) {
	doc := js.Global().Get("document")
	doc.Get("body").Call("setAttribute", "data-render-failed", "1")
	if !doc.Call("getElementById", "render-failure").IsNull() {
		return
	}
	box := doc.Call("createElement", "div")
	box.Set("id", "render-failure")
	box.Set("className", "notice render-failure")
	box.Call("setAttribute", "role", "alert")
	msg := doc.Call("createElement", "span")
	msg.Set("textContent", "The page stopped updating ("+ui.BoundText(err.Error())+"). Your experiment is in the address: reload to carry on. ")
	reload := doc.Call("createElement", "button")
	reload.Set("textContent", "Reload")
	reload.Call("addEventListener", "click", js.FuncOf(func(js.Value, []js.Value) any {
		js.Global().Get("location").Call("reload")
		return nil
	}))
	box.Call("append", msg, reload)
	doc.Get("body").Call("prepend", box)
}

// hideRenderFailure takes the notice away once a render succeeds again.
func hideRenderFailure() {
	doc := js.Global().Get("document")
	if box := doc.Call("getElementById", "render-failure"); !box.IsNull() {
		box.Call("remove")
		doc.Get("body").Call("removeAttribute", "data-render-failed")
	}
}

func fatal(err error) {
	js.Global().Get("console").Call("error", fmt.Sprint("resnet: ", err))
}
