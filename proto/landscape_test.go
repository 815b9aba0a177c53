package proto

import (
	"math"
	"reflect"
	"testing"

	"resnetplayground/lab"
)

func TestLandscapeReportRoundTrips(t *testing.T) {
	nan := math.NaN()
	r := LandscapeReport{
		Gen: 3, Ack: 7, Step: 1500, Done: 5, Total: 9 + 3, Roughness: 0.12, MS: 840,
		Landscape: lab.Landscape{
			Axis:      []float64{-1, 0, 1},
			Loss:      [][]float64{{1, 2, 3}, {4, 0.5, 6}, {7, nan, nan}},
			SliceAxis: []float64{-1, 0, 1}, Slice: []float64{2, 0.5, nan},
		},
		ShatterInit: lab.Shattered{X: []float64{-1.2, 1.2}, Grad: []float64{3, -4}, Autocorr: 0.1},
		ShatterNow:  lab.Shattered{X: []float64{-1.2, 1.2}, Grad: []float64{5, 6}, Autocorr: 0.9},
	}
	m := EncodeLandscape(r)
	r.Landscape.Loss[0][0] = 99 // the message holds its own copy
	got := DecodeLandscape(m)
	if got.Landscape.Loss[0][0] != 1 || got.Landscape.Loss[1][1] != 0.5 || !math.IsNaN(got.Landscape.Loss[2][2]) {
		t.Fatalf("grid %v", got.Landscape.Loss)
	}
	if got.Gen != 3 || got.Ack != 7 || got.Step != 1500 || got.Done != 5 || got.Total != 12 || got.Roughness != 0.12 || got.MS != 840 || got.Finished() {
		t.Fatalf("%+v", got)
	}
	if !reflect.DeepEqual(got.ShatterNow, r.ShatterNow) || got.ShatterInit.Autocorr != 0.1 || len(got.Landscape.Slice) != 3 {
		t.Fatalf("shatter %+v / %+v, slice %v", got.ShatterInit, got.ShatterNow, got.Landscape.Slice)
	}
	m["loss"] = []float64{1, 2} // a grid that does not fit its axis is dropped, not misread
	if bad := DecodeLandscape(m); bad.Landscape.Axis != nil || bad.Landscape.Loss != nil {
		t.Fatalf("a malformed grid was read as %v", bad.Landscape.Loss)
	}
}

func TestLandscapeCommandRoundTrips(t *testing.T) {
	c := Command{Kind: CmdLandscape, Gen: 2, Seq: 9, Landscape: lab.LandscapeConfig{Seed: 5, Grid: 21, Span: 1, Slice: 41, Line: 0}}
	m, err := EncodeCommand(c)
	if err != nil {
		t.Fatal(err)
	}
	got, err := DecodeCommand(m)
	if err != nil || !reflect.DeepEqual(got, c) {
		t.Fatalf("%+v, %v", got, err)
	}
	m["landscape"] = `{"grid": 4}`
	if _, err := DecodeCommand(m); err == nil {
		t.Fatal("a landscape of an even grid passed")
	}
}
