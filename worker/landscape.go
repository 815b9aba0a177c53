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
// take one pass each and are computed at once. A picture asked for at a later step than the
// network's (LandscapeConfig.At: a link that reproduces a picture) first trains the network
// to that step, whether or not it is running, and only then starts.
type landscapeWork struct {
	gen        int
	cfg        lab.LandscapeConfig
	job        *lab.LandscapeJob // nil while training to cfg.At
	step       int
	init, now  lab.Shattered
	spent      time.Duration // computing the landscape, not training in between
	lastReport time.Time
}

// landscapeShare is how many training bursts' worth of time the picture takes for each burst
// of training while the network trains: the picture comes three times sooner than at half
// shares, training goes on at a quarter of its speed meanwhile, and a pause is still heard
// within a tenth of a second. A paused network gives the picture all of the worker's time.
const landscapeShare = 3

func landscapeBurst(training bool) time.Duration {
	if training {
		return landscapeShare * Burst
	}
	return Burst
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
	if err := c.Landscape.Validate(); err != nil {
		return nil, err
	}
	w = &landscapeWork{gen: c.Gen, cfg: c.Landscape}
	if w.step, _ = s.trainer.Progress(); w.step >= c.Landscape.At {
		err = w.begin(s.trainer)
	}
	return w, err
}

// reaching reports whether the network is still being trained to the picture's step.
func (w *landscapeWork) reaching() bool { return w.job == nil }

// reach trains the network towards the picture's step for about budget, and starts the
// picture once it is there (or diverged: nothing more can happen to it).
func (w *landscapeWork) reach(s *session, budget time.Duration) error {
	t := s.trainer
	start := time.Now()
	for w.step < w.cfg.At && !t.Diverged() && time.Since(start) < budget {
		t.Step(1)
		w.step, _ = t.Progress()
	}
	if w.step >= w.cfg.At || t.Diverged() {
		return w.begin(t)
	}
	return nil
}

// begin starts the picture of t's weights as they are.
func (w *landscapeWork) begin(t *lab.Trainer) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error: %v", p)
		}
	}()
	w.step, _ = t.Progress()
	if w.job, err = t.StartLandscape(w.cfg); err != nil {
		return err
	}
	// The shattered gradients need a line in the plane; on images the landscape stands alone.
	if init, err := t.ShatterAtInit(); err == nil {
		w.init = init
		w.now, _ = t.Shatter()
	}
	return nil
}

// advance evaluates points for about budget, at least one.
func (w *landscapeWork) advance(budget time.Duration) {
	start := time.Now()
	for !w.finished() {
		w.job.Run(1)
		if time.Since(start) >= budget {
			break
		}
	}
	w.spent += time.Since(start)
}

func (w *landscapeWork) finished() bool { return w.job != nil && w.job.Finished() }

// report is the picture so far; while the network is trained to the picture's step, it
// says how far that got (Step of At) and has no points yet.
func (w *landscapeWork) report(ack int) proto.LandscapeReport {
	r := proto.LandscapeReport{
		Gen: w.gen, Ack: ack, Step: w.step, At: w.cfg.At,
		ShatterInit: w.init, ShatterNow: w.now,
		MS: float64(w.spent.Microseconds()) / 1000,
	}
	if w.job == nil {
		r.Total = w.cfg.Points()
		return r
	}
	r.Done, r.Total, r.Landscape = w.job.Done(), w.job.Total(), w.job.Result()
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

// workLandscape advances the picture for a burst (training to its step first, if need be)
// and reports it when due or done. A picture of a network since replaced is dropped.
func (w *Worker) workLandscape() []proto.Message {
	if w.why.gen != w.s.gen || w.s.trainer == nil {
		w.why = nil
		return nil
	}
	if w.why.reaching() {
		var err error
		func() {
			defer w.s.recoverInto(nil)
			err = w.why.reach(w.s, Burst)
		}()
		if err != nil {
			w.why = nil
			return []proto.Message{proto.EncodeLandscape(proto.LandscapeReport{Gen: w.s.gen, Ack: w.s.ack, Err: err.Error()})}
		}
		w.dirty = w.dirty || !w.why.reaching() // the page's read-outs show the step it got to
	} else {
		w.why.advance(landscapeBurst(w.s.training()))
	}
	finished := w.why.finished()
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
