//go:build js && wasm

package main

import (
	"syscall/js"
	"time"

	"resnetplayground/ui"
)

// sideWork is what a worker does besides training the page's network: it answers lesion
// commands at once, and trains sweep runs when it is one of a sweep's pool. runWorker hands
// it every command first (take) and lets it work while it is busy.
type sideWork struct {
	job      *sweepJob
	lastPost time.Time
}

// take handles c if it is a lesion or sweep command, and reports whether it did.
func (w *sideWork) take(s *session, r received) bool {
	switch r.cmd.Kind {
	case ui.CmdLesion:
		msg, transfer := encodeLesion(s.lesion(r.cmd))
		js.Global().Call("postMessage", msg, js.ValueOf(transfer))
		return true
	case ui.CmdSweep:
		if r.err != nil {
			w.job = &sweepJob{err: "the run's settings did not reach the worker intact: " + r.err.Error()}
		} else {
			w.job = newSweepJob(r.cmd)
		}
		w.lastPost = time.Now()
		return true
	}
	return false
}

// busy reports whether a sweep run is waiting to be trained or reported.
func (w *sideWork) busy() bool { return w.job != nil }

// work trains the sweep run for a burst and tells the page how far it got: its progress
// about every reportEvery, and its final metrics once done.
func (w *sideWork) work() {
	w.job.advance(burst)
	p := w.job.point()
	if !p.Done && time.Since(w.lastPost) < reportEvery {
		return
	}
	js.Global().Call("postMessage", encodeSweepPoint(p))
	w.lastPost = time.Now()
	if p.Done {
		w.job = nil
	}
}
