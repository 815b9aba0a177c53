package main

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"resnetplayground/lab"
	"resnetplayground/lab/figure"
)

// tinyWhy is the Why view's preset made quick: 3 blocks, few steps, a 5×5 grid.
var tinyWhy = []string{"--depth", "3", "--points", "100", "--steps", "20"}
var tinyGrid = []string{"--grid", "5", "--slice", "5", "--line", "7"}

func TestCLILandscapeJSONHoldsBothTwinsGrids(t *testing.T) {
	args := append(append([]string{"landscape", "--json"}, tinyWhy...), tinyGrid...)
	code, stdout, stderr := runCLI(t, context.Background(), args...)
	if code != exitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	if strings.Count(strings.TrimSpace(stdout), "\n") != 0 {
		t.Fatalf("want one JSON object on one line, got:\n%s", stdout)
	}
	var got struct {
		Spec            string
		Steps           int
		Axis            []float64
		Plain, Residual [][]*float64
		Roughness       struct{ Plain, Residual float64 }
		TrainLoss       struct{ Plain, Residual float64 } `json:"train_loss"`
		Slice, Line     struct{ Axis, Plain, Residual []float64 }
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("%v in:\n%s", err, stdout)
	}
	want, _ := lab.Parse(got.Spec)
	if !want.BatchNorm || len(want.Blocks) != 3 || want.Blocks[0].Shortcut {
		t.Errorf("spec %q: want the Why preset (batch norm) with 3 blocks, plain first", got.Spec)
	}
	if got.Steps != 20 || len(got.Axis) != 5 || got.Axis[0] != -1 || got.Axis[2] != 0 || got.Axis[4] != 1 {
		t.Errorf("steps %d, axis %v", got.Steps, got.Axis)
	}
	for name, grid := range map[string][][]*float64{"plain": got.Plain, "residual": got.Residual} {
		if len(grid) != 5 {
			t.Fatalf("%s: %d rows, want 5", name, len(grid))
		}
		for _, row := range grid {
			if len(row) != 5 || row[0] == nil {
				t.Fatalf("%s: row %v", name, row)
			}
		}
	}
	// The centre is the trained weights, evaluated through float32 logits (nn.Net32).
	off := func(a, b float64) bool { return math.Abs(a-b) > 1e-5*math.Abs(b) }
	if off(*got.Plain[2][2], got.TrainLoss.Plain) || off(*got.Residual[2][2], got.TrainLoss.Residual) {
		t.Errorf("the grids' centres %g, %g are not the training losses %g, %g", *got.Plain[2][2], *got.Residual[2][2], got.TrainLoss.Plain, got.TrainLoss.Residual)
	}
	if *got.Plain[0][0] == *got.Residual[0][0] {
		t.Error("the twins' landscapes are the same")
	}
	if len(got.Slice.Plain) != 5 || len(got.Line.Residual) != 7 || !(got.Roughness.Plain > 0) {
		t.Errorf("slice %v, line %v, roughness %+v", got.Slice, got.Line, got.Roughness)
	}
}

func TestCLILandscapeWritesAFigureAndASummary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "landscape.svg")
	args := append(append([]string{"landscape", "--svg", path}, tinyWhy...), tinyGrid...)
	code, stdout, stderr := runCLI(t, context.Background(), args...)
	if code != exitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	for _, want := range []string{"spec: ", "plain ", "residual ", "roughness"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("summary lacks %q:\n%s", want, stdout)
		}
	}
	svg, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(svg, new(struct{})); err != nil {
		t.Fatalf("not XML: %v", err)
	}
	for _, want := range []string{figure.PlainLandscapeTitle, figure.ResidualLandscapeTitle, figure.SliceTitle, figure.LineTitle} {
		if !strings.Contains(string(svg), want) {
			t.Errorf("figure lacks %q", want)
		}
	}
}

func TestCLIShatterPrintsAutocorrelationsAndJSON(t *testing.T) {
	code, stdout, stderr := runCLI(t, context.Background(), append([]string{"shatter"}, tinyWhy...)...)
	if code != exitOK || !strings.Contains(stdout, "gradient autocorrelation at init") {
		t.Fatalf("exit %d; stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	path := filepath.Join(t.TempDir(), "shattered.svg")
	code, stdout, stderr = runCLI(t, context.Background(), append([]string{"shatter", "--json", "--svg", path}, tinyWhy...)...)
	if code != exitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	var got struct {
		Output          string
		X               []float64
		Plain, Residual struct {
			Init, Now struct {
				Grad     []float64
				Autocorr float64
			}
		}
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("%v in:\n%s", err, stdout)
	}
	if got.Output != "z1 - z0" || len(got.X) != lab.ShatterPoints || len(got.Plain.Init.Grad) != lab.ShatterPoints || len(got.Residual.Now.Grad) != lab.ShatterPoints {
		t.Errorf("output %q, %d x, %d and %d gradients", got.Output, len(got.X), len(got.Plain.Init.Grad), len(got.Residual.Now.Grad))
	}
	if a := got.Plain.Init.Autocorr; !(a >= -1 && a <= 1) {
		t.Errorf("autocorrelation %g", a)
	}
	if svg, err := os.ReadFile(path); err != nil || !strings.Contains(string(svg), "lag-1 autocorrelation") {
		t.Errorf("figure: %v", err)
	}
}

func TestCLILandscapeBadFlagsExplain(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"landscape", "--grid", "30"}, "odd number"},
		{[]string{"landscape", "--span", "-1"}, "span"},
		{[]string{"landscape", "--steps", "-3"}, "-steps"},
		{[]string{"landscape", "--residual"}, "flag provided but not defined"},
		{[]string{"shatter", "--depth", "0"}, "--depth"},
	} {
		code, _, stderr := runCLI(t, context.Background(), c.args...)
		if code != exitUsage || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr:\n%s\nwant exit %d and %q", c.args, code, stderr, exitUsage, c.want)
		}
	}
	code, stdout, _ := runCLI(t, context.Background(), "help", "landscape")
	if code != exitOK || !strings.Contains(stdout, "-directions") || !strings.Contains(stdout, "Li, Xu") {
		t.Errorf("help landscape: exit %d:\n%s", code, stdout)
	}
	code, stdout, _ = runCLI(t, context.Background(), "help")
	if code != exitOK || !strings.Contains(stdout, "landscape") || !strings.Contains(stdout, "shatter") {
		t.Errorf("help does not list landscape and shatter:\n%s", stdout)
	}
}

func TestCLIInterruptedLandscapeFailsAndLeavesNoFigure(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	path := filepath.Join(t.TempDir(), "l.svg")
	code, _, stderr := runCLI(t, ctx, append([]string{"landscape", "--svg", path}, tinyWhy...)...)
	if code != exitFailure || !strings.Contains(stderr, "interrupted") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("an interrupted landscape left %s behind (%v)", path, err)
	}
}
