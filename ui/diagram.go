package ui

import (
	"math"
	"strconv"

	"github.com/vugu/vugu"
	"github.com/vugu/vugu/js"

	"resnetplayground/lab"
	"resnetplayground/nn/data"
)

// Diagram draws the network as SVG: the input, one row per block (a box per dense layer, as
// long as the layer is wide), the output, and each shortcut as an arc on the block's right:
// solid for an identity, dashed for a projection (the width changes), a faint dotted ghost
// when off. Clicking an arc (or Enter on it) toggles that shortcut; clicking a block selects it.
//
// At 64 blocks the picture is some 800 nodes, more than half the page, and Vugu rebuilds and
// re-syncs every node of the page on every render, ten times a second while a network
// trains. So the diagram is not part of Vugu's tree: Markup writes it as one string, draw puts
// it into an element Vugu gives no children (Vugu leaves such an element's content alone)
// only when the network or the selection changed, and one click and one keydown handler on
// that element find the block from the data-block of what was hit.
type Diagram struct {
	App *App

	rows   []diagramRow
	height float64
	rowH   float64
	key    string // what the rows were laid out for: the Spec's link form and the selection
	markup string

	arcFocus bool // an arrow key moved the selection: focus the selected arc after the redraw
}

type diagramRow struct {
	Index     int
	Class     string // "block", plus " selected"
	Boxes     []box
	LabelY    float64
	FontSize  float64
	ShowLabel bool // layer widths inside the boxes, when the row is tall enough to read
	ShowIndex bool
	Arc       string // SVG path
	Hit       box    // where a click or tap toggles the arc: the row's height, beside the block
	ArcClass  string // "arc identity", "arc projection" or "arc off"
	Title     string // tooltip
	Width     string // the layers' width, as a label
	On        string // "true" or "false": the arc is a switch for screen readers and keyboards
	ArcLabel  string
	TabIndex  string // "0" for the selected block's arc, "-1" for the others (a roving tab stop)
}

type box struct{ X, Y, W, H float64 }

// The diagram's coordinate system: the SVG is diagramW wide and as tall as its rows.
const (
	diagramW = 320.0
	spineX   = 150.0
	ioH      = 26.0 // input and output rows
	ioGap    = 14.0
)

// BeforeBuild lays out the rows and writes the markup, if the network or the selection
// changed since the last render: a worker report changes neither.
func (c *Diagram) BeforeBuild() { c.update() }

func (c *Diagram) update() {
	key := c.App.Spec.String() + "|" + strconv.Itoa(c.App.Selected) + "|" + strconv.FormatBool(c.App.Touch)
	if key == c.key && c.markup != "" {
		return
	}
	c.key = key
	c.layout(c.App.Spec, c.App.Selected)
	c.markup = c.write()
}

// Key names what the diagram shows, for the element's data-key (tests wait on it).
func (c *Diagram) Key() string { return c.key }

// Markup is the diagram's SVG, for the current network and selection.
func (c *Diagram) Markup() string {
	c.update()
	return c.markup
}

// RowHeight shrinks rows as the network deepens (30 units for a few blocks, down to
// minRowH from 24 blocks on) so a deep stack stays compact; the panel scrolls past that. On a
// touch screen every row is touchRowH tall.
func RowHeight(blocks int, touch bool) float64 {
	if touch {
		return touchRowH
	}
	return math.Min(30, math.Max(minRowH, 600/float64(max(blocks, 1))))
}

// minRowH keeps each row, and so each arc's tap target (a row tall), at least 24 px on
// screen where the diagram is drawn at 312 px for its 320 units (a 1280-px-wide window); at
// 10 units (128 blocks) an arc was a 9-px strip. touchRowH makes it 44 px for a finger on a
// phone, where the diagram is about 346 px wide.
const (
	minRowH   = 26.0
	touchRowH = 42.0
)

// arcHitW is the width of an arc's tap target, from just left of the arc past its bow.
const arcHitW = 48.0

