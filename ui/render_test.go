package ui

import (
	"bytes"
	"resnetplayground/proto"
	"strings"
	"testing"
	"unsafe"

	"github.com/vugu/html"
	"github.com/vugu/vugu"
	"github.com/vugu/vugu/staticrender"

	"resnetplayground/lab"
)

// fakeHost records what the App sends and the hash it writes.
type fakeHost struct {
	sent []proto.Command
	hash string
}

func (h *fakeHost) Send(c proto.Command)    { h.sent = append(h.sent, c) }
func (h *fakeHost) ReplaceHash(hash string) { h.hash = hash }

// render builds a component statically and parses the HTML it writes.
func render(t *testing.T, c vugu.Builder) *html.Node {
	t.Helper()
	var buf bytes.Buffer
	r := staticrender.New(&buf)
	env, err := vugu.NewBuildEnv(r.EventEnv())
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Render(env.RunBuild(c)); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// findAll returns the elements whose class attribute holds every one of classes.
func findAll(n *html.Node, classes ...string) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && hasClasses(attr(n, "class"), classes) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func hasClasses(attrVal string, want []string) bool {
	have := strings.Fields(attrVal)
	for _, w := range want {
		found := false
		for _, h := range have {
			found = found || h == w
		}
		if !found {
			return false
		}
	}
	return true
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func appWith(t *testing.T, hash string) (*App, *fakeHost) {
	t.Helper()
	h := &fakeHost{}
	return NewApp(h, hash, 1), h
}

// renderDiagram parses the diagram's markup: the page draws it outside Vugu's tree.
func renderDiagram(t *testing.T, d *Diagram) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(d.Markup()))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// The diagram is laid out and written again only when the network or the selection
// changes: a worker report must not cost the page a new diagram.
func TestDiagramIsRewrittenOnlyWhenTheNetworkOrSelectionChanges(t *testing.T) {
	a, _ := appWith(t, "b=16x2p*8")
	d := &Diagram{App: a}
	first := d.Markup()
	a.Receive(proto.Report{Gen: a.Gen, Metrics: lab.Metrics{Step: 100}, Running: true})
	d.BeforeBuild()
	if again := d.Markup(); unsafeSameString(first, again) == false {
		t.Error("a report made the diagram write its markup again")
	}
	a.ToggleShortcut(3)
	if got := len(findAll(renderDiagram(t, d), "arc", "identity")); got != 1 {
		t.Errorf("after toggling block 4's shortcut: %d identity arcs, want 1", got)
	}
	a.Select(5)
	if got := findAll(renderDiagram(t, d), "selected"); len(got) != 1 || attr(got[0], "data-block") != "5" {
		t.Errorf("after selecting block 6: %d selected rows, want block 6's", len(got))
	}
}

// unsafeSameString reports whether a and b share their bytes: the same string, not a copy.
func unsafeSameString(a, b string) bool {
	return len(a) == len(b) && (len(a) == 0 || unsafe.StringData(a) == unsafe.StringData(b))
}

func TestDiagramDrawsOneArcPerEnabledShortcut(t *testing.T) {
	a, _ := appWith(t, "b=16x2r*3,16x1p*2,16x2r")
	doc := renderDiagram(t, &Diagram{App: a})
	if got := len(findAll(doc, "block")); got != 6 {
		t.Errorf("%d block rows, want 6", got)
	}
	if got := len(findAll(doc, "arc", "identity")); got != 4 {
		t.Errorf("%d identity arcs, want 4 (one per enabled shortcut)", got)
	}
	if got := len(findAll(doc, "arc", "off")); got != 2 {
		t.Errorf("%d ghost arcs, want 2 (one per disabled shortcut)", got)
	}
	if got := len(findAll(doc, "arc", "projection")); got != 0 {
		t.Errorf("%d projection arcs in a network of one width, want 0", got)
	}
	// Layers show as boxes: 3×2 + 2×1 + 1×2.
	if got := len(findAll(doc, "layer")); got != 10 {
		t.Errorf("%d layer boxes, want 10", got)
	}
	// Every arc is a switch that says whether it is on; the diagram is one Tab stop, the
	// selected block's arc (a roving tabindex: the arrow keys reach the others).
	var states []string
	for i, hit := range findAll(doc, "arc-hit") {
		want := "-1"
		if i == a.Selected {
			want = "0"
		}
		if attr(hit, "tabindex") != want || attr(hit, "role") != "switch" {
			t.Fatalf("arc %d: tabindex %q, role %q; want tabindex %s and a switch", i+1, attr(hit, "tabindex"), attr(hit, "role"), want)
		}
		states = append(states, attr(hit, "aria-checked"))
	}
	if got := strings.Join(states, " "); got != "true true true false false true" {
		t.Errorf("arcs announce %q, want the shortcuts' states", got)
	}
}

func TestDiagramDrawsProjectionWhereWidthChanges(t *testing.T) {
	// Input width 16; block 1 keeps it, block 2 widens to 32, block 3 keeps 32, block 4
	// narrows to 8 but has its shortcut off.
	a, _ := appWith(t, "w=16&b=16x2r,32x2r*2,8x2p")
	doc := renderDiagram(t, &Diagram{App: a})
	proj := findAll(doc, "arc", "projection")
	if len(proj) != 1 {
		t.Fatalf("%d projection arcs, want 1 (block 2)", len(proj))
	}
	if got := len(findAll(doc, "arc", "identity")); got != 2 {
		t.Errorf("%d identity arcs, want 2", got)
	}
	rows := findAll(doc, "block")
	if !strings.Contains(text(rows[1]), "projection") {
		t.Errorf("block 2's tooltip %q does not call its shortcut a projection", text(rows[1]))
	}
	if got := len(findAll(rows[1], "arc", "projection")); got != 1 {
		t.Errorf("the projection arc is not in block 2's row")
	}
}

// A deep network's rows shrink, but never below what keeps each arc's tap target (its row's
// height) 24 px on screen: at 10 units an arc was a 9-px strip.
func TestDiagramRowsKeepTapTargetsAt128Blocks(t *testing.T) {
	a, _ := appWith(t, "b=16x2r*128")
	d := &Diagram{App: a}
	doc := renderDiagram(t, d)
	if got := len(findAll(doc, "block")); got != 128 {
		t.Fatalf("%d rows, want 128", got)
	}
	if d.rowH != minRowH {
		t.Errorf("rows are %.1f units tall at 128 blocks; want the minimum, %g", d.rowH, minRowH)
	}
	if RowHeight(4, false) != 30 || RowHeight(24, false) != minRowH || RowHeight(4, true) != touchRowH {
		t.Errorf("rows of %g units at 4 blocks and %g at 24, %g on touch; want 30, %g and %g", RowHeight(4, false), RowHeight(24, false), RowHeight(4, true), minRowH, touchRowH)
	}
	for i, hit := range findAll(doc, "arc-hit") {
		if h, w := attr(hit, "height"), attr(hit, "width"); h != P(minRowH) || w != P(arcHitW) {
			t.Fatalf("arc %d's tap target is %s×%s units; want %g×%g", i+1, w, h, arcHitW, minRowH)
		}
	}
}

func TestToolbarShowsReadoutsFormatted(t *testing.T) {
	a, _ := appWith(t, "")
	a.Receive(proto.Report{Gen: a.Gen, Metrics: lab.Metrics{Step: 12345, Epoch: 3.14159, TrainAcc: 0.8766, TrainLoss: 0.123456, TestAcc: 0.5, TestLoss: 2}})
	doc := render(t, &Toolbar{App: a})
	got := text(doc)
	for _, want := range []string{"12,345", "3.1", "87.7%", "0.123", "50.0%", "Play"} {
		if !strings.Contains(got, want) {
			t.Errorf("toolbar text %q lacks %q", got, want)
		}
	}
	if strings.Contains(got, "0.123456") || strings.Contains(got, "12345.000000") {
		t.Errorf("toolbar shows unformatted numbers: %q", got)
	}
}

func TestToolbarOffersResetWhenDiverged(t *testing.T) {
	a, _ := appWith(t, "")
	a.Running = true
	a.Receive(proto.Report{Gen: a.Gen, Metrics: lab.Metrics{Step: 10, Diverged: true}})
	doc := render(t, &Toolbar{App: a})
	if len(findAll(doc, "diverged")) != 1 || !strings.Contains(text(doc), "diverged") {
		t.Errorf("a diverged run shows no divergence message: %q", text(doc))
	}
	if a.Running {
		t.Error("a diverged run is still marked running")
	}
}

func TestChartDrawsOnePolylinePerSeriesWithTicks(t *testing.T) {
	c := &Chart{Title: "Loss", LogY: true, Series: []Series{
		{Name: "train", Class: "train", X: []float64{0, 100, 200}, Y: []float64{2, 0.5, 0.05}},
		{Name: "test", Class: "test", X: []float64{0, 100, 200}, Y: []float64{2.2, 0.7, 0.2}},
	}}
	doc := render(t, c)
	lines := findAll(doc, "series")
	if len(lines) != 2 {
		t.Fatalf("%d polylines, want 2", len(lines))
	}
	if pts := strings.Fields(attr(lines[0], "points")); len(pts) != 3 {
		t.Errorf("train polyline has %d points, want 3", len(pts))
	}
	var yLabels []string
	for _, n := range findAll(doc, "tick", "y") {
		yLabels = append(yLabels, text(n))
	}
	if got := strings.Join(yLabels, " "); got != "0.01 0.1 1 10" {
		t.Errorf("log-scale y ticks %q, want decades 0.01 0.1 1 10", got)
	}
	if len(findAll(doc, "tick", "x")) < 2 {
		t.Error("fewer than two x ticks")
	}
}

func TestRootRendersEveryPart(t *testing.T) {
	a, _ := appWith(t, "garbage")
	doc := render(t, &Root{App: a})
	for _, class := range []string{"notice", "toolbar", "settings", "diagram-wrap", "editor", "heatmap", "chart", "explain"} {
		if len(findAll(doc, class)) == 0 {
			t.Errorf("the page has no .%s", class)
		}
	}
	if !strings.Contains(text(doc), "degradation problem") {
		t.Error("the explanation does not name the degradation problem")
	}
}

func TestSettingsLabelEveryControl(t *testing.T) {
	a, _ := appWith(t, "")
	doc := render(t, &Settings{App: a})
	ids := map[string]bool{}
	var walk func(*html.Node)
	labels := map[string]bool{}
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "input", "select":
				ids[attr(n, "id")] = true
			case "label":
				labels[attr(n, "for")] = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if len(ids) < 12 {
		t.Errorf("only %d controls", len(ids))
	}
	for id := range ids {
		if id == "" || !labels[id] {
			t.Errorf("control %q has no <label for>", id)
		}
	}
}
