package ui

import (
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"resnetplayground/proto"
	"strings"
	"testing"

	"resnetplayground/nn/data"
)

// trainedApp is an App with a history of n samples (the last one diverged) and 100 training
// points, as if the worker had reported them.
func trainedApp(n int) (*App, *fakeHost) {
	h := &fakeHost{}
	a := NewApp(h, "#b=16x2r*3&bs=25", 1)
	a.Train = &data.Set{Y: make([]int, 100), Classes: 2}
	for i := range n {
		s := proto.Sample{Step: float64(10 * (i + 1)), TrainLoss: 1 / float64(i+1), TrainAcc: 0.5 + 0.01*float64(i), TestLoss: 1.1 / float64(i+1), TestAcc: 0.5}
		if i == n-1 {
			s.TrainLoss, s.TestLoss = math.NaN(), math.Inf(1)
		}
		a.History = append(a.History, s)
	}
	return a, h
}

func TestMetricsCSVHasARowPerRecordedStep(t *testing.T) {
	a, _ := trainedApp(5)
	rows, err := csv.NewReader(strings.NewReader(string(a.MetricsCSV()))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 6 || strings.Join(rows[0], ",") != "step,epoch,train_loss,train_acc,test_loss,test_acc,lr" {
		t.Fatalf("CSV = %q; want the header and 5 rows", rows)
	}
	// Step 20 with batch 25 over 100 training points is epoch 5.
	if got := strings.Join(rows[2], ","); got != "20,5,0.5,0.51,0.55,0.5,0.003" {
		t.Errorf("second row %q, want 20,5,0.5,0.51,0.55,0.5,0.003", got)
	}
	if last := rows[5]; last[2] != "" || last[4] != "" || last[3] != "0.54" {
		t.Errorf("diverged row %q: losses should be empty cells, accuracy kept", last)
	}
}

func TestMetricsJSONMatchesTheCSV(t *testing.T) {
	a, _ := trainedApp(4)
	var got struct {
		Link    string
		Metrics []struct {
			Step      int
			Epoch     float64
			TrainLoss *float64 `json:"train_loss"`
		}
	}
	if err := json.Unmarshal(a.MetricsJSON(), &got); err != nil {
		t.Fatalf("metrics JSON does not parse: %v", err)
	}
	if len(got.Metrics) != 4 || got.Metrics[3].Step != 40 || got.Metrics[3].Epoch != 10 {
		t.Errorf("metrics %+v", got.Metrics)
	}
	if got.Metrics[3].TrainLoss != nil || got.Metrics[0].TrainLoss == nil || *got.Metrics[0].TrainLoss != 1 {
		t.Error("train_loss should be null once diverged and the value before")
	}
	if got.Link != a.Spec.String() {
		t.Errorf("link %q, want the Spec's URL form", got.Link)
	}
}

func TestMetricsBeforeTheDataArrives(t *testing.T) {
	a, _ := trainedApp(2)
	a.Train = nil
	rows, _ := csv.NewReader(strings.NewReader(string(a.MetricsCSV()))).ReadAll()
	if rows[1][1] != "" {
		t.Errorf("epoch %q without a training set; want an empty cell", rows[1][1])
	}
	if err := json.Unmarshal(a.MetricsJSON(), new(any)); err != nil {
		t.Errorf("metrics JSON without a training set does not parse: %v", err)
	}
}

func TestChartsSVGIsWellFormed(t *testing.T) {
	a, _ := trainedApp(6)
	svg, w, h := a.ChartsSVG()
	if w <= 0 || h <= 0 {
		t.Errorf("size %d×%d", w, h)
	}
	dec := xml.NewDecoder(strings.NewReader(svg))
	polylines, root := 0, ""
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, svg)
		}
		if el, ok := tok.(xml.StartElement); ok {
			if root == "" {
				root = el.Name.Space + " " + el.Name.Local
			}
			if el.Name.Local == "polyline" {
				polylines++
			}
		}
	}
	if root != "http://www.w3.org/2000/svg svg" {
		t.Errorf("root element %q, want an SVG in the SVG namespace", root)
	}
	if polylines != 4 {
		t.Errorf("%d curves, want 4", polylines)
	}
	if !strings.Contains(svg, "b=16x2r*3") {
		t.Error("the SVG should name its experiment")
	}
}

func TestImportSpec(t *testing.T) {
	a, h := trainedApp(3)
	before, sent := a.Spec.String(), len(h.sent)
	errs := a.ImportSpec(`{"lr": -1, "batch": 0, "blocks": [{"width": 8, "layers": 1}]}`)
	if len(errs) < 2 || !strings.Contains(strings.Join(errs, "\n"), "lr") || !strings.Contains(strings.Join(errs, "\n"), "batch") {
		t.Errorf("errors %q; want one per bad field (lr, batch)", errs)
	}
	if a.Spec.String() != before || len(h.sent) != sent {
		t.Error("a failed import changed the experiment")
	}
	if errs := a.ImportSpec(`{"colour": "red"}`); len(errs) != 1 || !strings.Contains(errs[0], "colour") {
		t.Errorf("unknown field: errors %q", errs)
	}
	if errs := a.ImportSpec("  "); len(errs) != 1 {
		t.Errorf("empty text: errors %q", errs)
	}

	if errs := a.ImportSpec(`{"blocks": [{"width": 8, "layers": 1, "shortcut": true}], "seed": 42}`); errs != nil {
		t.Fatalf("a valid Spec: errors %q", errs)
	}
	if !strings.Contains(h.hash, "b=8x1r") || !strings.Contains(h.hash, "s=42") || a.History != nil || a.Running {
		t.Errorf("after import: hash %q, history %d, running %v; want the new Spec, restarted and paused", h.hash, len(a.History), a.Running)
	}
	// What SpecJSON writes, ImportSpec reads back.
	want := a.Spec.String()
	if errs := a.ImportSpec(string(a.SpecJSON())); errs != nil || a.Spec.String() != want {
		t.Errorf("SpecJSON → ImportSpec: %q, %v", a.Spec.String(), errs)
	}
}

// An import of a file that is not JSON, or whose values have the wrong types, lists every
// problem by field in plain words; none of them shows Go's internals.
func TestImportSpecExplainsEveryProblemInPlainWords(t *testing.T) {
	a, _ := trainedApp(1)
	for text, wants := range map[string][]string{
		`{"batch":"x","lr":-1}`: {"batch: must be a whole number", "lr: must be > 0"},
		`[{"lr": 0.1}]`:         {"the JSON is a list, not an object"},
		`lr = 0.1`:              {"this is not JSON: line 1, column 1"},
		`{"blocks": {"width": 8}, "dataset": false}`: {"blocks: must be a list of blocks", "dataset: must be a string"},
	} {
		errs := a.ImportSpec(text)
		all := strings.Join(errs, "\n")
		if len(errs) != len(wants) {
			t.Errorf("ImportSpec(%s) = %q; want %d problems", text, errs, len(wants))
		}
		for _, want := range wants {
			if !strings.Contains(all, want) {
				t.Errorf("ImportSpec(%s) = %q; want %q", text, errs, want)
			}
		}
		for _, internal := range []string{"Go value", "Go struct", "lab.Spec", "unmarshal"} {
			if strings.Contains(all, internal) {
				t.Errorf("ImportSpec(%s) = %q shows Go internals", text, errs)
			}
		}
	}
}
