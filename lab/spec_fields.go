package lab

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"resnetplayground/nn"
	"resnetplayground/nn/data"
)

// Fields is the one description of every Spec field: its names (JSON, URL key, command-line
// flag, settings label), its kind, its limits or options, and a sentence about it. The URL
// form, JSON parsing, Validate, Clamped, the page's settings panel and the CLI's flags and
// --help are all driven by it, so a field added here appears everywhere at once, and a limit
// changed here changes everywhere. Names of datasets, activations and optimisers come from
// the packages that implement them. The order is the URL form's and the panel's.
var Fields = []*Field{
	{Name: "dataset", Key: "d", Flag: "dataset", Label: "dataset", Group: "Data", Kind: Choice,
		Options: data.Names, Doc: "dataset",
		str: func(s *Spec) *string { return &s.Dataset }},
	{Name: "classes", Key: "k", Flag: "classes", Label: "classes", Group: "Data", Kind: Int,
		Min: MinClasses, Max: MaxClasses, Step: "1", Hint: "spiral arms or clusters",
		Doc:     "spiral arms / Gaussian clusters",
		int:     func(s *Spec) *int { return &s.Classes },
		applies: onPoints},
	{Name: "points", Key: "n", Flag: "points", Label: "points", Group: "Data", Kind: Int,
		Min: MinPoints, Max: MaxPoints, Step: "10",
		Doc:     "points in the dataset, train and test together",
		int:     func(s *Spec) *int { return &s.Points },
		applies: onPoints},
	{Name: "noise", Key: "z", Flag: "noise", Label: "noise", Group: "Data", Kind: Float,
		Min: 0, Max: MaxNoise, Step: "0.05", Doc: "label noise, 0 for clean data", Stops: evenStops(0, MaxNoise, 0.05),
		float:   func(s *Spec) *float64 { return &s.Noise },
		applies: onPoints},
	{Name: "train_frac", Key: "f", Flag: "train-frac", Label: "train share", Group: "Data", Kind: Float,
		Min: MinTrainFrac, Max: MaxTrainFrac, Step: "0.1", Hint: "the rest is the test set",
		Doc:     "share of the points used for training; the rest is the test set",
		float:   func(s *Spec) *float64 { return &s.TrainFrac },
		applies: onPoints},

	{Name: "width", Key: "w", Flag: "width", Label: "input width", Group: "Network", Kind: Int,
		Min: 1, Max: MaxWidth, Step: "1", Hint: "the first dense layer, 2 → width",
		Doc: "units in the input layer",
		int: func(s *Spec) *int { return &s.Width }},
	{Name: "blocks", Key: "b", Kind: BlockList, Min: 1, Max: MaxBlocks,
		Doc: "residual blocks, input to output"},
	{Name: "net", Key: "net", Flag: "net", Label: "network", Group: "Network", Kind: Choice,
		Hint:    "conv: stages of 3×3 convolutions, for images",
		Options: NetKinds, Doc: "network: dense blocks, or convolutional stages (image datasets only)",
		str: func(s *Spec) *string { return &s.Net }},
	{Name: "shortcut_option", Key: "so", Flag: "shortcut-option", Label: "stage shortcut", Group: "Network", Kind: Choice,
		Hint:    "conv: A pads with zeros, B is a 1×1 conv",
		Options: ShortcutOptions,
		Doc:     "how the shortcut of a convolutional block that changes shape maps its input: A subsamples and pads with zero channels, B is a learned 1×1 convolution",
		str:     func(s *Spec) *string { return &s.Option },
		applies: Spec.IsConv},
	{Name: "activation", Key: "a", Flag: "activation", Label: "activation", Group: "Network", Kind: Choice,
		Options: nn.ActivationNames(), Doc: "activation",
		str: func(s *Spec) *string { return &s.Activation }},
	{Name: "batch_norm", Key: "bn", Flag: "bn", Label: "batch norm", Group: "Network", Kind: Bool,
		Doc:  "batch normalisation on every branch",
		bool: func(s *Spec) *bool { return &s.BatchNorm }},

	{Name: "optimizer", Key: "o", Flag: "optimizer", Label: "optimiser", Group: "Training", Kind: Choice,
		Options: nn.OptimizerNames, Doc: "optimizer",
		str: func(s *Spec) *string { return &s.Optimizer }},
	{Name: "lr", Key: "lr", Flag: "lr", Label: "learning rate", Group: "Training", Kind: Float,
		Min: 0, MinOpen: true, Max: MaxLR, Step: "any", Doc: "learning rate",
		Stops: []float64{1e-5, 3e-5, 1e-4, 3e-4, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1},
		float: func(s *Spec) *float64 { return &s.LR }},
	{Name: "weight_decay", Key: "wd", Flag: "weight-decay", Label: "weight decay", Group: "Training", Kind: Float,
		Min: 0, Max: MaxWeightDecay, Step: "any", Doc: "L2 weight decay",
		float: func(s *Spec) *float64 { return &s.WeightDecay }},
	{Name: "batch", Key: "bs", Flag: "batch", Label: "batch size", Group: "Training", Kind: Int,
		Min: 1, Max: MaxBatch, Step: "1", Doc: "minibatch size", Stops: doublingStops(1, MaxBatch),
		int: func(s *Spec) *int { return &s.Batch }},
	{Name: "seed", Key: "s", Flag: "seed", Label: "seed", Group: "Training", Kind: Seed,
		Min: 0, Step: "1", Doc: "seed of the data, the initial weights and the batch order",
		seed: func(s *Spec) *uint64 { return &s.Seed }},
	{Name: "data_seed", Key: "ds", Flag: "data-seed", Kind: Seed,
		Min: 0, Step: "1", Doc: "seed of the data alone, 0 for the seed's (the page's Regenerate draws new data and keeps the network's start)",
		seed:    func(s *Spec) *uint64 { return &s.DataSeed },
		applies: func(s Spec) bool { return s.DataSeed != 0 && onPoints(s) }},
}

