package ui

import (
	"encoding/csv"
	"encoding/xml"
	"errors"
	"io"
	"resnetplayground/proto"
	"strings"
	"testing"

	"resnetplayground/lab"
)

func TestSweepExport(t *testing.T) {
	root := &Root{App: NewApp(&fakeHost{}, "", 1)}
	root.Compare = NewCompare(root.App, nil)
	if x := root.Extras(); x != nil {
		t.Fatalf("extras %v before any sweep; want none", x)
	}
	jobs, err := SweepJobs(lab.Default(), []int{2, 8}, []uint64{1}, 10)
	if err != nil {
		t.Fatal(err)
	}
	r := &root.Compare.Sweep
	r.Jobs, r.Points, r.Classes = jobs, make([]proto.SweepPoint, len(jobs)), 2
	for i := range 3 { // the last run is still training
		r.Points[i] = proto.SweepPoint{Step: 10, Done: true, TrainAcc: 0.9 - 0.1*float64(i), TestAcc: 0.8, TrainLoss: 0.3, TestLoss: 0.4}
	}
	x := root.Extras()
	if len(x) != 1 || x[0].Name != "sweep" {
		t.Fatalf("extras %+v; want the sweep", x)
	}
	// Named after the sweep, whatever step the Single view's run has reached.
	root.App.Metrics.Step = 4321
	if x := root.Extras(); x[0].Stem != "resnet-sweep-depth-2-to-8-10-steps" {
		t.Errorf("the sweep's downloads are named %q; want resnet-sweep-depth-2-to-8-10-steps", x[0].Stem)
	}

	body, _, _, err := x[0].Data("csv")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(string(body))).ReadAll()
	if err != nil || len(rows) != 4 {
		t.Fatalf("CSV %q, %v; want a header and the 3 finished runs", rows, err)
	}
	if got := strings.Join(rows[1][:5], ","); got != "2,false,1,10,0.9" {
		t.Errorf("first row starts %q, want 2,false,1,10,0.9 (depth, residual, seed, steps, train accuracy)", got)
	}

	svg, w, h, err := x[0].Data("png")
	if err != nil || w <= 0 || h <= 0 {
		t.Fatalf("png: %d×%d, %v", w, h, err)
	}
	dec := xml.NewDecoder(strings.NewReader(string(svg)))
	circles := 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("the sweep SVG is not well-formed: %v", err)
		}
		if el, ok := tok.(xml.StartElement); ok && el.Name.Local == "circle" {
			circles++
		}
	}
	if circles != 3 {
		t.Errorf("%d dots, want one per finished run (3)", circles)
	}
	if _, _, _, err := x[0].Data("gif"); err == nil {
		t.Error("an unknown format should be an error")
	}
}
