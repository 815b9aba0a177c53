package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"

	"resnetplayground/lab"
	"resnetplayground/nn/data"
)

// specFlags are the flags that describe an experiment, shared by train and sweep: one per
// row of lab.Fields that has a flag name, with its doc and range for --help, plus the block
// shorthands --depth, --layers and --residual. A Spec is built in three layers: lab.Default(),
// then --spec (the page's URL form) over it, then every individual flag the user actually
// typed over that. Flags left out change nothing, so `--spec '…' --lr 0.01` is the shared run
// with only the learning rate changed.
type specFlags struct {
	fs   *flag.FlagSet
	base lab.Spec // what the flags change when there is no --spec
	link string
}

// cliNotes adds to a field's doc what the flag does beyond setting its field.
var cliNotes = map[string]string{
	"width": " and in every block",
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

// addSpecFlagsFrom registers the experiment flags on fs over d (what --spec and the flags
// change, and the defaults the usage shows); perRun adds --depth and --seed, residual --residual.
func addSpecFlagsFrom(fs *flag.FlagSet, d lab.Spec, perRun, residual bool) *specFlags {
	f := &specFlags{fs: fs, base: d}
	fs.StringVar(&f.link, "spec", "", "start from this experiment in the page's URL form, e.g. 'd=spiral&b=16x2r*24'\n(copy it from the page's address after #); other flags then change it")
	for _, fld := range lab.Fields {
		if fld.Flag == "" || fld.Kind == lab.Seed && !perRun {
			continue
		}
		addFieldFlag(fs, fld, fld.Text(d), cliNotes[fld.Name])
	}
	addFieldFlag(fs, lab.LayersField, strconv.Itoa(firstBlock(d).Layers), "")
	if perRun {
		addFieldFlag(fs, lab.DepthField, strconv.Itoa(len(d.Blocks)), "")
	}
	if residual {
		addFieldFlag(fs, lab.ShortcutField, strconv.FormatBool(firstBlock(d).Shortcut), "")
	}
	return f
}

// addFieldFlag registers the flag of fld with default def (its text), its doc and range.
// The value is read back through fld.SetText when the Spec is built, so the flag, the
// page and the link parse it the same way.
func addFieldFlag(fs *flag.FlagSet, fld *lab.Field, def, note string) {
	usage := fld.Doc + note
	if r := fld.Range(); r != "" && fld.Kind != lab.Choice {
		usage += " (" + r + ")"
	} else if r != "" {
		usage += ": " + strings.TrimPrefix(r, "one of ")
	}
	var err error
	switch fld.Kind {
	case lab.Int:
		n, e := strconv.Atoi(def)
		fs.Int(fld.Flag, n, usage)
		err = e
	case lab.Float:
		x, e := strconv.ParseFloat(def, 64)
		fs.Float64(fld.Flag, x, usage)
		err = e
	case lab.Bool:
		b, e := strconv.ParseBool(def)
		fs.Bool(fld.Flag, b, usage)
		err = e
	case lab.Seed:
		n, e := strconv.ParseUint(def, 10, 64)
		fs.Uint64(fld.Flag, n, usage)
		err = e
	default:
		fs.String(fld.Flag, def, usage)
	}
	if err != nil {
		panic(fmt.Sprintf("flag --%s: default %q: %v", fld.Flag, def, err)) // a bug in the table
	}
}

// spec builds the Spec the parsed flags describe and validates it. Without --spec, the
// experiment starts as the page opens the dataset --dataset names (for digits, the deep plain
// convolutional network of lab.DigitsDefault).
func (f *specFlags) spec() (lab.Spec, error) {
	given := map[string]string{}
	f.fs.Visit(func(fl *flag.Flag) { given[fl.Name] = fl.Value.String() })
	s := f.base
	if f.link != "" {
		var err error
		if s, err = lab.Parse(f.link); err != nil {
			return s, fmt.Errorf("--spec: %w", err)
		}
	} else if d, ok := given["dataset"]; ok && data.IsImages(d) {
		s = lab.DefaultFor(d)
	}
	for _, fld := range lab.Fields {
		if text, ok := given[fld.Flag]; ok && fld.Flag != "" {
			if err := fld.SetText(&s, text); err != nil {
				return s, fmt.Errorf("--%s: %v", fld.Flag, err)
			}
		}
	}
	// The architecture flags rebuild the blocks as identical ones (in a convolutional
	// network, stages of identical blocks, the widths doubling from --width); what is not
	// given comes from the first block, and the depth from the number of blocks (per stage).
	_, depthSet := given[lab.DepthField.Flag]
	_, widthSet := given["width"]
	_, layersSet := given[lab.LayersField.Flag]
	_, residualSet := given[lab.ShortcutField.Flag]
	if depthSet || widthSet || layersSet || residualSet {
		b := firstBlock(s)
		depth := lab.Depth(s)
		if depthSet {
			n, _ := strconv.Atoi(given[lab.DepthField.Flag])
			if n < int(lab.DepthField.Min) || n > int(lab.DepthField.Max) {
				return s, fmt.Errorf("--depth: %d blocks is out of range: a network has %s", n, lab.DepthField.Range())
			}
			depth = n
		}
		if widthSet {
			b.Width = s.Width
		}
		if layersSet {
			b.Layers, _ = strconv.Atoi(given[lab.LayersField.Flag])
		}
		if residualSet {
			b.Shortcut, _ = strconv.ParseBool(given[lab.ShortcutField.Flag])
		}
		if s.IsConv() {
			widths := lab.StageWidths(s.Blocks)
			if widthSet {
				for i := range widths {
					widths[i] = s.Width << i
				}
			}
			s.Blocks = lab.Stages(depth, widths, b.Layers, b.Shortcut)
		} else {
			s.Blocks = lab.Uniform(depth, b.Width, b.Layers, b.Shortcut)
		}
	}
	for _, fld := range lab.Fields {
		if _, ok := given[fld.Flag]; ok && fld.Flag != "" && !fld.AppliesTo(s) {
			return s, fmt.Errorf("--%s means nothing for this experiment (dataset %s, net %s); leave it out", fld.Flag, s.Dataset, s.Net)
		}
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

// parseList reads the list given to flag name with lab's list parser (lab.ParseDepths,
// lab.ParseSeeds), which the page's sweep form uses too.
func parseList[T any](name, text string, parse func(string) ([]T, error)) ([]T, error) {
	list, err := parse(text)
	if err != nil {
		return nil, fmt.Errorf("--%s: %w", name, err)
	}
	return list, nil
}

// noExtraArgs rejects words left after the flags, which are almost always a typo such as
// `--depths 2, 4` (a space after the comma). The caller prefixes the command's name.
func noExtraArgs(fs *flag.FlagSet) error {
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q (flags are --name value; write a list without spaces, like 2,4,8, or quote it)", fs.Arg(0))
	}
	return nil
}
