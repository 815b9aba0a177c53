package main

import (
	"errors"
	"flag"
	"fmt"
	"math"
	"strconv"
	"strings"

	"resnetplayground/nn/data"
	"resnetplayground/lab"
)

// specFlags are the flags that describe an experiment, shared by train and sweep. A Spec is
// built in three layers: lab.Default(), then --spec (the page's URL form) over it, then every
// individual flag the user actually typed over that. Flags left out change nothing, so
// `--spec '…' --lr 0.01` is the shared run with only the learning rate changed.
type specFlags struct {
	fs   *flag.FlagSet
	base lab.Spec // what the flags change when there is no --spec
	link string

	dataset, activation, optimizer string
	classes, points                int
	noise, lr                      float64
	width, layers, batch           int
	bn                             bool

	// Only train has these: a sweep chooses depth, shortcuts and seed itself.
	depth    int
	residual bool
	seed     uint64
}

// addSpecFlags registers the experiment flags on fs, with lab.Default()'s values as the
// defaults its usage shows. perRun adds --depth, --residual and --seed.
func addSpecFlags(fs *flag.FlagSet, perRun bool) *specFlags {
	return addSpecFlagsFrom(fs, lab.Default(), perRun, perRun)
}

// addTwinFlags registers the experiment flags of a command that runs both twins of base:
// --depth and --seed, but no --residual.
func addTwinFlags(fs *flag.FlagSet, base lab.Spec) *specFlags {
	return addSpecFlagsFrom(fs, base, true, false)
}

// addSpecFlagsFrom registers the experiment flags on fs over base (what --spec and the flags
// change, and the defaults the usage shows); perRun adds --depth and --seed, residual --residual.
func addSpecFlagsFrom(fs *flag.FlagSet, d lab.Spec, perRun, residual bool) *specFlags {
	f := &specFlags{fs: fs, base: d}
	fs.StringVar(&f.link, "spec", "", "start from this experiment in the page's URL form, e.g. 'd=spiral&b=16x2r*24'\n(copy it from the page's address after #); other flags then change it")
	fs.StringVar(&f.dataset, "dataset", d.Dataset, "dataset: "+strings.Join(data.Names, ", "))
	fs.IntVar(&f.classes, "classes", d.Classes, fmt.Sprintf("spiral arms / Gaussian clusters (%d..%d)", lab.MinClasses, lab.MaxClasses))
	fs.IntVar(&f.points, "points", d.Points, fmt.Sprintf("points in the dataset, train and test together (%d..%d)", lab.MinPoints, lab.MaxPoints))
	fs.Float64Var(&f.noise, "noise", d.Noise, "label noise, 0 (clean) to 1")
	fs.IntVar(&f.width, "width", firstBlock(d).Width, fmt.Sprintf("units in the input layer and in every block (1..%d)", lab.MaxWidth))
	fs.IntVar(&f.layers, "layers", firstBlock(d).Layers, "dense layers on each block's branch (1 or 2)")
	fs.StringVar(&f.activation, "activation", d.Activation, "activation: "+strings.Join(lab.Activations, ", "))
	fs.BoolVar(&f.bn, "bn", d.BatchNorm, "batch normalisation on every branch")
	fs.StringVar(&f.optimizer, "optimizer", d.Optimizer, "optimizer: "+strings.Join(lab.Optimizers, ", "))
	fs.Float64Var(&f.lr, "lr", d.LR, fmt.Sprintf("learning rate (> 0, at most %g)", lab.MaxLR))
	fs.IntVar(&f.batch, "batch", d.Batch, fmt.Sprintf("minibatch size (1..%d)", lab.MaxBatch))
	if perRun {
		fs.IntVar(&f.depth, "depth", len(d.Blocks), fmt.Sprintf("number of residual blocks (1..%d)", lab.MaxBlocks))
		fs.Uint64Var(&f.seed, "seed", d.Seed, "seed of the data, the initial weights and the batch order")
	}
	if residual {
		fs.BoolVar(&f.residual, "residual", firstBlock(d).Shortcut, "shortcuts on (a ResNet); --residual=false for a plain network")
	}
	return f
}

