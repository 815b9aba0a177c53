package worker

import (
	"fmt"
	"time"

	"resnetplayground/lab"
	"resnetplayground/proto"
)

// sweepJob is one run of a depth sweep inside a pool worker: the Spec trained for a fixed
// number of steps, in bursts between which the worker hears from the page, then measured.
// It trains exactly as lab.Sweep does, so the page's sweep is the command line's.
type sweepJob struct {
	trainer *lab.Trainer
	steps   int // asked for
	ran     int // so far
	err     string
}

// sweepBurst bounds the steps between two looks at the clock, so a burst of a 128-block
// network does not overrun its time budget by much.
const sweepBurst = 10

// newSweepJob builds the trainer for c (a proto.CmdSweep); a Spec that does not train is an
// error the job reports when it finishes, at once.
func newSweepJob(c proto.Command) *sweepJob {
	j := &sweepJob{steps: c.Steps}
	if c.Steps < 1 {
		j.err = fmt.Sprintf("a sweep run needs at least 1 step (got %d)", c.Steps)
		return j
	}
	t, err := lab.NewTrainer(c.Spec)
	if err != nil {
		j.err = err.Error()
		return j
	}
	j.trainer = t
	return j
}

// done reports whether the job has nothing left to train.
func (j *sweepJob) done() bool {
	return j.trainer == nil || j.trainer.Diverged() || j.ran >= j.steps
}

// advance trains for about budget (at least one burst) or until the job is done.
func (j *sweepJob) advance(budget time.Duration) {
	defer j.recover()
	start := time.Now()
	for !j.done() {
		k := min(sweepBurst, j.steps-j.ran)
		j.trainer.Step(k)
		j.ran += k
		if time.Since(start) >= budget {
			return
		}
	}
}

// point is the job's progress, or once done its final metrics.
func (j *sweepJob) point() (p proto.SweepPoint) {
	defer j.recover()
	if j.err != "" {
		return proto.SweepPoint{Done: true, Err: j.err}
	}
	if !j.done() {
		return proto.SweepPoint{Step: j.ran}
	}
	m := j.trainer.Metrics()
	return proto.SweepPoint{Step: m.Step, Done: true, TrainAcc: m.TrainAcc, TestAcc: m.TestAcc,
		TrainLoss: m.TrainLoss, TestLoss: m.TestLoss, Diverged: m.Diverged}
}

// recover turns a panic in the engine into the job's error, so a pool worker survives it.
func (j *sweepJob) recover() {
	if p := recover(); p != nil {
		j.err = fmt.Sprint("internal error: ", p)
		j.trainer = nil
	}
}
