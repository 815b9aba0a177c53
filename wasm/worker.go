//go:build js && wasm

package main

import (
	"sync"
	"syscall/js"
	"time"

	"resnetplayground/lab"
	"resnetplayground/ui"
)

// The worker trains in bursts, and between them reports as the cadence says (cadence.go).
// Between bursts it yields to the JS event loop, which is when messages from the page
// arrive: Go on wasm has no preemption, so a loop that never blocks would never hear "pause".
const burst = 25 * time.Millisecond

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
	pace := newCadence()
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
		if dirty {
			// A reset, a step or a pause: the page hears about it at once, fully measured.
			report(s, pace, measure{metrics: true, gridN: pace.gridN(s.cost())})
		}
		if s.training() {
			s.train(burst)
			if want, ok := pace.due(time.Now(), s.cost()); ok {
				report(s, pace, want)
			}
			yield()
			continue
		}
		<-box.wake // sleep until the page says something
	}
}

// report posts the session's report measuring want, and tells the cadence what it cost.
func report(s *session, pace *cadence, want measure) {
	r, cost := s.report(want)
	post(r)
	pace.reported(time.Now(), want, cost)
	pace.timedGrid(cost.gridN, s.cost(), cost.grid)
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