// The block editor's and the command line's settings of the blocks, which are not Spec fields
// of their own: the number of blocks, and one block's width, layers and shortcut.
var (
	DepthField = &Field{Name: "depth", Flag: "depth", Label: "depth", Kind: Int,
		Min: 1, Max: MaxBlocks, Step: "1", Doc: "number of residual blocks"}
	BlockWidthField = &Field{Name: "block_width", Label: "width", Kind: Int,
		Min: 1, Max: MaxWidth, Step: "1", Doc: "units in a block's dense layers"}
	LayersField = &Field{Name: "block_layers", Flag: "layers", Label: "layers", Kind: Int,
		Min: 1, Max: MaxLayers, Step: "1", Doc: "dense layers on each block's branch"}
	ShortcutField = &Field{Name: "shortcut", Flag: "residual", Label: "shortcut", Kind: Bool,
		Doc: "shortcuts on (a ResNet); --residual=false for a plain network"}
)

// FieldKind is what sort of value a Field holds, which decides how it is parsed, printed,
// checked and clamped.
type FieldKind int

const (
	Choice    FieldKind = iota // a name from Options
	Int                        // a whole number in [Min, Max]
	Float                      // a number in [Min, Max] (or (Min, Max] when MinOpen)
	Bool                       // on or off
	Seed                       // a whole number from 0 to 2⁶⁴−1, a string in JSON
	BlockList                  // the blocks: Min to Max of them, with URL and JSON forms of their own
)