// LayerLength is the drawn length of a dense layer of the given width: logarithmic, so 256
// units is visibly wider than 16 without running off the picture.
func LayerLength(width int) float64 {
	return 18 + 10*math.Log2(float64(max(width, 1)))
}

func (c *Diagram) layout(s lab.Spec, selected int) {
	h := RowHeight(len(s.Blocks), c.App.Touch)
	c.rowH = h
	c.rows = c.rows[:0]
	top := ioH + ioGap
	for i, b := range s.Blocks {
		gap := math.Max(2, 0.22*h)
		layerLen := LayerLength(b.Width)
		total := float64(b.Layers)*layerLen + float64(b.Layers-1)*3
		x := spineX - total/2
		r := diagramRow{
			Index:     i,
			Class:     "block",
			LabelY:    top + h/2 + math.Min(11, 0.5*h)*0.36,
			FontSize:  math.Min(11, 0.5*h),
			ShowLabel: h >= 14,
			ShowIndex: h >= 14 || i%8 == 0 || i == len(s.Blocks)-1,
			Title:     blockTitle(s, i),
			Width:     widthLabel(s, i),
			On:        strconv.FormatBool(b.Shortcut),
			ArcLabel:  "shortcut of block " + strconv.Itoa(i+1),
			TabIndex:  "-1",
		}
		if i == selected {
			r.Class += " selected"
			r.TabIndex = "0"
		}
		for range b.Layers {
			r.Boxes = append(r.Boxes, box{X: x, Y: top + gap/2, W: layerLen, H: h - gap})
			x += layerLen + 3
		}
		// The arc leaves from just above the block and rejoins just below it, bowing out to
		// the right of the block's boxes.
		x0 := spineX + total/2 + 3
		bow := x0 + 30
		r.Arc = "M" + P(x0) + " " + P(top+1) + "C" + P(bow) + " " + P(top+1) + " " + P(bow) + " " +
			P(top+h-1) + " " + P(x0) + " " + P(top+h-1)
		r.Hit = box{X: math.Min(x0-4, diagramW-arcHitW), Y: top, W: arcHitW, H: h}
		switch {
		case !b.Shortcut:
			r.ArcClass = "arc off"
		case IsProjection(s, i):
			r.ArcClass = "arc projection"
		default:
			r.ArcClass = "arc identity"
		}
		c.rows = append(c.rows, r)
		top += h
	}
	c.height = top + ioGap + ioH
}

// draw runs after every render (vg-js-populate) with the element that holds the SVG, and
// replaces its content only when the diagram changed or the element is new. A focused arc
// keeps the focus across the redraw its own toggle causes.
func (c *Diagram) draw(el js.Value) {
	if el.IsUndefined() || el.IsNull() || el.Get("resnetDrawn").String() == c.key {
		return
	}
	focused := ""
	if a := js.Global().Get("document").Get("activeElement"); a.Truthy() && el.Call("contains", a).Bool() {
		if arc := a.Get("dataset").Get("arc"); arc.Type() == js.TypeString {
			focused = arc.String()
		}
	}
	if c.arcFocus {
		c.arcFocus = false
		focused = strconv.Itoa(c.App.Selected)
	}
	el.Set("innerHTML", c.markup)
	el.Set("resnetDrawn", c.key) // a property, not an attribute: Vugu removes attributes it did not set
	if focused != "" {
		if a := el.Call("querySelector", `[data-arc="`+focused+`"]`); a.Truthy() {
			a.Call("focus")
		}
	}
}

// click toggles the shortcut whose arc was hit, and selects the block hit.
func (c *Diagram) click(e vugu.DOMEvent) {
	t := e.JSEventTarget()
	if i := dataIndex(t, "arc"); i >= 0 {
		c.App.ToggleShortcut(i)
	}
	if i := dataIndex(t, "block"); i >= 0 {
		c.App.Select(i)
	}
}

