package ui

import (
	"strconv"

	"resnetplayground/lab"
)

// Settings edits every Spec field outside the blocks, in three groups. The controls are
// made from lab.Fields, so a field added there appears here, and they all go through
// App.SetField.
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
	Stepper bool // − and + buttons step through the field's stops (lab.Field.Stops)
	Hint    string
}

// ControlGroup is a titled set of controls.
type ControlGroup struct {
	Title    string
	Controls []Control
}

// Groups are the settings in the order the page shows them: lab.Fields's groups, in its
// order.
var Groups = controlGroups(lab.Fields)

func controlGroups(fields []*lab.Field) []ControlGroup {
	var groups []ControlGroup
	for _, f := range fields {
		if f.Group == "" {
			continue
		}
		if len(groups) == 0 || groups[len(groups)-1].Title != f.Group {
			groups = append(groups, ControlGroup{Title: f.Group})
		}
		g := &groups[len(groups)-1]
		g.Controls = append(g.Controls, controlFor(f))
	}
	return groups
}

// controlFor is the control that edits f.
func controlFor(f *lab.Field) Control {
	c := Control{Field: f.Name, Label: f.Label, Hint: f.Hint}
	switch f.Kind {
	case lab.Choice:
		c.Kind, c.Options = "select", f.Options
	case lab.Bool:
		c.Kind = "check"
	default:
		c.Kind, c.Min, c.Max, c.Step = "number", f.ControlMin(), f.ControlMax(), f.Step
		c.Stepper = len(f.Stops) > 0
	}
	return c
}

// The block controls' limits (the block editor's and the twins' depth, a block's width and
// layers) come from lab's block settings too, so no .vugu file writes a limit of its own.
var (
	DepthMin, DepthMax           = lab.DepthField.ControlMin(), lab.DepthField.ControlMax()
	BlockWidthMin, BlockWidthMax = lab.BlockWidthField.ControlMin(), lab.BlockWidthField.ControlMax()
	LayerOptions                 = wholeNumbers(lab.LayersField)
)

// wholeNumbers lists an Int field's values, for a menu.
func wholeNumbers(f *lab.Field) []string {
	var out []string
	for n := int(f.Min); n <= int(f.Max); n++ {
		out = append(out, strconv.Itoa(n))
	}
	return out
}

// Shown are the controls of g that mean something for the experiment (lab.Field.AppliesTo):
// no classes, points, noise or train share for the digits, no stage shortcut for a dense
// network.
func (c *Settings) Shown(g ControlGroup) []Control {
	var out []Control
	for _, ctl := range g.Controls {
		if lab.FieldNamed(ctl.Field).AppliesTo(c.App.Spec) {
			out = append(out, ctl)
		}
	}
	return out
}

// Value is the control's current value as text.
func (c *Settings) Value(field string) string { return lab.FieldNamed(field).Text(c.App.Spec) }

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

// nudged is the value the − (dir < 0) or + button of field would set, as text, and false
// when that button has nowhere to go.
func (c *Settings) nudged(field string, dir int) (string, bool) {
	f := lab.FieldNamed(field)
	v, err := strconv.ParseFloat(f.Text(c.App.Spec), 64)
	if err != nil {
		return "", false
	}
	n, ok := f.Nudge(v, dir)
	return strconv.FormatFloat(n, 'g', -1, 64), ok
}

// CanNudge says whether field's − (dir < 0) or + button can step.
func (c *Settings) CanNudge(field string, dir int) bool {
	_, ok := c.nudged(field, dir)
	return ok
}

// nudge steps field to its next stop down (dir < 0) or up, as if typed: a learning rate
// changes the running run, any other setting restarts it.
func (c *Settings) nudge(field string, dir int) {
	if text, ok := c.nudged(field, dir); ok {
		c.typed.Commit(ID(field))
		c.App.SetField(field, text)
	}
}

// StepLabel names a − or + button for screen readers: "Lower learning rate".
func StepLabel(label string, dir int) string {
	if dir < 0 {
		return "Lower " + label
	}
	return "Raise " + label
}

func (c *Settings) setCheck(field string, on bool) { c.App.SetField(field, strconv.FormatBool(on)) }
