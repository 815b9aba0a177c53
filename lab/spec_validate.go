package lab

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"resnetplayground/nn/data"
)

// Activations and Optimizers list the names a Spec accepts, in the order a menu should show
// them.
var (
	Activations = []string{"relu", "tanh", "sigmoid", "linear", "gelu"}
	Optimizers  = []string{"sgd", "momentum", "adam"}
)

// Limits that Validate enforces besides the Max* ones next to Spec. The dataset limits are
// data.Make's own, so a valid Spec always makes a dataset.
const (
	MinClasses     = data.MinClasses
	MaxClasses     = data.MaxClasses
	MinPoints      = data.MinPoints
	MinTrainFrac   = data.MinTrainFrac
	MaxTrainFrac   = data.MaxTrainFrac
	MaxNoise       = 1.0
	MaxLR          = 1.0 // LR must also be > 0
	MaxWeightDecay = 0.1
	MaxLayers      = 2 // dense layers per block
)

// maxBlockErrors caps how many per-block problems one SpecError lists, so a spec with
// thousands of bad blocks gives a readable message instead of thousands of lines.
const maxBlockErrors = 8

// FieldError is one problem with one field. Field is the field's JSON name ("lr",
// "blocks[3].width"), so a form can show the message next to its control.
type FieldError struct {
	Field string `json:"field"`
	Msg   string `json:"msg"`
}

func (e FieldError) Error() string { return e.Field + ": " + e.Msg }

// SpecError lists every problem found in a Spec (or in the text it was parsed from).
type SpecError struct {
	Fields []FieldError `json:"fields"`
}

func (e *SpecError) Error() string {
	msgs := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		msgs[i] = f.Error()
	}
	return "invalid spec: " + strings.Join(msgs, "; ")
}

// Msg returns the messages about one field joined by "; ", or "" when the field is fine.
func (e *SpecError) Msg(field string) string {
	var msgs []string
	for _, f := range e.Fields {
		if f.Field == field {
			msgs = append(msgs, f.Msg)
		}
	}
	return strings.Join(msgs, "; ")
}

// add records a problem with field.
func (e *SpecError) add(field, format string, args ...any) {
	e.Fields = append(e.Fields, FieldError{field, fmt.Sprintf(format, args...)})
}

// orNil returns e as an error, or a nil error (not a nil *SpecError) when e is empty.
func (e *SpecError) orNil() error {
	if len(e.Fields) == 0 {
		return nil
	}
	return e
}

// Validate returns nil when s describes an experiment the Trainer can run, or a *SpecError
// naming every bad field and the values it allows.
func (s Spec) Validate() error {
	var e SpecError
	oneOf(&e, "dataset", s.Dataset, data.Names)
	intIn(&e, "classes", s.Classes, MinClasses, MaxClasses)
	intIn(&e, "points", s.Points, MinPoints, MaxPoints)
	floatIn(&e, "noise", s.Noise, 0, MaxNoise)
	floatIn(&e, "train_frac", s.TrainFrac, MinTrainFrac, MaxTrainFrac)

	intIn(&e, "width", s.Width, 1, MaxWidth)
	validateBlocks(&e, s.Blocks)
	oneOf(&e, "activation", s.Activation, Activations)

	oneOf(&e, "optimizer", s.Optimizer, Optimizers)
	// NaN fails both comparisons, so it is rejected too.
	if !(s.LR > 0 && s.LR <= MaxLR) {
		e.add("lr", "must be > 0 and ≤ %s, got %s", fmtFloat(MaxLR), fmtFloat(s.LR))
	}
	floatIn(&e, "weight_decay", s.WeightDecay, 0, MaxWeightDecay)
	intIn(&e, "batch", s.Batch, 1, MaxBatch)
	return e.orNil()
}