// keydown lets the keyboard do what a click on an arc does. The diagram is one Tab stop, the
// selected block's arc (at 128 blocks, a Tab stop per arc made 165 Tabs from the top to the
// Depth field); the arrow keys, Home and End select another block and move focus to its arc,
// and Enter or Space toggles the focused arc's shortcut.
func (c *Diagram) keydown(e vugu.DOMEvent) {
	arc := dataIndex(e.JSEventTarget(), "arc")
	if arc < 0 {
		return
	}
	last := len(c.App.Spec.Blocks) - 1
	// Arrows move from the selected block, not from the arc the key came from: focus follows
	// with the redraw, and keys pressed quickly may still reach the previous arc.
	from := min(max(c.App.Selected, 0), last)
	next := -1
	switch e.PropString("key") {
	case "Enter", " ":
		e.PreventDefault() // Space would otherwise scroll the page
		c.App.ToggleShortcut(arc)
		return
	case "ArrowDown", "ArrowRight":
		next = min(from+1, last)
	case "ArrowUp", "ArrowLeft":
		next = max(from-1, 0)
	case "Home":
		next = 0
	case "End":
		next = last
	default:
		return
	}
	e.PreventDefault() // the arrows would otherwise scroll the panel
	if next != from {
		c.App.Select(next)
		c.arcFocus = true
	}
}

// dataIndex is the data-<name> number of el or of its nearest ancestor that has one, or -1.
func dataIndex(el js.Value, name string) int {
	if !el.Truthy() || el.Get("closest").IsUndefined() {
		return -1
	}
	n := el.Call("closest", "[data-"+name+"]")
	if !n.Truthy() {
		return -1
	}
	i, err := strconv.Atoi(n.Get("dataset").Get(name).String())
	if err != nil {
		return -1
	}
	return i
}

// blockTitle is a block's tooltip: what it is and what a click does.
func blockTitle(s lab.Spec, i int) string {
	if s.IsConv() {
		return convBlockTitle(s, i)
	}
	b := s.Blocks[i]
	t := "Block " + strconv.Itoa(i+1) + ": " + strconv.Itoa(b.Layers) + " dense layer"
	if b.Layers > 1 {
		t += "s"
	}
	t += " of width " + strconv.Itoa(b.Width) + "; shortcut "
	switch {
	case !b.Shortcut:
		t += "off"
	case IsProjection(s, i):
		t += "on (projection, the width changes)"
	default:
		t += "on (identity)"
	}
	return t + ". Click the arc to toggle it."
}

// Height is the SVG's height in its own units.
func (c *Diagram) Height() string { return P(c.height) }

// ViewBox is the SVG's viewBox.
func (c *Diagram) ViewBox() string { return "0 0 " + P(diagramW) + " " + P(c.height) }

// OutputY is the top of the output row.
func (c *Diagram) OutputY() float64 { return c.height - ioH }

// InputLabel and OutputLabel name the ends of the network.
func (c *Diagram) InputLabel() string {
	s := c.App.Spec
	switch {
	case s.IsConv():
		return "input 14×14 → 3×3 conv, " + strconv.Itoa(s.Width) + " channels"
	case data.IsImages(s.Dataset):
		return "input 14×14 = 196 pixels → " + strconv.Itoa(s.Width)
	}
	return "input (x, y) → " + strconv.Itoa(s.Width)
}

func (c *Diagram) OutputLabel() string {
	out := "output → " + strconv.Itoa(classesOf(c.App.Spec)) + " classes (softmax)"
	if c.App.Spec.IsConv() {
		out = "average pool, " + out
	}
	return out
}

// widthLabel is the label on block i: its width, or for a convolutional block its channels.
func widthLabel(s lab.Spec, i int) string {
	if s.IsConv() {
		return convWidthLabel(s, i)
	}
	return strconv.Itoa(s.Blocks[i].Width)
}

// Summary describes the network for screen readers and the caption.
func (c *Diagram) Summary() string {
	s := c.App.Spec
	on := shortcutsOn(s)
	return strconv.Itoa(len(s.Blocks)) + " blocks, " + strconv.Itoa(on) + " with shortcuts"
}
