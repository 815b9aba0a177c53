//go:build js && wasm

package main

import (
	"sync"
	"syscall/js"
	"time"

	"resnetplayground/lab"
	"resnetplayground/ui"
)

// The worker trains in bursts and reports at most every reportEvery. Between bursts it
// yields to the JS event loop, which is when messages from the page arrive: Go on wasm has
// no preemption, so a loop that never blocks would never hear "pause".
const (
	burst          = 25 * time.Millisecond
	reportEvery    = 100 * time.Millisecond // ≤ 10 reports a second: each one re-renders the page
	boundaryEvery  = 200 * time.Millisecond // the boundary costs GridN² forward passes
	evalShareLimit = 4                      // keep measuring under 1/4 of the time
)

// inbox queues the page's commands between the JS callback and the training loop.
type inbox struct {
	mu   sync.Mutex
	cmds []received
	wake chan struct{}
}

// received is a command as decoded, or why it could not be.
type received struct {
	cmd ui.Command
	err error
}

func (b *inbox) push(c ui.Command, err error) {
	b.mu.Lock()
	b.cmds = append(b.cmds, received{c, err})
	b.mu.Unlock()
	select {
	case b.wake <- struct{}{}:
	default:
	}
}

func (b *inbox) take() []received {
	b.mu.Lock()
	defer b.mu.Unlock()
	cmds := b.cmds
	b.cmds = nil
	return cmds
}

// runWorker is main in the Web Worker. worker.js queues messages in self.resnetInbox until
// Go takes over through self.resnetDeliver.
func runWorker() {
	self := js.Global()
	box := &inbox{wake: make(chan struct{}, 1)}
	deliver := js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) == 0 {
			return nil
		}
		box.push(decodeCommand(args[0]))
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
	s := newSession()
	side := &sideWork{} // lesions and sweep runs
	var lastReport, lastBoundary time.Time
	postEvery, boundaryGap := reportEvery, boundaryEvery
	for {
		dirty := false
		for _, r := range box.take() {
			if side.take(s, r) {
				continue
			}
			if r.err != nil {
				// Most likely a Spec that does not validate: the run it was meant to
				// replace is gone either way, so it becomes a failed run.
				s.handle(ui.Command{Kind: ui.CmdReset, Gen: r.cmd.Gen, Spec: lab.Spec{}})
				s.err = "the settings did not reach the trainer intact: " + r.err.Error()
				dirty = true
				continue
			}
			dirty = s.handle(r.cmd) || dirty
		}

		if side.busy() {
			side.work()
			yield()
			continue
		}
		if s.training() {
			s.train(burst)
			if time.Since(lastReport) >= postEvery || dirty {
				withBoundary := time.Since(lastBoundary) >= boundaryGap
				start := time.Now()
				post(s.report(withBoundary))
				took := time.Since(start)
				lastReport = time.Now()
				if withBoundary {
					lastBoundary = lastReport
					boundaryGap = max(boundaryEvery, evalShareLimit*took)
				} else {
					postEvery = max(reportEvery, evalShareLimit*took)
				}
			}
			yield()
			continue
		}
		if dirty {
			post(s.report(true))
			lastReport, lastBoundary = time.Now(), time.Now()
		}
		<-box.wake // sleep until the page says something
	}
}

func post(r ui.Report) {
	msg, transfer := encodeReport(r)
	js.Global().Call("postMessage", msg, js.ValueOf(transfer))
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
