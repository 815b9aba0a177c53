//go:build js && wasm

package main

import (
	"fmt"
	"syscall/js"
	"time"

	"resnetplayground/proto"
)

// A training worker can fail in ways the page hears of only indirectly: worker.js or
// wasm_exec.js does not load (offline, blocked: an error event before any message), its Go
// program ends (a panic: worker.js posts {type: "exited"}), or it goes silent (the tab ran
// out of memory, the browser killed it). supervisedWorker turns each into one plain
// sentence for the page, and the next reset after a failure starts a fresh worker, so
// Reset (or Play) recovers without a reload.

// Silence limits: a worker must answer its first command within startLimit (it loads
// worker.js and wasm_exec.js and instantiates the module the page compiled), and a worker
// that owes an answer (it is training, or was just asked something) must say something
// within silenceLimit, or five times the longest gap it has shown, for a very costly
// network whose steps and measurements take seconds.
const (
	startLimit   = 30 * time.Second
	silenceLimit = 10 * time.Second
)

type supervisedWorker struct {
	name      string // "The training worker", "The plain twin's worker"
	onMessage func(js.Value)
	onFail    func(why string) // once per lost worker

	w      js.Value
	funcs  []js.Func
	dead   bool
	heard  bool          // the current worker has posted something
	owed   bool          // an answer is due: a command was sent, or it reports it is training
	since  time.Time     // when the answer became due, or the worker last spoke
	maxGap time.Duration // the longest wait for it so far
}

// superviseWorker starts a worker and watches it.
func superviseWorker(name string, onMessage func(js.Value), onFail func(string)) *supervisedWorker {
	s := &supervisedWorker{name: name, onMessage: onMessage, onFail: onFail}
	s.start()
	go s.watch()
	return s
}

// start makes a fresh worker on the module the page compiled (newWorker), and watches what
// it says: a worker replaced since, or already lost, is not heard.
func (s *supervisedWorker) start() {
	g := js.Global()
	s.dead, s.heard, s.owed, s.maxGap = false, false, true, 0
	s.since = time.Now()
	var w js.Value
	w, s.funcs = newWorker(func(v js.Value) {
		if !w.Equal(s.w) || s.dead {
			return // a replaced worker's last words
		}
		now := time.Now()
		if s.owed {
			s.maxGap = max(s.maxGap, now.Sub(s.since))
		}
		s.heard, s.since = true, now
		if r := v.Get("running"); r.Type() == js.TypeBoolean {
			s.owed = r.Bool() // a training worker keeps reporting; a paused one owes nothing
		} else {
			s.owed = false
		}
		s.onMessage(v)
	}, func(f workerFailure) {
		if !w.Equal(s.w) || s.dead {
			return
		}
		switch {
		case f.Exited:
			why := "its program ended"
			if f.Detail != "" {
				why += ": " + f.Detail
			}
			s.fail(s.name + " stopped (" + why + "). Press Reset to start a new one.")
		case !s.heard:
			s.fail(s.name + " could not start: worker.js or wasm_exec.js did not load (offline, or blocked?). Press Reset to try again.")
		default:
			s.fail(s.name + " crashed (" + f.Detail + "). Press Reset to start a new one.")
		}
	})
	s.w = w
	// Every worker started, for tests and debugging (a test ends one to see the page notice).
	if g.Get("resnetWorkers").IsUndefined() {
		g.Set("resnetWorkers", g.Get("Array").New())
	}
	g.Get("resnetWorkers").Call("push", s.w)
}

// post sends c. A lost worker hears nothing until a reset, which starts a fresh one.
func (s *supervisedWorker) post(c proto.Command) {
	if s.dead {
		if c.Kind != proto.CmdReset {
			return
		}
		s.start()
	}
	// The clock starts when the command is posted: one about images may first wait for the
	// digits file, which is not the worker's silence. Only commands the worker always
	// answers start it.
	digits.post(s.w, c, func() {
		switch c.Kind {
		case proto.CmdReset, proto.CmdRun, proto.CmdStep, proto.CmdLesion:
			if !s.owed || !s.heard {
				s.owed, s.since = true, time.Now()
			}
		}
	})
}

// fail ends the current worker and tells the page why, once.
func (s *supervisedWorker) fail(why string) {
	if s.dead {
		return
	}
	s.dead = true
	s.w.Call("terminate")
	// The callbacks may be running now (fail is called from them): release them later.
	funcs := s.funcs
	s.funcs = nil
	time.AfterFunc(time.Second, func() {
		for _, f := range funcs {
			f.Release()
		}
	})
	s.onFail(why)
}

// watch looks for a worker that owes an answer and has been silent too long.
func (s *supervisedWorker) watch() {
	last := time.Now()
	for now := range time.Tick(time.Second) {
		stalled := now.Sub(last) > 3*time.Second
		last = now
		if stalled {
			// The page itself was busy or asleep (a hidden tab): the worker's messages may be
			// waiting behind this tick. Judge it at the next one.
			continue
		}
		if s.dead || !s.owed {
			continue
		}
		silent := time.Since(s.since)
		switch {
		case !s.heard && silent > startLimit:
			s.fail(fmt.Sprintf("%s did not start within %d s (is the connection slow, or gone?). Press Reset to try again.", s.name, int(startLimit.Seconds())))
		case s.heard && silent > max(silenceLimit, 5*s.maxGap):
			s.fail(fmt.Sprintf("%s stopped answering (nothing for %d s; it may have run out of memory). Press Reset to start a new one.", s.name, int(silent.Seconds())))
		}
	}
}