// Field describes one setting; see Fields.
type Field struct {
	Name     string    // the JSON name; messages and page controls use it too
	Key      string    // the URL form's key; "" for a setting that is not a Spec field
	Flag     string    // the command-line flag; "" for none
	Label    string    // the settings panel's label
	Group    string    // the settings panel's group; "" for a field the panel does not show
	Kind     FieldKind //
	Min, Max float64   // the range of a number (Int, Float; the count of a BlockList)
	MinOpen  bool      // the value must lie above Min, not on it
	Step     string    // a number control's step: "1", "0.05" or "any"
	Options  []string  // the names a Choice allows, in menu order
	Stops    []float64 // the values the page's − and + buttons step through, ascending; nil for none
	Hint     string    // a few words beside the control
	Doc      string    // what the setting is, for --help

	// applies says whether the field means anything for an experiment (nil: always). The
	// 2-D data settings mean nothing for images, which come as they are, nor the stage
	// shortcut for a dense network. A field that does not apply is not shown on the page,
	// not written into links, not checked, and reads back as its default (see AppliesTo).
	applies func(Spec) bool

	str   func(*Spec) *string
	int   func(*Spec) *int
	float func(*Spec) *float64
	bool  func(*Spec) *bool
	seed  func(*Spec) *uint64
}

