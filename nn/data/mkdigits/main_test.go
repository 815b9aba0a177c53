//go:build !js

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"resnetplayground/nn/data"
)

func defaults(t *testing.T) options {
	t.Helper()
	dir, err := moduleDir(mnistModule)
	if err != nil {
		t.Fatal(err)
	}
	return options{mnistDir: filepath.Join(dir, "data"), train: 6000, test: 1000, side: 14, levels: 16}
}

// TestReproducible runs the generator twice and compares both outputs with each other and
// with the committed file, which therefore cannot drift from the generator.
func TestReproducible(t *testing.T) {
	o := defaults(t)
	a, err := generate(o)
	if err != nil {
		t.Fatal(err)
	}
	b, err := generate(o)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two runs with the same inputs wrote different bytes")
	}
	committed, err := os.ReadFile("../digits.bin")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, committed) {
		t.Fatal("nn/data/digits.bin is not what the generator writes; run go generate ./nn/data")
	}
}

func TestBalancedAndDownsampled(t *testing.T) {
	o := defaults(t)
	o.train, o.test, o.side, o.levels = 50, 20, 7, 4
	file, err := generate(o)
	if err != nil {
		t.Fatal(err)
	}
	d, err := data.DecodeDigits(file)
	if err != nil {
		t.Fatal(err)
	}
	if d.Side != 7 || d.Levels != 4 || d.Train.Len() != 50 || d.Test.Len() != 20 || d.Train.Dim != 49 {
		t.Fatalf("got side %d, %d levels, %d+%d images of dim %d", d.Side, d.Levels, d.Train.Len(), d.Test.Len(), d.Train.Dim)
	}
	for _, s := range []data.Set{d.Train, d.Test} {
		count := make([]int, 10)
		for _, y := range s.Y {
			count[y]++
		}
		for c, n := range count {
			if n != s.Len()/10 {
				t.Errorf("digit %d: %d of %d images", c, n, s.Len())
			}
		}
	}
}

func TestBadOptions(t *testing.T) {
	for _, o := range []options{
		{train: 55, test: 10, side: 14, levels: 16},
		{train: 10, test: 10, side: 13, levels: 16},
	} {
		o.mnistDir = defaults(t).mnistDir
		if _, err := generate(o); err == nil {
			t.Errorf("%+v: no error", o)
		}
	}
}

func TestDownsampleRoundsToNearestLevel(t *testing.T) {
	img := make([]byte, 28*28)
	img[0], img[1], img[28] = 255, 255, 255 // mean 191.25/255 = 0.75 of 3 levels up = 2.25 → 2
	got := downsample(img, 14, 4)
	if got[0] != 2 || got[1] != 0 {
		t.Fatalf("got %v, want [2 0 …]", got[:2])
	}
}
