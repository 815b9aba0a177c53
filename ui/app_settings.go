package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"resnetplayground/lab"
)

// Settings are the Spec fields outside the blocks. Controls hand over the text the user
// typed or chose; SetField parses it, clamps it into range (saying so next to the control),
// and restarts the experiment. It never panics on any input.

// settingSetters maps a Spec JSON field name to how to set it from text.
var settingSetters = map[string]func(s *lab.Spec, v string) error{
	"dataset":    func(s *lab.Spec, v string) error { s.Dataset = v; return nil },
	"activation": func(s *lab.Spec, v string) error { s.Activation = v; return nil },
	"optimizer":  func(s *lab.Spec, v string) error { s.Optimizer = v; return nil },
	"batch_norm": func(s *lab.Spec, v string) error { s.BatchNorm = v == "true" || v == "on" || v == "1"; return nil },
	"classes":    intSetter(func(s *lab.Spec) *int { return &s.Classes }),
	"points":     intSetter(func(s *lab.Spec) *int { return &s.Points }),
	"width":      intSetter(func(s *lab.Spec) *int { return &s.Width }),
	"batch":      intSetter(func(s *lab.Spec) *int { return &s.Batch }),
	"noise":      floatSetter(func(s *lab.Spec) *float64 { return &s.Noise }),
	"train_frac": floatSetter(func(s *lab.Spec) *float64 { return &s.TrainFrac }),
	"lr":         floatSetter(func(s *lab.Spec) *float64 { return &s.LR }),
	"weight_decay": floatSetter(func(s *lab.Spec) *float64 {
		return &s.WeightDecay
	}),
	"seed": func(s *lab.Spec, v string) error {
		n, err := strconv.ParseUint(strings.TrimSpace(v), 10, 64)
		if err != nil {
			return errors.New("the seed is a whole number from 0 up")
		}
		s.Seed = n
		return nil
	},
}

// SetField sets the setting called field (a Spec JSON field name) from text.
func (a *App) SetField(field, text string) {
	set, ok := settingSetters[field]
	if !ok {
		return // not a setting: a programming error, but never worth a crash
	}
	s := a.Spec
	if err := set(&s, text); err != nil {
		a.FieldMsgs[field] = err.Error()
		return
	}
	delete(a.FieldMsgs, field)
	if err := s.Validate(); err != nil {
		var se *lab.SpecError
		msg := err.Error()
		if errors.As(err, &se) && se.Msg(field) != "" {
			msg = se.Msg(field)
		}
		s = s.Clamped()
		a.FieldMsgs[field] = fmt.Sprintf("%s; using %s.", upperFirst(msg), a.fieldText(s, field))
	}
	if s.String() == a.Spec.String() {
		return // nothing changed (a clamp back to the same value, a re-chosen option)
	}
	a.Spec = s
	a.restart()
}

// fieldText is the value of field in s as a control shows it.
func (a *App) fieldText(s lab.Spec, field string) string {
	switch field {
	case "dataset":
		return s.Dataset
	case "activation":
		return s.Activation
	case "optimizer":
		return s.Optimizer
	case "classes":
		return strconv.Itoa(s.Classes)
	case "points":
		return strconv.Itoa(s.Points)
	case "width":
		return strconv.Itoa(s.Width)
	case "batch":
		return strconv.Itoa(s.Batch)
	case "noise":
		return FormatFloat(s.Noise)
	case "train_frac":
		return FormatFloat(s.TrainFrac)
	case "lr":
		return FormatFloat(s.LR)
	case "weight_decay":
		return FormatFloat(s.WeightDecay)
	case "seed":
		return strconv.FormatUint(s.Seed, 10)
	}
	return ""
}

func intSetter(ptr func(*lab.Spec) *int) func(*lab.Spec, string) error {
	return func(s *lab.Spec, v string) error {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil {
			return fmt.Errorf("%q is not a whole number", v)
		}
		*ptr(s) = n
		return nil
	}
}

func floatSetter(ptr func(*lab.Spec) *float64) func(*lab.Spec, string) error {
	return func(s *lab.Spec, v string) error {
		x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil {
			return fmt.Errorf("%q is not a number", v)
		}
		*ptr(s) = x
		return nil
	}
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
