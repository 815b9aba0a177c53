package ui

import (
	"math"

	"resnetplayground/nn/data"
)

// A learning rate far too high (1 with Adam, say) does not always make the loss NaN, which
// the page reports as divergence: the minibatch loss spikes to hundreds in the first steps,
// the ReLUs die, and the network sits at chance with a loss that looks merely stuck. The
// spike lasts a step or two, between two measurements, so the worker reports the run's
// peak minibatch loss (proto.Report.PeakLoss) and LossBlewUp reads it.

// blowUpFactor times the loss at chance (ln classes) is a blow-up. Measured on the default
// spiral (ln 2 = 0.69) over 400 steps: sound learning rates peak at 0.9 (plain) and 1.05
// (residual, its first step); Adam at 0.1 peaks at 5.9–11, at 0.3 at 15, at 1 at 432, and
// each of those then sits at chance.
const blowUpFactor = 5

// stuckMargin is how far above chance accuracy a run still counts as stuck at chance.
const stuckMargin = 0.15

// LossBlewUp reports the run's peak minibatch loss and its step when the loss rose over
// blowUpFactor times the loss at chance after the first step (whose loss belongs to the
// initial weights, not to the learning rate) and the run now sits near chance accuracy.
func LossBlewUp(r *Run, classes int) (peak float64, step int, ok bool) {
	if r == nil || !r.Measured || classes < 2 {
		return 0, 0, false
	}
	peak, step = r.PeakLoss, r.PeakStep
	stuck := r.Metrics.TrainAcc < 1/float64(classes)+stuckMargin
	return peak, step, stuck && step > 1 && peak > blowUpFactor*math.Log(float64(classes))
}

// classCount is how many classes the run's data has: the digits' ten, the points' own
// count once they arrived, or what the Spec asks for.
func (r *Run) classCount() int {
	switch {
	case data.IsImages(r.spec.Dataset):
		return 10
	case r.Train != nil && r.Train.Classes > 0:
		return r.Train.Classes
	case r.Classes > 0:
		return r.Classes
	}
	return max(r.spec.Classes, 2)
}

// LRHint is what to say about a learning rate that made r's loss blow up, or "".
func LRHint(r *Run) string {
	if r == nil || r.Diverged {
		return "" // the divergence message says it already
	}
	peak, step, ok := LossBlewUp(r, r.classCount())
	if !ok {
		return ""
	}
	return "The loss blew up to " + Loss(peak) + " at step " + Count(step) + " and training is stuck near chance: " +
		"the learning rate (" + FormatFloat(r.spec.LR) + ") is too high. Lower it (0.003 suits Adam) and press Reset: the network it broke will not recover."
}

// LRHint is the toolbar's message about the single run's learning rate, or "".
func (c *Toolbar) LRHint() string { return LRHint(c.App.Run) }

// LRHint is the twin view's message about a learning rate that made a twin's loss blow up,
// or "": the link a visitor followed may carry a rate far too high, and Twins is where a
// bare link lands.
func (c *Twins) LRHint() string {
	for side, r := range c.Run().Side {
		if h := LRHint(r); h != "" {
			return "In the " + TwinNames[side] + " twin, t" + h[1:]
		}
	}
	return ""
}
