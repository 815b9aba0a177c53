package ui

import (
	"strconv"

	"resnetplayground/nn/data"
	"resnetplayground/lab"
)

// Settings edits every Spec field outside the blocks, in three groups. The controls are
// described by a table so adding one is a line, and they all go through App.SetField.
type Settings struct {
	App *App

	typed Typed // the number fields keep what is typed until it is committed
}

// Control describes one setting's control.
type Control struct {
	Field   string // the Spec JSON field name
	Label   string
	Kind    string // "select", "number" or "check"
	Options []string
	Min     string
	Max     string
	Step    string
	Hint    string
}

// ControlGroup is a titled set of controls.
type ControlGroup struct {
	Title    string
	Controls []Control
}

// Groups are the settings in the order the page shows them.
var Groups = []ControlGroup{
	{"Data", []Control{
		{Field: "dataset", Label: "dataset", Kind: "select", Options: data.Names},
		{Field: "classes", Label: "classes", Kind: "number", Min: "2", Max: "5", Step: "1", Hint: "spiral arms or clusters"},
		{Field: "points", Label: "points", Kind: "number", Min: "10", Max: "5000", Step: "10"},
		{Field: "noise", Label: "noise", Kind: "number", Min: "0", Max: "1", Step: "0.05"},
		{Field: "train_frac", Label: "train share", Kind: "number", Min: "0.1", Max: "0.9", Step: "0.1", Hint: "the rest is the test set"},
	}},
	{"Network", []Control{
		{Field: "width", Label: "input width", Kind: "number", Min: "1", Max: "256", Step: "1", Hint: "the first dense layer, 2 → width"},
		{Field: "activation", Label: "activation", Kind: "select", Options: lab.Activations},
		{Field: "batch_norm", Label: "batch norm", Kind: "check"},
	}},
	{"Training", []Control{
		{Field: "optimizer", Label: "optimiser", Kind: "select", Options: lab.Optimizers},
		{Field: "lr", Label: "learning rate", Kind: "number", Min: "0.0001", Max: "1", Step: "any"},
		{Field: "batch", Label: "batch size", Kind: "number", Min: "1", Max: "1024", Step: "1"},
		{Field: "weight_decay", Label: "weight decay", Kind: "number", Min: "0", Max: "0.1", Step: "any"},
		{Field: "seed", Label: "seed", Kind: "number", Min: "0", Step: "1"},
	}},
}

// Value is the control's current value as text.
func (c *Settings) Value(field string) string {
	if field == "batch_norm" {
		return strconv.FormatBool(c.App.Spec.BatchNorm)
	}
	return c.App.fieldText(c.App.Spec, field)
}

// Checked is a checkbox control's state.
func (c *Settings) Checked(field string) bool { return c.Value(field) == "true" }

// Msg is the message recorded for a control, or "".
func (c *Settings) Msg(field string) string { return c.App.FieldMsgs[field] }

// ID is a control's element id.
func ID(field string) string { return "set-" + field }

func (c *Settings) commit(field, text string) {
	c.typed.Commit(ID(field))
	c.App.SetField(field, text)
}

func (c *Settings) setCheck(field string, on bool) { c.App.SetField(field, strconv.FormatBool(on)) }
