package ui

import (
	"math"

	"resnetplayground/proto"
)

// A learning rate far too high (1 with Adam, say) does not always make the loss NaN, which
// the page reports as divergence: the loss spikes to hundreds in the first steps, the ReLUs
// die, and the network sits at chance with a loss that looks merely stuck. LossBlewUp spots
// that history so the page can say what went wrong.

// LossBlewUp reports the training loss's peak and its step when it rose over ten times the
// loss at chance (ln classes) and the run now sits near chance accuracy.
func LossBlewUp(h []proto.Sample, classes int) (peak, step float64, ok bool) {
	if len(h) < 2 || classes < 2 {
		return 0, 0, false
	}
	for _, s := range h {
		if !math.IsNaN(s.TrainLoss) && s.TrainLoss > peak {
			peak, step = s.TrainLoss, s.Step
		}
	}
	last := h[len(h)-1]
	stuck := last.TrainAcc < 1/float64(classes)+0.15
	return peak, step, stuck && peak > 10*math.Log(float64(classes))
}

// LRHint is the toolbar's message about a learning rate that made the loss blow up, or "".
func (c *Toolbar) LRHint() string {
	if c.App.Diverged {
		return "" // the divergence message says it already
	}
	peak, step, ok := LossBlewUp(c.App.History, c.App.Spec.Classes)
	if !ok {
		return ""
	}
	return "The loss blew up to " + Loss(peak) + " at step " + Count(int(step)) + " and training is stuck near chance: " +
		"the learning rate (" + FormatFloat(c.App.Spec.LR) + ") is too high. Lower it (0.003 suits Adam) and the run restarts."
}
