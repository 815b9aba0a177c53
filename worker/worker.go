// Package worker is what a Web Worker does, in plain Go: it keeps the page's network (a
// session: reset, run, step, toggle a shortcut, report), answers lesion questions, and in a
// sweep's pool trains one sweep run at a time. Messages come and go as proto.Messages;
// wasm/ only moves them across postMessage and lets the JS event loop run between bursts,
// so everything here runs in native tests.
package worker

import (
	"time"

	"resnetplayground/lab"
	"resnetplayground/proto"
)

// The worker trains in bursts and reports at most every ReportEvery. Between bursts the glue
// yields to the JS event loop, which is when messages from the page arrive: Go on wasm has
// no preemption, so a loop that never blocks would never hear "pause".
const (
	Burst          = 25 * time.Millisecond
	ReportEvery    = 100 * time.Millisecond // ≤ 10 reports a second: each one re-renders the page
	boundaryEvery  = 200 * time.Millisecond // the boundary costs GridN² forward passes
	evalShareLimit = 4                      // keep measuring under 1/4 of the time
)

// Worker is one worker's state. Use it from one goroutine: Receive every message from the
// page, then Work, and post what they return; while Busy, let the event loop run and call
// Work again, else wait for the next message.
type Worker struct {
	s     *session
	job   *sweepJob // a sweep run, in a pool worker
	dirty bool      // the page should hear about the session at once

	lastReport, lastBoundary time.Time
	reportGap, boundaryGap   time.Duration
	lastPoint                time.Time
}

// New is a worker with no network yet.
func New() *Worker {
	return &Worker{s: newSession(), reportGap: ReportEvery, boundaryGap: boundaryEvery}
}

// Receive applies one message from the page and returns the replies it needs at once (a
// lesion's answer). A command that cannot be decoded, most likely a Spec that does not
// validate, fails the run it was meant to replace, which is gone either way.
func (w *Worker) Receive(m proto.Message) []proto.Message {
	c, err := proto.DecodeCommand(m)
	switch c.Kind {
	case proto.CmdLesion:
		return []proto.Message{proto.EncodeLesion(w.s.lesion(c))}
	case proto.CmdSweep:
		if err != nil {
			w.job = &sweepJob{err: "the run's settings did not reach the worker intact: " + err.Error()}
		} else {
			w.job = newSweepJob(c)
		}
		w.lastPoint = time.Now()
		return nil
	}
	if err != nil {
		w.s.handle(proto.Command{Kind: proto.CmdReset, Gen: c.Gen, Spec: lab.Spec{}})
		w.s.err = "the settings did not reach the trainer intact: " + err.Error()
		w.dirty = true
		return nil
	}
	w.dirty = w.s.handle(c) || w.dirty
	return nil
}

// Busy reports whether Work has more to do: a sweep run to train or a network running.
func (w *Worker) Busy() bool { return w.job != nil || w.s.training() }

// Work does one burst and returns what to post: a sweep run's progress about every
// ReportEvery and its final metrics once done; or the network's report when one is due (or
// the page changed something), with the boundary picture at most every so often. The gaps
// stretch so that measuring stays under a quarter of the time.
func (w *Worker) Work() []proto.Message {
	dirty := w.dirty
	w.dirty = false
	if w.job != nil {
		return w.workSweep()
	}
	if !w.s.training() {
		if !dirty {
			return nil
		}
		w.lastReport, w.lastBoundary = time.Now(), time.Now()
		return []proto.Message{proto.EncodeReport(w.s.report(true))}
	}
	w.s.train(Burst)
	if time.Since(w.lastReport) < w.reportGap && !dirty {
		return nil
	}
	withBoundary := time.Since(w.lastBoundary) >= w.boundaryGap
	start := time.Now()
	msg := proto.EncodeReport(w.s.report(withBoundary))
	took := time.Since(start)
	w.lastReport = time.Now()
	if withBoundary {
		w.lastBoundary = w.lastReport
		w.boundaryGap = max(boundaryEvery, evalShareLimit*took)
	} else {
		w.reportGap = max(ReportEvery, evalShareLimit*took)
	}
	return []proto.Message{msg}
}

// workSweep trains the sweep run for a burst and says how far it got.
func (w *Worker) workSweep() []proto.Message {
	w.job.advance(Burst)
	p := w.job.point()
	if !p.Done && time.Since(w.lastPoint) < ReportEvery {
		return nil
	}
	w.lastPoint = time.Now()
	if p.Done {
		w.job = nil
	}
	return []proto.Message{proto.EncodeSweepPoint(p)}
}
