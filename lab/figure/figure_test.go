package figure

import (
	"resnetplayground/lab"

	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

func TestDegradationFigureIsAnSVGWithBothLinesAndTheDepths(t *testing.T) {
	var results []lab.SweepResult
	for _, d := range []int{2, 8, 32} {
		for _, residual := range []bool{false, true} {
			for seed, acc := range []float64{0.9, 0.7} {
				if residual {
					acc = 0.99
				}
				results = append(results, lab.SweepResult{Depth: d, Residual: residual, Seed: uint64(seed),
					Final: lab.Metrics{TrainAcc: acc}})
			}
		}
	}
	var buf bytes.Buffer
	if err := Degradation(results, &buf); err != nil {
		t.Fatal(err)
	}
	root, texts := parseSVG(t, buf.Bytes())
	if root != "svg" {
		t.Fatalf("root element is <%s>, want <svg>", root)
	}
	for _, want := range []string{Title, PlainLabel, ResidualLabel, "2", "8", "32"} {
		if !texts[want] {
			t.Errorf("no <text> reads %q; texts: %v", want, texts)
		}
	}
}

func TestDegradationFigureRefusesNothingToDraw(t *testing.T) {
	if err := Degradation(nil, io.Discard); err == nil {
		t.Error("no error for an empty sweep")
	}
}

// parseSVG checks that b is well-formed XML and returns its root element's name and the
// trimmed contents of its text elements.
func parseSVG(t *testing.T, b []byte) (root string, texts map[string]bool) {
	t.Helper()
	texts = map[string]bool{}
	d := xml.NewDecoder(bytes.NewReader(b))
	inText := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = tok.Name.Local
			}
			inText = tok.Name.Local == "text"
		case xml.CharData:
			if inText {
				texts[strings.TrimSpace(string(tok))] = true
			}
		case xml.EndElement:
			inText = false
		}
	}
	return root, texts
}
