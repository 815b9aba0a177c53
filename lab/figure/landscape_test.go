package figure

import (
	"bytes"
	"encoding/xml"
	"math"
	"strings"
	"testing"

	"resnetplayground/lab"
)

func bowl(n int, depth float64) lab.Landscape {
	l := lab.Landscape{}
	for i := range n {
		l.Axis = append(l.Axis, -1+2*float64(i)/float64(n-1))
	}
	for _, b := range l.Axis {
		var row []float64
		for _, a := range l.Axis {
			row = append(row, depth+a*a+b*b)
		}
		l.Loss = append(l.Loss, row)
	}
	l.SliceAxis, l.Slice = l.Axis, l.Loss[n/2]
	return l
}

func TestLandscapesDrawsBothTwinsWithContours(t *testing.T) {
	p, r := bowl(9, 0.5), bowl(9, 0.01)
	p.Loss[0][0], r.Loss[8][8] = math.NaN(), math.Inf(1) // overflowed points are left blank
	var buf bytes.Buffer
	if err := Landscapes(p, r, &buf); err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(buf.Bytes(), new(struct{})); err != nil {
		t.Fatalf("not XML: %v", err)
	}
	svg := buf.String()
	for _, want := range []string{PlainLandscapeTitle, ResidualLandscapeTitle, SliceTitle, PlainLabel, ResidualLabel} {
		if !strings.Contains(svg, want) {
			t.Errorf("figure lacks %q", want)
		}
	}
	if strings.Contains(svg, LineTitle) {
		t.Error("a landscape without a line drew the line's chart")
	}
}

func TestLandscapesRefusesEmptyPictures(t *testing.T) {
	empty := bowl(3, 1)
	for i := range empty.Loss {
		for j := range empty.Loss[i] {
			empty.Loss[i][j] = math.NaN()
		}
	}
	if err := Landscapes(empty, empty, new(bytes.Buffer)); err == nil {
		t.Error("drew landscapes with no finite loss")
	}
	if err := Landscapes(lab.Landscape{}, lab.Landscape{}, new(bytes.Buffer)); err == nil {
		t.Error("drew landscapes with no grid")
	}
	if err := Shattered(nil, nil, nil, nil, new(bytes.Buffer)); err == nil {
		t.Error("drew no shattered gradients")
	}
}