// spec builds the Spec the parsed flags describe and validates it.
func (f *specFlags) spec() (lab.Spec, error) {
	s := f.base
	if f.link != "" {
		var err error
		if s, err = lab.Parse(f.link); err != nil {
			return s, fmt.Errorf("--spec: %w", err)
		}
	}
	set := map[string]bool{}
	f.fs.Visit(func(fl *flag.Flag) { set[fl.Name] = true })

	if set["dataset"] {
		s.Dataset = f.dataset
	}
	if set["classes"] {
		s.Classes = f.classes
	}
	if set["points"] {
		s.Points = f.points
	}
	if set["noise"] {
		s.Noise = f.noise
	}
	if set["activation"] {
		s.Activation = f.activation
	}
	if set["bn"] {
		s.BatchNorm = f.bn
	}
	if set["optimizer"] {
		s.Optimizer = f.optimizer
	}
	if set["lr"] {
		s.LR = f.lr
	}
	if set["batch"] {
		s.Batch = f.batch
	}
	if set["seed"] {
		s.Seed = f.seed
	}
	// The architecture flags rebuild the blocks as identical ones; what is not given comes
	// from the first block, and the depth from the number of blocks.
	if set["depth"] || set["width"] || set["layers"] || set["residual"] {
		b := firstBlock(s)
		depth := len(s.Blocks)
		if set["depth"] {
			if f.depth < 1 || f.depth > lab.MaxBlocks {
				return s, fmt.Errorf("--depth: %d blocks is out of range: a network has 1 to %d", f.depth, lab.MaxBlocks)
			}
			depth = f.depth
		}
		if set["width"] {
			s.Width, b.Width = f.width, f.width
		}
		if set["layers"] {
			b.Layers = f.layers
		}
		if set["residual"] {
			b.Shortcut = f.residual
		}
		s.Blocks = lab.Uniform(depth, b.Width, b.Layers, b.Shortcut)
	}
	if err := s.Validate(); err != nil {
		return s, err
	}
	return s, nil
}

// firstBlock is s's first block, or a sensible block when s has none.
func firstBlock(s lab.Spec) lab.BlockSpec {
	if len(s.Blocks) == 0 {
		return lab.BlockSpec{Width: s.Width, Layers: 2}
	}
	return s.Blocks[0]
}

// parseList reads a comma-separated list such as "2,4,8" for the flag named name.
func parseList[T any](name, text string, parse func(string) (T, error)) ([]T, error) {
	if strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("--%s: the list is empty", name)
	}
	var out []T
	for item := range strings.SplitSeq(text, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			return nil, fmt.Errorf("--%s: %q has an empty item; write the list without spaces, like 2,4,8", name, text)
		}
		v, err := parse(item)
		if err != nil {
			return nil, fmt.Errorf("--%s: %q in %q: %w", name, item, text, err)
		}
		out = append(out, v)
	}
	return out, nil
}

// parseDepth reads one depth of a sweep.
func parseDepth(s string) (int, error) {
	d, err := strconv.Atoi(s)
	switch {
	case err != nil:
		return 0, errors.New("not a whole number")
	case d < 1 || d > lab.MaxBlocks:
		return 0, fmt.Errorf("out of range: a network has 1 to %d blocks", lab.MaxBlocks)
	}
	return d, nil
}

// parseSeed reads one seed of a sweep.
func parseSeed(s string) (uint64, error) {
	v, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("not a seed (a whole number from 0 to %d)", uint64(math.MaxUint64))
	}
	return v, nil
}

// noExtraArgs rejects words left after the flags, which are almost always a typo such as
// `--depths 2, 4` (a space after the comma). The caller prefixes the command's name.
func noExtraArgs(fs *flag.FlagSet) error {
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q (flags are --name value; lists have no spaces)", fs.Arg(0))
	}
	return nil
}
