package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"resnetplayground/lab"
)

// `train --dataset digits` starts from the digits experiment (a deep plain conv net), and the
// architecture flags speak in stages: --depth is blocks per stage, --width the first stage's.
func TestCLITrainDigits(t *testing.T) {
	code, stdout, stderr := runCLI(t, context.Background(), "train", "--dataset", "digits",
		"--depth", "1", "--width", "2", "--residual", "--steps", "4", "--every", "2")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"net=conv", "b=2x2r,4x2r,8x2r", "3 stages of 1 residual conv blocks (2/4/8 channels, 8 layers)", "final (step 4)"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
}

// A 2-D data flag means nothing for the digits: the command says so rather than run an
// experiment that ignores it.
func TestCLIDigitsRefuseTwoDFlags(t *testing.T) {
	code, _, stderr := runCLI(t, context.Background(), "train", "--dataset", "digits", "--classes", "3", "--steps", "1")
	if code == exitOK || !strings.Contains(stderr, "--classes means nothing for this experiment (dataset digits") {
		t.Errorf("exit %d, stderr %q; want a refusal naming --classes", code, stderr)
	}
}

// `sweep --dataset digits` runs the digits experiment's depths (blocks per stage) and prints
// the same JSON rows as the spiral's.
func TestCLISweepDigitsDefaultsAndRows(t *testing.T) {
	fs, o := sweepFlags(&strings.Builder{})
	if err := fs.Parse([]string{"--dataset", "digits"}); err != nil {
		t.Fatal(err)
	}
	c, err := o.config()
	if err != nil {
		t.Fatal(err)
	}
	if joinInts(c.Depths) != joinInts(lab.DigitsDepths) || c.Steps != lab.DigitsSteps || !c.Base.IsConv() || len(c.Seeds) != 3 {
		t.Errorf("sweep --dataset digits: depths %v, %d steps, conv %v, seeds %v", c.Depths, c.Steps, c.Base.IsConv(), c.Seeds)
	}
	code, stdout, stderr := runCLI(t, context.Background(), "sweep", "--dataset", "digits", "--width", "2",
		"--depths", "1", "--seeds", "1", "--steps", "2", "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d JSON lines, want 2 (plain, residual):\n%s", len(lines), stdout)
	}
	var row map[string]any
	if err := json.Unmarshal([]byte(lines[1]), &row); err != nil {
		t.Fatal(err)
	}
	if row["depth"] != 1.0 || row["residual"] != true || row["steps"] != 2.0 {
		t.Errorf("row %v", row)
	}
}
