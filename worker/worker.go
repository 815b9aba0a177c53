// Package worker is what a Web Worker does, in plain Go: it keeps the page's network (a
// session: reset, run, step, toggle a shortcut, report), answers lesion questions, and in a
// sweep's pool trains one sweep run at a time. Messages come and go as proto.Messages;
// wasm/ only moves them across postMessage and lets the JS event loop run between bursts,
// so everything here runs in native tests.
package worker

import (
	"time"

	"resnetplayground/lab"
	"resnetplayground/nn/data"
	"resnetplayground/proto"
)

// The worker trains in bursts, and between them reports as the cadence says (cadence.go).
// Between bursts the glue yields to the JS event loop, which is when messages from the page
// arrive: Go on wasm has no preemption, so a loop that never blocks would never hear "pause".
// A burst ends early when a report falls due (cadence.untilDue).
const Burst = 25 * time.Millisecond

// Worker is one worker's state. Use it from one goroutine: Receive every message from the
// page, then Work, and post what they return; while Busy, let the event loop run and call
// Work again, else wait for the next message.
type Worker struct {
	s         *session
	pace      *cadence
	job       *sweepJob      // a sweep run, in a pool worker
	why       *landscapeWork // a loss landscape filling in, between training bursts
	dirty     bool           // the page should hear about the session at once
	probed    bool           // the page drew a digit and waits for its probabilities
	lastPoint time.Time      // of the sweep run
}

// New is a worker with no network yet.
func New() *Worker {
	return &Worker{s: newSession(), pace: newCadence()}
}

// Receive applies one message from the page and returns the replies it needs at once (a
// lesion's answer). A command that cannot be decoded, most likely a Spec that does not
// validate, fails the run it was meant to replace, which is gone either way.
func (w *Worker) Receive(m proto.Message) []proto.Message {
	c, err := proto.DecodeCommand(m)
	switch c.Kind {
	case proto.CmdLesion:
		// What earlier commands changed is posted first, so the answer's Ack holds.
		out := w.flushDirty()
		w.s.ack = max(w.s.ack, c.Seq)
		r := w.s.lesion(c)
		r.Ack = w.s.ack
		return append(out, proto.EncodeLesion(r))
	case proto.CmdLandscape:
		out := w.flushDirty() // as for a lesion: what earlier commands changed goes first
		return append(out, w.receiveLandscape(c, err)...)
	case proto.CmdSweep:
		if err != nil {
			w.job = &sweepJob{err: "the run's settings did not reach the worker intact: " + err.Error()}
		} else {
			w.job = newSweepJob(c)
		}
		w.lastPoint = time.Now()
		return nil
	}
	if err == nil && c.Kind == proto.CmdProbe {
		// A drawing needs one forward pass, not a measurement: answer it on its own.
		w.probed = w.s.handle(c) || w.probed
		return nil
	}
	if err != nil {
		w.s.handle(proto.Command{Kind: proto.CmdReset, Gen: c.Gen, Seq: c.Seq, Spec: lab.Spec{}})
		w.s.err = "the settings did not reach the trainer intact: " + err.Error()
		w.dirty = true
		return nil
	}
	w.dirty = w.s.handle(c) || w.dirty
	if c.Kind == proto.CmdReset {
		w.pace.onImages(data.IsImages(c.Spec.Dataset))
	}
	return nil
}

// fullReport measures the network and draws its boundary: what the page needs after a
// command changed something.
func (w *Worker) fullReport() proto.Message {
	return w.report(measure{metrics: true, gridN: w.pace.gridN(w.s.cost())})
}

// flushDirty is the full report owed for commands not yet reported on, if any; it clears the
// debt.
func (w *Worker) flushDirty() []proto.Message {
	if !w.dirty {
		return nil
	}
	w.dirty = false
	return []proto.Message{w.fullReport()}
}

// Busy reports whether Work has more to do: a sweep run to train, a network running, a
// drawn digit to classify or a landscape filling in.
func (w *Worker) Busy() bool { return w.job != nil || w.s.training() || w.probed || w.why != nil }

// Work does one burst and returns what to post: a sweep run's progress about every
// reportEvery and its final metrics once done; or, for the page's network, a fully measured
// report at once when the page changed something (a reset, a step, a pause), and while it
// trains the reports the cadence asks for.
func (w *Worker) Work() []proto.Message {
	dirty := w.dirty
	w.dirty = false
	if w.job != nil {
		return w.workSweep()
	}
	var out []proto.Message
	probed := w.probed
	w.probed = false
	switch {
	case dirty:
		out = append(out, w.fullReport())
	case probed:
		out = append(out, w.report(measure{}))
	}
	// A picture asked for at a later step trains the network there first (landscape.go),
	// instead of the usual burst; either way the page hears how training goes.
	reaching := w.why != nil && w.why.reaching()
	if w.s.training() && !reaching {
		burst := Burst
		if w.why == nil {
			// Alone, a burst ends when a report falls due (at least one step); beside a
			// landscape, whose bursts are longer than the reports' gap, it keeps its share.
			burst = min(Burst, w.pace.untilDue(time.Now()))
		}
		w.s.train(burst)
	}
	if w.why != nil { // a burst of training, then a longer one of the picture
		out = append(out, w.workLandscape()...)
	}
	if w.s.training() || reaching {
		if want, ok := w.pace.due(time.Now(), w.s.cost()); ok {
			out = append(out, w.report(want))
		}
	}
	return out
}

// report is the session's report measuring want; the cadence learns what it cost.
func (w *Worker) report(want measure) proto.Message {
	r, cost := w.s.report(want)
	msg := proto.EncodeReport(r)
	w.pace.reported(time.Now(), want, cost)
	w.pace.timedGrid(cost.gridN, w.s.cost(), cost.grid)
	return msg
}

// workSweep trains the sweep run for a burst and says how far it got.
func (w *Worker) workSweep() []proto.Message {
	w.job.advance(Burst)
	p := w.job.point()
	if !p.Done && time.Since(w.lastPoint) < reportEvery {
		return nil
	}
	w.lastPoint = time.Now()
	if p.Done {
		w.job = nil
	}
	return []proto.Message{proto.EncodeSweepPoint(p)}
}
