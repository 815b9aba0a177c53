package worker

import "resnetplayground/proto"

// History keeps a run's loss and accuracy samples in bounded memory: when it grows past max,
// every other old sample is dropped, so a run of hours keeps its whole shape at a coarser
// grain while recent samples stay dense until the next thinning.
type History struct {
	max     int
	samples []proto.Sample
}

// NewHistory keeps at most max samples (at least 4).
func NewHistory(limit int) *History { return &History{max: max(limit, 4)} }

// Add appends a sample, thinning the history when it is full.
func (h *History) Add(s proto.Sample) {
	h.samples = append(h.samples, s)
	if len(h.samples) <= h.max {
		return
	}
	last := h.samples[len(h.samples)-1]
	kept := h.samples[:0]
	for i, x := range h.samples[:len(h.samples)-1] {
		if i%2 == 0 {
			kept = append(kept, x)
		}
	}
	h.samples = append(kept, last)
}

// Samples returns the history, oldest first. The slice is the History's own: copy it before
// Add is called again if you keep it.
func (h *History) Samples() []proto.Sample { return h.samples }

// Reset forgets every sample.
func (h *History) Reset() { h.samples = h.samples[:0] }