// FieldNamed returns the Spec field with JSON name name, or nil.
func FieldNamed(name string) *Field {
	for _, f := range Fields {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// AppliesTo reports whether f means anything for s: the settings panel shows only the fields
// that do, and links carry only them.
func (f *Field) AppliesTo(s Spec) bool { return f.applies == nil || f.applies(s) }

// onPoints reports whether s trains on points of the plane, which the 2-D data settings
// (classes, points, noise, train share) describe.
func onPoints(s Spec) bool { return !data.IsImages(s.Dataset) }

// Range says in words what values f allows, as --help and messages print it: "2..5",
// "0 to 1", "> 0, at most 1", "one of relu, tanh".
func (f *Field) Range() string {
	switch f.Kind {
	case Choice:
		return "one of " + strings.Join(f.Options, ", ")
	case Int, BlockList:
		if f.Max == f.Min+1 {
			return fmt.Sprintf("%g or %g", f.Min, f.Max)
		}
		return fmt.Sprintf("%g..%g", f.Min, f.Max)
	case Float:
		if f.MinOpen {
			return fmt.Sprintf("> %s, at most %s", fmtFloat(f.Min), fmtFloat(f.Max))
		}
		return fmt.Sprintf("%s to %s", fmtFloat(f.Min), fmtFloat(f.Max))
	case Seed:
		return fmt.Sprintf("a whole number from 0 to %d", uint64(math.MaxUint64))
	}
	return ""
}

// ControlMin and ControlMax are the min and max attributes of f's number control: "" where
// the control has none (an open lower limit, or no upper limit).
func (f *Field) ControlMin() string {
	if f.MinOpen {
		return ""
	}
	return fmtFloat(f.Min)
}

func (f *Field) ControlMax() string {
	if f.Kind == Seed || f.Kind == Bool || f.Kind == Choice {
		return ""
	}
	return fmtFloat(f.Max)
}

// Text is the value of f in s as a control shows it and SetText reads it back: a name, a
// number in its shortest exact form, "true"/"false", or the blocks' URL form.
func (f *Field) Text(s Spec) string {
	switch f.Kind {
	case Choice:
		return *f.str(&s)
	case Int:
		return strconv.Itoa(*f.int(&s))
	case Float:
		return fmtFloat(*f.float(&s))
	case Bool:
		return strconv.FormatBool(*f.bool(&s))
	case Seed:
		return strconv.FormatUint(*f.seed(&s), 10)
	case BlockList:
		return formatBlocks(s.Blocks)
	}
	return ""
}

// SetText sets f in s from text as a user typed it (surrounding spaces are ignored for
// numbers). It only parses: the error says why text is not a value of f's kind, without
// quoting text or naming f ("not a number"); limits are Validate's job. For the block
// settings, which are not Spec fields, it only checks that text parses.
func (f *Field) SetText(s *Spec, text string) error {
	trimmed := strings.TrimSpace(text)
	switch f.Kind {
	case Choice:
		if f.str != nil {
			*f.str(s) = text
		}
	case Int:
		n, err := strconv.Atoi(trimmed)
		if err != nil {
			return numberError(err, "a whole number")
		}
		if f.int != nil {
			*f.int(s) = n
		}
	case Float:
		x, err := strconv.ParseFloat(trimmed, 64)
		if err != nil {
			return numberError(err, "a number")
		}
		if f.float != nil {
			*f.float(s) = x
		}
	case Bool:
		b, err := parseBool(trimmed)
		if err != nil {
			return err
		}
		if f.bool != nil {
			*f.bool(s) = b
		}
	case Seed:
		n, err := strconv.ParseUint(trimmed, 10, 64)
		if err != nil {
			return errors.New("not " + f.Range())
		}
		if f.seed != nil {
			*f.seed(s) = n
		}
	case BlockList:
		blocks, err := parseBlocks(text)
		if err != nil {
			return err
		}
		s.Blocks = blocks
	}
	return nil
}

// numberError explains a strconv failure: the text is either too large or not a number.
func numberError(err error, what string) error {
	if errors.Is(err, strconv.ErrRange) {
		return errors.New("too large")
	}
	return errors.New("not " + what)
}

func parseBool(v string) (bool, error) {
	switch v {
	case "1", "true", "on":
		return true, nil
	case "0", "false", "off":
		return false, nil
	}
	return false, errors.New("want 1 or 0")
}

// check records in e what is wrong with f's value in s, if anything.
func (f *Field) check(e *SpecError, s *Spec) {
	switch f.Kind {
	case Choice:
		if v := *f.str(s); !slices.Contains(f.Options, v) {
			e.add(f.Name, "%q is not %s", v, f.Range())
		}
	case Int:
		if v := *f.int(s); v < int(f.Min) || v > int(f.Max) {
			e.add(f.Name, "must be %d..%d, got %d", int(f.Min), int(f.Max), v)
		}
	case Float:
		v := *f.float(s)
		switch {
		case f.MinOpen && !(v > f.Min && v <= f.Max): // NaN fails both comparisons
			e.add(f.Name, "must be > %s and ≤ %s, got %s", fmtFloat(f.Min), fmtFloat(f.Max), fmtFloat(v))
		case !f.MinOpen && !(v >= f.Min && v <= f.Max):
			e.add(f.Name, "must be in [%s, %s], got %s", fmtFloat(f.Min), fmtFloat(f.Max), fmtFloat(v))
		}
	case BlockList:
		validateBlocks(e, s.Blocks)
	}
}

// copyValue sets f's value in s to its value in from.
func (f *Field) copyValue(s, from *Spec) {
	switch f.Kind {
	case Choice:
		*f.str(s) = *f.str(from)
	case Int:
		*f.int(s) = *f.int(from)
	case Float:
		*f.float(s) = *f.float(from)
	case Bool:
		*f.bool(s) = *f.bool(from)
	case Seed:
		*f.seed(s) = *f.seed(from)
	case BlockList:
		s.Blocks = from.Blocks
	}
}

// clamp moves f's value in s to the nearest valid one; a value with no nearest one (an
// unknown name, NaN, a rate at or below an open lower limit) becomes def's.
func (f *Field) clamp(s *Spec, def *Spec) {
	switch f.Kind {
	case Choice:
		if !slices.Contains(f.Options, *f.str(s)) {
			*f.str(s) = *f.str(def)
		}
	case Int:
		*f.int(s) = min(max(*f.int(s), int(f.Min)), int(f.Max))
	case Float:
		v := f.float(s)
		switch {
		case math.IsNaN(*v), f.MinOpen && *v <= f.Min:
			*v = *f.float(def)
		default:
			*v = min(max(*v, f.Min), f.Max)
		}
	case BlockList:
		s.Blocks = clampBlocks(s.Blocks, def.Blocks)
	}
}
