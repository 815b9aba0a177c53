//go:build js && wasm

package main

import (
	"sync"
	"syscall/js"

	"resnetplayground/nn/data"
	"resnetplayground/proto"
	"resnetplayground/ui"
)

// The digits file is fetched once, when the first command about images is about to reach a
// worker (a visitor picked Digits, or opened a link to them), so a first visit does not pay
// for it. Each worker gets a copy before its first such command; commands to a worker that
// waits for it are queued behind it, so they arrive in the order they were sent.
type digitsLoader struct {
	mu       sync.Mutex
	state    string   // "", "loading", "ready" or "failed"
	file     js.Value // a Uint8Array once ready
	waiting  map[int][]queued
	workers  map[int]js.Value
	nextID   int
	progress func(ui.DigitsLoad) // tells the page; set by runPage
}

var digits = &digitsLoader{waiting: map[int][]queued{}, workers: map[int]js.Value{}}

// queued is a command waiting for the digits, and what to do once it is posted.
type queued struct {
	c    proto.Command
	sent func()
}

// post sends c to worker now, or after the digits file when the worker still needs it; sent
// (if not nil) runs when c has been posted.
func (l *digitsLoader) post(worker js.Value, c proto.Command, sent func()) {
	l.mu.Lock()
	id := l.id(worker)
	_, waits := l.waiting[id]
	needs := (c.Kind == proto.CmdReset || c.Kind == proto.CmdSweep) && data.IsImages(c.Spec.Dataset) &&
		!worker.Get("resnetHasDigits").Truthy()
	if !waits && !needs {
		l.mu.Unlock()
		postNow(worker, c)
		if sent != nil {
			sent()
		}
		return
	}
	l.waiting[id] = append(l.waiting[id], queued{c, sent})
	start := l.state != "loading" && l.state != "ready"
	if start {
		l.state = "loading"
	}
	ready := l.state == "ready"
	l.mu.Unlock()
	switch {
	case ready:
		l.flush()
	case start:
		l.fetch()
	}
}

// id numbers a worker, remembering the number on the worker object.
func (l *digitsLoader) id(worker js.Value) int {
	if v := worker.Get("resnetID"); v.Type() == js.TypeNumber {
		return v.Int()
	}
	l.nextID++
	worker.Set("resnetID", l.nextID)
	l.workers[l.nextID] = worker
	return l.nextID
}

// fetch asks boot.js for the file and flushes the queues when it arrives (or fails: then the
// queued commands go anyway, and the workers say the digits are missing).
func (l *digitsLoader) fetch() {
	l.tell(ui.DigitsLoad{State: "loading"})
	var onProgress, onDone, onFail js.Func
	onProgress = js.FuncOf(func(_ js.Value, args []js.Value) any {
		l.tell(ui.DigitsLoad{State: "loading", Fraction: args[0].Float()})
		return nil
	})
	release := func() { onProgress.Release(); onDone.Release(); onFail.Release() }
	onDone = js.FuncOf(func(_ js.Value, args []js.Value) any {
		l.mu.Lock()
		l.state, l.file = "ready", args[0]
		l.mu.Unlock()
		l.tell(ui.DigitsLoad{State: "ready", Fraction: 1})
		l.flush()
		release()
		return nil
	})
	onFail = js.FuncOf(func(_ js.Value, args []js.Value) any {
		msg := "the download failed"
		if len(args) > 0 && args[0].Get("message").Type() == js.TypeString {
			msg = args[0].Get("message").String()
		}
		l.mu.Lock()
		l.state = "failed"
		l.mu.Unlock()
		l.tell(ui.DigitsLoad{State: "failed", Err: msg})
		l.flush()
		release()
		return nil
	})
	js.Global().Call("resnetFetchDigits", data.ShippedDigitsSize, onProgress).Call("then", onDone, onFail)
}

// flush gives every waiting worker the file (if there is one) and then its queued commands.
func (l *digitsLoader) flush() {
	l.mu.Lock()
	waiting := l.waiting
	l.waiting = map[int][]queued{}
	file, ready := l.file, l.state == "ready"
	l.mu.Unlock()
	for id, cmds := range waiting {
		w := l.workers[id]
		if ready && !w.Get("resnetHasDigits").Truthy() {
			// Copied, not transferred: every worker needs its own.
			w.Call("postMessage", js.ValueOf(map[string]any{"type": string(proto.CmdDigits), "data": file}))
			w.Set("resnetHasDigits", true)
		}
		for _, q := range cmds {
			postNow(w, q.c)
			if q.sent != nil {
				q.sent()
			}
		}
	}
}

func (l *digitsLoader) tell(d ui.DigitsLoad) {
	if l.progress != nil {
		l.progress(d)
	}
}
