//go:build js && wasm

package main

import (
	"sync"
	"syscall/js"

	"resnetplayground/proto"
	"resnetplayground/wasm/jsmsg"
	"resnetplayground/worker"
)

// The worker role: worker.Worker does the work; this file moves its messages and lets the
// JS event loop run between its bursts (Go on wasm has no preemption, so a loop that never
// yields would never hear "pause").

// inbox queues the page's messages between the JS callback and the training loop.
type inbox struct {
	mu   sync.Mutex
	msgs []proto.Message
	wake chan struct{}
}

func (b *inbox) push(m proto.Message) {
	b.mu.Lock()
	b.msgs = append(b.msgs, m)
	b.mu.Unlock()
	select {
	case b.wake <- struct{}{}:
	default:
	}
}

func (b *inbox) take() []proto.Message {
	b.mu.Lock()
	defer b.mu.Unlock()
	msgs := b.msgs
	b.msgs = nil
	return msgs
}

// runWorker is main in the Web Worker. worker.js queues messages in self.resnetInbox until
// Go takes over through self.resnetDeliver.
func runWorker() {
	self := js.Global()
	box := &inbox{wake: make(chan struct{}, 1)}
	deliver := js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) > 0 {
			box.push(jsmsg.FromJS(args[0]))
		}
		return nil
	})
	self.Set("resnetDeliver", deliver)
	if queued := self.Get("resnetInbox"); !queued.IsUndefined() {
		for i := range queued.Length() {
			deliver.Invoke(queued.Index(i))
		}
		self.Set("resnetInbox", js.Undefined())
	}

	yield := newYielder()
	w := worker.New()
	for {
		for _, m := range box.take() {
			postToPage(w.Receive(m)...)
		}
		postToPage(w.Work()...)
		if w.Busy() {
			yield()
			continue
		}
		<-box.wake // sleep until the page says something
	}
}

// newYielder returns a function that lets the JS event loop run once and then returns. It
// posts to itself on a MessageChannel: unlike setTimeout(0), that is not clamped to 4 ms.
func newYielder() func() {
	ch := make(chan struct{}, 1)
	mc := js.Global().Get("MessageChannel").New()
	mc.Get("port1").Set("onmessage", js.FuncOf(func(js.Value, []js.Value) any {
		select {
		case ch <- struct{}{}:
		default:
		}
		return nil
	}))
	port := mc.Get("port2")
	return func() {
		port.Call("postMessage", nil)
		<-ch
	}
}
