package ui

import (
	"resnetplayground/lab"
	"resnetplayground/nn/data"
	"resnetplayground/proto"
)

// Run is one experiment training in a worker, as the page knows it: the commands that drive
// it and what the worker last said. The single view has one (App.Run), the twins two. A Run
// knows nothing of the editor, the address or the page's notices; its Err says why its
// trainer stopped, and the page decides how to tell the visitor.
type Run struct {
	Gen      int // numbers the trainer resets; reports of older ones are ignored
	Running  bool
	Metrics  lab.Metrics
	Measured bool // Metrics are of the current run (false until its first report)
	History  []proto.Sample
	PeakLoss float64 // the highest minibatch loss so far, and its step (proto.Report)
	PeakStep int
	// LRChanges are the learning-rate changes made while this run trained (SetLR), as the
	// worker applied them.
	LRChanges []lab.LRChange
	Diverged  bool
	Lesion    *proto.LesionReport    // the latest lesion answer about this run, nil before the first
	Why       *proto.LandscapeReport // its latest picture (ui/why.go), nil before the first
	Err       string                 // why the trainer stopped; "" while it is fine

	Boundary        []float32 // see proto.Report
	GridN, Classes  int
	BoundaryVersion int // bumped for every new boundary, so the canvas repaints only then
	Train, Test     *data.Set
	PointsVersion   int

	Digits Digits // for a dataset of images (see app_digits.go)

	BlockMap BlockMap // the watched block's output over the plane (see block_output.go)

	// Sent numbers the commands sent to the worker and Acked is the last one the worker has
	// acknowledged (proto.Command.Seq); the page shows both as data-sent and data-acked, so
	// a browser test can wait until the worker has answered everything.
	Sent, Acked int

	spec      lab.Spec // what the worker trains (its LR the latest)
	startLR   float64  // the learning rate the run started with
	probeSeq  int      // the latest drawing's command (Probe): answers the worker gave before it are stale
	watching  int      // the block the worker was asked to map (Watch), when watchSent
	watchSent bool
	lost      bool // the worker failed (see WorkerLost); the next Play, Step or Reset starts anew
	post      func(proto.Command)
}

// NewRun is a run whose commands go to post; it trains nothing until Restart.
func NewRun(post func(proto.Command)) *Run { return &Run{post: post} }

// Experiment is the Spec the worker trains.
func (r *Run) Experiment() lab.Spec { return r.spec }

// Restart has the worker build a new trainer for spec, keeping play/pause, and forgets
// everything heard of the previous one.
func (r *Run) Restart(spec lab.Spec) {
	r.Gen++
	if r.lost {
		r.watchSent = false // a fresh worker has not heard which block to map
	}
	r.spec, r.lost, r.startLR = spec, false, spec.LR
	r.Metrics, r.Measured, r.History = lab.Metrics{}, false, nil
	r.PeakLoss, r.PeakStep, r.LRChanges = 0, 0, nil
	r.Diverged, r.Lesion, r.Why, r.Err = false, nil, nil, ""
	r.Boundary = nil
	r.BoundaryVersion++
	r.Digits.Pred = nil
	r.Digits.Version++
	r.BlockMap = BlockMap{Version: r.BlockMap.Version + 1}
	r.send(proto.Command{Kind: proto.CmdReset, Gen: r.Gen, Spec: spec, Run: r.Running})
}

// CanChangeLR says whether a new learning rate can apply to the run in place: it has
// trained (before the first step a restart is the same thing), has not diverged, and its
// worker is alive.
func (r *Run) CanChangeLR() bool {
	return r.Measured && r.Metrics.Step > 0 && !r.Diverged && !r.lost
}

// SetLR has the worker train on at learning rate lr from its next step, without a restart.
func (r *Run) SetLR(lr float64) {
	r.spec.LR = lr
	r.send(proto.Command{Kind: proto.CmdLR, Gen: r.Gen, LR: lr})
}

// Play trains continuously; Pause stops; Step trains one minibatch.
func (r *Run) Play() {
	if r.lost {
		r.Running = true
		r.Restart(r.spec) // a fresh worker, running from step 0
		return
	}
	if r.Diverged {
		return // nothing more can happen to a diverged run; the page offers Reset
	}
	r.Running = true
	r.send(proto.Command{Kind: proto.CmdRun, Gen: r.Gen, Run: true})
}

func (r *Run) Pause() {
	r.Running = false
	r.send(proto.Command{Kind: proto.CmdRun, Gen: r.Gen, Run: false})
}

func (r *Run) Step() {
	if r.lost {
		r.Restart(r.spec) // a fresh worker first
	}
	if r.Running {
		r.Pause()
	}
	if !r.Diverged {
		r.send(proto.Command{Kind: proto.CmdStep, Gen: r.Gen, Steps: 1})
	}
}

// Reset starts the same experiment again from the same initial weights, paused.
func (r *Run) Reset() {
	r.Running = false
	r.Restart(r.spec)
}

// Fail records that the trainer stopped (why says how): the run stops where it was.
func (r *Run) Fail(why string) { r.Err, r.Running = why, false }

// WorkerLost records that the worker training this run failed, in the words why: the run
// stops, and the next Play, Step or Reset starts a fresh worker.
func (r *Run) WorkerLost(why string) {
	r.Fail(why)
	r.lost = true
}

// send numbers c and sends it to the worker.
func (r *Run) send(c proto.Command) {
	r.Sent++
	c.Seq = r.Sent
	r.post(c)
}

// Receive takes a report from the worker.
func (r *Run) Receive(rep proto.Report) {
	r.Acked = max(r.Acked, rep.Ack)
	if rep.Gen != r.Gen {
		return // from a trainer that has since been replaced
	}
	if rep.Err != "" {
		r.Fail(rep.Err)
	}
	r.Metrics = rep.Metrics
	r.Measured = true
	r.History = rep.History
	r.PeakLoss, r.PeakStep, r.LRChanges = rep.PeakLoss, rep.PeakStep, rep.LRChanges
	if len(rep.Boundary) > 0 {
		r.Boundary, r.GridN, r.Classes = rep.Boundary, rep.GridN, rep.Classes
		r.BoundaryVersion++
	}
	if rep.Train != nil && rep.Test != nil {
		r.Train, r.Test = rep.Train, rep.Test
		r.PointsVersion++
	}
	r.receiveDigits(rep.Digits, rep.Ack >= r.probeSeq)
	if len(rep.BlockMap) > 0 {
		r.BlockMap = BlockMap{Block: rep.MapBlock, N: rep.MapN, Units: rep.MapUnits, Values: rep.BlockMap, Version: r.BlockMap.Version + 1}
	}
	if rep.Metrics.Diverged && !r.Diverged {
		r.Diverged = true
		r.Running = false
	}
}