func validateBlocks(e *SpecError, blocks []BlockSpec) {
	switch {
	case len(blocks) == 0:
		e.add("blocks", "no blocks; need at least 1")
	case len(blocks) > MaxBlocks:
		e.add("blocks", "%d blocks; at most %d", len(blocks), MaxBlocks)
	}
	bad := 0
	for i, b := range blocks {
		widthOK := b.Width >= 1 && b.Width <= MaxWidth
		layersOK := b.Layers >= 1 && b.Layers <= MaxLayers
		if widthOK && layersOK {
			continue
		}
		if bad++; bad > maxBlockErrors {
			continue // counted, reported in the summary below
		}
		if !widthOK {
			e.add(fmt.Sprintf("blocks[%d].width", i), "must be 1..%d, got %d", MaxWidth, b.Width)
		}
		if !layersOK {
			e.add(fmt.Sprintf("blocks[%d].layers", i), "must be 1 or 2, got %d", b.Layers)
		}
	}
	if bad > maxBlockErrors {
		e.add("blocks", "%d more blocks have a bad width or layer count", bad-maxBlockErrors)
	}
}

func oneOf(e *SpecError, field, v string, allowed []string) {
	if !slices.Contains(allowed, v) {
		e.add(field, "%q is not one of %s", v, strings.Join(allowed, ", "))
	}
}

func intIn(e *SpecError, field string, v, lo, hi int) {
	if v < lo || v > hi {
		e.add(field, "must be %d..%d, got %d", lo, hi, v)
	}
}

// floatIn also rejects NaN and ±Inf, which fail the range comparison.
func floatIn(e *SpecError, field string, v, lo, hi float64) {
	if !(v >= lo && v <= hi) {
		e.add(field, "must be in [%s, %s], got %s", fmtFloat(lo), fmtFloat(hi), fmtFloat(v))
	}
}

// fmtFloat prints the shortest text that reads back as exactly v.
func fmtFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// Clamped returns s moved to the nearest valid Spec: numbers are clamped into range, and
// unknown names, NaNs and non-positive rates (which have no nearest valid value) become the
// defaults. Use it for input that should be corrected rather than rejected, such as a slider
// or a hand-edited link; Clamped(s).Validate() is always nil. s itself is not modified.
func (s Spec) Clamped() Spec {
	d := Default()
	if !slices.Contains(data.Names, s.Dataset) {
		s.Dataset = d.Dataset
	}
	s.Classes = min(max(s.Classes, MinClasses), MaxClasses)
	s.Points = min(max(s.Points, MinPoints), MaxPoints)
	s.Noise = clampFloat(s.Noise, 0, MaxNoise, d.Noise)
	s.TrainFrac = clampFloat(s.TrainFrac, MinTrainFrac, MaxTrainFrac, d.TrainFrac)

	s.Width = min(max(s.Width, 1), MaxWidth)
	s.Blocks = clampBlocks(s.Blocks, d.Blocks)
	if !slices.Contains(Activations, s.Activation) {
		s.Activation = d.Activation
	}

	if !slices.Contains(Optimizers, s.Optimizer) {
		s.Optimizer = d.Optimizer
	}
	if !(s.LR > 0) { // also NaN
		s.LR = d.LR
	}
	s.LR = min(s.LR, MaxLR)
	s.WeightDecay = clampFloat(s.WeightDecay, 0, MaxWeightDecay, d.WeightDecay)
	s.Batch = min(max(s.Batch, 1), MaxBatch)
	return s
}

// clampBlocks returns a fixed copy of blocks: the first MaxBlocks, each clamped; no blocks
// at all become the default ones.
func clampBlocks(blocks, defaults []BlockSpec) []BlockSpec {
	if len(blocks) == 0 {
		return defaults
	}
	out := slices.Clone(blocks[:min(len(blocks), MaxBlocks)])
	for i := range out {
		out[i].Width = min(max(out[i].Width, 1), MaxWidth)
		out[i].Layers = min(max(out[i].Layers, 1), MaxLayers)
	}
	return out
}

// clampFloat clamps v into [lo, hi]; NaN, which is nowhere, becomes def.
func clampFloat(v, lo, hi, def float64) float64 {
	if math.IsNaN(v) {
		return def
	}
	return min(max(v, lo), hi)
}
