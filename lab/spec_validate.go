package lab

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"resnetplayground/nn/data"
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
// naming every bad field and the values it allows. The limits are the Fields table's.
func (s Spec) Validate() error {
	var e SpecError
	// A Spec written before networks had kinds (a Go literal, an old JSON file) leaves Net and
	// Option empty: it means the dense network, and option A should it ever matter.
	if s.Net == "" {
		s.Net = NetDense
	}
	if s.Option == "" {
		s.Option = ShortcutOptions[0]
	}
	for _, f := range Fields {
		if f.AppliesTo(s) {
			f.check(&e, &s)
		}
	}
	checkNet(&e, s)
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
			e.add(fmt.Sprintf("blocks[%d].width", i), "must be %s, got %d", BlockWidthField.Range(), b.Width)
		}
		if !layersOK {
			e.add(fmt.Sprintf("blocks[%d].layers", i), "must be %s, got %d", LayersField.Range(), b.Layers)
		}
	}
	if bad > maxBlockErrors {
		e.add("blocks", "%d more blocks have a bad width or layer count", bad-maxBlockErrors)
	}
}

// fmtFloat prints the shortest text that reads back as exactly v.
func fmtFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// Clamped returns s moved to the nearest valid Spec: numbers are clamped into range, and
// unknown names, NaNs and non-positive rates (which have no nearest valid value) become the
// defaults, as do the fields that do not apply (see Canonical). Use it for input that should
// be corrected rather than rejected, such as a slider or a hand-edited link;
// Clamped(s).Validate() is always nil. s itself is not modified.
func (s Spec) Clamped() Spec {
	d := Default()
	for _, f := range Fields {
		f.clamp(&s, &d)
	}
	if s.IsConv() && !data.IsImages(s.Dataset) {
		s.Net = NetDense
	}
	return s.Canonical()
}

// Canonical returns s with every field that does not apply to it (Field.AppliesTo: the 2-D
// data settings for images, the stage shortcut for a dense network) at its Default value.
// Such a field changes nothing the experiment does, so this makes two Specs of the same
// experiment equal: links and JSON are read back this way, and links leave such fields out.
func (s Spec) Canonical() Spec {
	d := Default()
	for _, f := range Fields {
		if !f.AppliesTo(s) {
			f.copyValue(&s, &d)
		}
	}
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
