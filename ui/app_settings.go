package ui

import (
	"errors"
	"fmt"
	"strings"

	"resnetplayground/lab"
	"resnetplayground/nn/data"
)

// Settings are the Spec fields outside the blocks. Controls hand over the text the user
// typed or chose; SetField parses it the way lab.Fields says, clamps it into range (saying
// so next to the control), and restarts the experiment. It never panics on any input.

// SetField sets the setting called field (a Spec JSON field name) from text.
func (a *App) SetField(field, text string) {
	f := lab.FieldNamed(field)
	if f == nil || f.Kind == lab.BlockList {
		return // not a setting: a programming error, but never worth a crash
	}
	s := a.Spec
	if err := f.SetText(&s, text); err != nil {
		a.FieldMsgs[field] = fmt.Sprintf("%q: %v.", text, err)
		return
	}
	delete(a.FieldMsgs, field)
	if field == "dataset" && data.IsImages(s.Dataset) != data.IsImages(a.Spec.Dataset) {
		// Images and points want different networks: the digits open with the deep plain
		// convolutional network of their experiment, the points with the page's default.
		keep := s.Seed
		s = lab.DefaultFor(s.Dataset)
		s.Seed = keep
	}
	if err := s.Validate(); err != nil {
		var se *lab.SpecError
		msg := err.Error()
		if errors.As(err, &se) && se.Msg(field) != "" {
			msg = se.Msg(field)
		}
		s = s.Clamped()
		a.FieldMsgs[field] = fmt.Sprintf("%s; using %s.", upperFirst(msg), f.Text(s))
	}
	s = s.Canonical() // what no longer applies (the stage shortcut of a network made dense) reads as in a link
	if s.String() == a.Spec.String() {
		return // nothing changed (a clamp back to the same value, a re-chosen option)
	}
	if onlyLR := withLR(a.Spec, s.LR); field == "lr" && onlyLR.String() == s.String() && a.CanChangeLR() {
		// As in TensorFlow Playground, a new learning rate applies to the run as it is; the
		// run's record (LRChanges) says when, and Reset starts again at the new rate.
		a.Spec = s
		a.Run.SetLR(s.LR)
		a.host.ReplaceHash(a.Spec.String())
		return
	}
	a.Spec = s
	a.restart()
}

func withLR(s lab.Spec, lr float64) lab.Spec {
	s.LR = lr
	return s
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
