package worker

import (
	"fmt"
	"time"

	"resnetplayground/lab"
	"resnetplayground/proto"
)

// landscapeWork is the picture of why the network trains as it does (proto.CmdLandscape): its
// loss landscape, computed a few points at a time between training bursts so that training
// and "pause" go on as before, and its shattered gradients at initialisation and now, which
// take one pass each and are computed at once.
type landscapeWork struct {
	gen        int
	job        *lab.LandscapeJob
	step       int
	init, now  lab.Shattered
	spent      time.Duration // computing the landscape, not training in between
	lastReport time.Time
}

// landscapeReportEvery is how often a landscape filling in is reported: often enough that the
// page shows it growing, seldom enough that copying the grid costs nothing to speak of.
const landscapeReportEvery = 150 * time.Millisecond

// startLandscape begins c's picture of the session's network, or says why it cannot.
func (s *session) startLandscape(c proto.Command) (w *landscapeWork, err error) {
	defer func() {
		if p := recover(); p != nil {
			w, err = nil, fmt.Errorf("internal error: %v", p)
		}
	}()
	if c.Gen != s.gen || s.trainer == nil {
		return nil, fmt.Errorf("there is no network to picture yet")
	}
	t := s.trainer
	w = &landscapeWork{gen: c.Gen, step: t.Metrics().Step}
	if w.job, err = t.StartLandscape(c.Landscape); err != nil {
		return nil, err
	}
	// The shattered gradients need a line in the plane; on images the landscape stands alone.
	if init, err := t.ShatterAtInit(); err == nil {
		w.init = init
		w.now, _ = t.Shatter()
	}
	return w, nil
}

// advance evaluates points for about budget, at least one.
func (w *landscapeWork) advance(budget time.Duration) {
	start := time.Now()
	for !w.job.Finished() {
		w.job.Run(1)
		if time.Since(start) >= budget {
			break
		}
	}
	w.spent += time.Since(start)
}

// report is the picture so far.
func (w *landscapeWork) report(ack int) proto.LandscapeReport {
	r := proto.LandscapeReport{
		Gen: w.gen, Ack: ack, Step: w.step, Done: w.job.Done(), Total: w.job.Total(),
		Landscape: w.job.Result(), ShatterInit: w.init, ShatterNow: w.now,
		MS: float64(w.spent.Microseconds()) / 1000,
	}
	if w.job.Finished() {
		r.Roughness = r.Landscape.Roughness()
	}
	return r
}

// receiveLandscape starts a picture, or answers at once why it cannot.
func (w *Worker) receiveLandscape(c proto.Command, decodeErr error) []proto.Message {
	w.s.ack = max(w.s.ack, c.Seq)
	var err error
	if decodeErr != nil {
		err = fmt.Errorf("the landscape's settings did not reach the worker intact: %v", decodeErr)
	} else {
		w.why, err = w.s.startLandscape(c)
	}
	if err != nil {
		w.why = nil
		return []proto.Message{proto.EncodeLandscape(proto.LandscapeReport{Gen: c.Gen, Ack: w.s.ack, Err: err.Error()})}
	}
	w.why.lastReport = time.Now()
	return []proto.Message{proto.EncodeLandscape(w.why.report(w.s.ack))} // the gradients, and 0 of N
}

// workLandscape advances the picture for a burst and reports it when due or done. A picture
// of a network since replaced is dropped.
func (w *Worker) workLandscape() []proto.Message {
	if w.why.gen != w.s.gen || w.s.trainer == nil {
		w.why = nil
		return nil
	}
	w.why.advance(Burst)
	finished := w.why.job.Finished()
	if !finished && time.Since(w.why.lastReport) < landscapeReportEvery {
		return nil
	}
	w.why.lastReport = time.Now()
	msg := proto.EncodeLandscape(w.why.report(w.s.ack))
	if finished {
		w.why = nil
	}
	return []proto.Message{msg}
}
