package ui

import "strings"

// The learning rate can change while a run trains (App.SetField). A link or a Reset starts
// a new run at the new rate from step 0, which is not the run on screen; the page, the
// exported metrics and the exported figures' captions say when the rate changed.

// maxLRChangesShown bounds the changes spelt out; older ones are counted.
const maxLRChangesShown = 4

// LRChangesText says how the learning rate went during r's run, "" if it never changed:
// "Learning rate 0.003 until step 1,204, then 0.01 from step 1,204."
func LRChangesText(r *Run) string {
	ch := r.LRChanges
	if len(ch) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("Learning rate changed while training: ")
	if skipped := len(ch) - maxLRChangesShown; skipped > 0 {
		b.WriteString(Count(skipped) + " earlier changes, then ")
		ch = ch[skipped:]
	} else {
		b.WriteString(FormatFloat(r.firstLR()) + " at first, then ")
	}
	for i, c := range ch {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(FormatFloat(c.LR) + " after step " + Count(c.Step))
	}
	b.WriteString(". A link or Reset starts a new run at " + FormatFloat(r.spec.LR) + ".")
	return b.String()
}

// firstLR is the learning rate the run started with, before any change.
func (r *Run) firstLR() float64 {
	if len(r.LRChanges) > 0 {
		return r.startLR
	}
	return r.spec.LR
}

// LRAt is the learning rate that step (1-based: the step-th minibatch) trained at.
func (r *Run) LRAt(step int) float64 {
	lr := r.startLR
	if len(r.LRChanges) == 0 {
		return r.spec.LR
	}
	for _, c := range r.LRChanges {
		if step > c.Step {
			lr = c.LR
		}
	}
	return lr
}

// LRChangesText is the toolbar's line about the single run's learning-rate changes.
func (c *Toolbar) LRChangesText() string { return LRChangesText(c.App.Run) }

// lrStory is a run's learning rates in a caption: "0.003 → 0.01 after step 1,204".
func lrStory(r *Run) string {
	s := FormatFloat(r.startLR)
	for _, c := range r.LRChanges {
		s += " → " + FormatFloat(c.LR) + " after step " + Count(c.Step)
	}
	return s
}
