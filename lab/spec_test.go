package lab

import (
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
)

// mixedSpec differs from Default in every field, with blocks of several shapes and floats
// whose decimal form is long.
func mixedSpec() Spec {
	blocks := append(Uniform(10, 16, 2, true), BlockSpec{Width: 32, Layers: 1})
	blocks = append(blocks, Uniform(5, 16, 2, true)...)
	return Spec{
		Dataset: "gauss", Classes: 5, Points: 4321, Noise: 0.1 + 0.2, TrainFrac: 1.0 / 3,
		Width: 7, Blocks: blocks, Net: NetDense, Option: "A", Activation: "gelu", BatchNorm: true,
		Optimizer: "momentum", LR: 1e-7, WeightDecay: math.Nextafter(0.1, 0), Batch: 1024,
		Seed: math.MaxUint64,
	}
}

// roundTripSpecs are valid Specs that JSON and the URL form must carry unchanged. Each is
// canonical: a field that does not apply to it (Field.AppliesTo) has its default value.
func roundTripSpecs() map[string]Spec {
	alternating := make([]BlockSpec, MaxBlocks)
	for i := range alternating {
		alternating[i] = BlockSpec{Width: 1 + i, Layers: 1 + i%2, Shortcut: i%3 == 0}
	}
	return map[string]Spec{
		"default": Default(),
		"mixed":   mixedSpec(),
		"limits": {Dataset: "moons", Classes: MinClasses, Points: MinPoints, Noise: 0,
			TrainFrac: MinTrainFrac, Width: 1, Blocks: Uniform(MaxBlocks, MaxWidth, 1, true),
			Net: NetDense, Option: "A", Activation: "linear", Optimizer: "sgd", LR: MaxLR, WeightDecay: MaxWeightDecay,
			Batch: 1, Seed: 0},
		"digits": DigitsDefault(),
		"digits, option B": func() Spec {
			s := DigitsDefault()
			s.Option, s.LR, s.Seed = "B", 0.02, 3
			s.Blocks = Stages(2, []int{8, 16, 32}, 1, true)
			return s
		}(),
		"every block differs": func() Spec { s := Default(); s.Blocks = alternating; return s }(),
		"tiny floats": func() Spec {
			s := Default()
			s.LR, s.Noise, s.WeightDecay = math.SmallestNonzeroFloat64, 5e-324*3, 1e-300
			return s
		}(),
	}
}

func TestDefaultIsValid(t *testing.T) {
	if err := Default().Validate(); err != nil {
		t.Fatalf("Default() is invalid: %v", err)
	}
}

func TestDefaultReturnsFreshBlocks(t *testing.T) {
	a := Default()
	a.Blocks[0].Width = 99
	if Default().Blocks[0].Width == 99 {
		t.Fatal("changing one Default()'s blocks changed the next one's")
	}
}

func TestUniform(t *testing.T) {
	got := Uniform(3, 8, 1, true)
	want := []BlockSpec{{8, 1, true}, {8, 1, true}, {8, 1, true}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Uniform(3, 8, 1, true) = %v, want %v", got, want)
	}
	if got := Uniform(-1, 8, 1, true); len(got) != 0 {
		t.Errorf("Uniform(-1, ...) has %d blocks, want 0", len(got))
	}
}

// TestValidateNamesEachBadField breaks one field at a time and checks that the error names
// that field, and only that field, with a message that says what is allowed.
func TestValidateNamesEachBadField(t *testing.T) {
	tests := []struct {
		name   string
		break_ func(*Spec)
		field  string
		msg    string // a part of the message
	}{
		{"dataset", func(s *Spec) { s.Dataset = "mnist" }, "dataset", `"mnist" is not one of spiral, circles`},
		{"dataset empty", func(s *Spec) { s.Dataset = "" }, "dataset", `"" is not one of`},
		{"classes low", func(s *Spec) { s.Classes = 1 }, "classes", "must be 2..5, got 1"},
		{"classes high", func(s *Spec) { s.Classes = 6 }, "classes", "must be 2..5, got 6"},
		{"points low", func(s *Spec) { s.Points = 9 }, "points", "must be 10..5000, got 9"},
		{"points high", func(s *Spec) { s.Points = MaxPoints + 1 }, "points", "got 5001"},
		{"noise negative", func(s *Spec) { s.Noise = -0.1 }, "noise", "must be in [0, 1], got -0.1"},
		{"noise NaN", func(s *Spec) { s.Noise = math.NaN() }, "noise", "got NaN"},
		{"noise Inf", func(s *Spec) { s.Noise = math.Inf(1) }, "noise", "got +Inf"},
		{"train_frac low", func(s *Spec) { s.TrainFrac = 0.05 }, "train_frac", "must be in [0.1, 0.9], got 0.05"},
		{"train_frac high", func(s *Spec) { s.TrainFrac = 1 }, "train_frac", "got 1"},
		{"train_frac NaN", func(s *Spec) { s.TrainFrac = math.NaN() }, "train_frac", "got NaN"},
		{"width", func(s *Spec) { s.Width = 0 }, "width", "must be 1..256, got 0"},
		{"width high", func(s *Spec) { s.Width = MaxWidth + 1 }, "width", "got 257"},
		{"no blocks", func(s *Spec) { s.Blocks = nil }, "blocks", "no blocks; need at least 1"},
		{"too many blocks", func(s *Spec) { s.Blocks = Uniform(300, 16, 2, true) }, "blocks", "300 blocks; at most 128"},
		{"block width", func(s *Spec) { s.Blocks[3].Width = 0 }, "blocks[3].width", "must be 1..256, got 0"},
		{"block width high", func(s *Spec) { s.Blocks[0].Width = 1000 }, "blocks[0].width", "got 1000"},
		{"block layers", func(s *Spec) { s.Blocks[23].Layers = 3 }, "blocks[23].layers", "must be 1 or 2, got 3"},
		{"block layers zero", func(s *Spec) { s.Blocks[1].Layers = 0 }, "blocks[1].layers", "got 0"},
		{"activation", func(s *Spec) { s.Activation = "foo" }, "activation", `"foo" is not one of relu, tanh, sigmoid, linear, gelu`},
		{"activation case", func(s *Spec) { s.Activation = "ReLU" }, "activation", `"ReLU"`},
		{"optimizer", func(s *Spec) { s.Optimizer = "rmsprop" }, "optimizer", `"rmsprop" is not one of sgd, momentum, adam`},
		{"lr negative", func(s *Spec) { s.LR = -1 }, "lr", "must be > 0 and ≤ 1, got -1"},
		{"lr zero", func(s *Spec) { s.LR = 0 }, "lr", "got 0"},
		{"lr high", func(s *Spec) { s.LR = 1.5 }, "lr", "got 1.5"},
		{"lr NaN", func(s *Spec) { s.LR = math.NaN() }, "lr", "got NaN"},
		{"lr Inf", func(s *Spec) { s.LR = math.Inf(1) }, "lr", "got +Inf"},
		{"weight_decay negative", func(s *Spec) { s.WeightDecay = -1e-9 }, "weight_decay", "must be in [0, 0.1], got -1e-09"},
		{"weight_decay high", func(s *Spec) { s.WeightDecay = 0.2 }, "weight_decay", "got 0.2"},
		{"weight_decay -Inf", func(s *Spec) { s.WeightDecay = math.Inf(-1) }, "weight_decay", "got -Inf"},
		{"batch zero", func(s *Spec) { s.Batch = 0 }, "batch", "must be 1..1024, got 0"},
		{"batch high", func(s *Spec) { s.Batch = MaxBatch + 1 }, "batch", "got 1025"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Default()
			tt.break_(&s)
			err := s.Validate()
			var se *SpecError
			if !errors.As(err, &se) {
				t.Fatalf("Validate() = %v, want a *SpecError", err)
			}
			if len(se.Fields) != 1 || se.Fields[0].Field != tt.field {
				t.Fatalf("Validate() reported %v, want exactly field %q", se.Fields, tt.field)
			}
			if !strings.Contains(se.Fields[0].Msg, tt.msg) {
				t.Errorf("message %q does not contain %q", se.Fields[0].Msg, tt.msg)
			}
			if !strings.Contains(err.Error(), tt.field+": "+se.Fields[0].Msg) {
				t.Errorf("Error() = %q does not show %q with its message", err, tt.field)
			}
		})
	}
}

func TestValidateReportsEveryBadField(t *testing.T) {
	s := Default()
	s.Dataset, s.Classes, s.LR, s.Batch = "nope", 0, math.NaN(), -3
	s.Blocks[5].Layers = 7
	var se *SpecError
	if !errors.As(s.Validate(), &se) {
		t.Fatalf("Validate() = %v, want a *SpecError", s.Validate())
	}
	for _, field := range []string{"dataset", "classes", "lr", "batch", "blocks[5].layers"} {
		if se.Msg(field) == "" {
			t.Errorf("no message for %s in %v", field, se)
		}
	}
	if len(se.Fields) != 5 {
		t.Errorf("got %d problems, want 5: %v", len(se.Fields), se)
	}
}

func TestValidateSummarisesManyBadBlocks(t *testing.T) {
	s := Default()
	s.Blocks = Uniform(100, 0, 2, false)
	var se *SpecError
	if !errors.As(s.Validate(), &se) {
		t.Fatal("100 zero-width blocks passed validation")
	}
	if len(se.Fields) > maxBlockErrors+1 {
		t.Errorf("%d messages for one repeated problem; want a summary after %d", len(se.Fields), maxBlockErrors)
	}
	if !strings.Contains(se.Msg("blocks"), "92 more blocks") {
		t.Errorf("summary %q does not count the unlisted blocks", se.Msg("blocks"))
	}
}

func TestClampedMakesAnySpecValid(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	specs := map[string]Spec{
		"zero":       {},
		"huge":       {Dataset: "x", Classes: math.MaxInt, Points: math.MaxInt, Noise: inf, TrainFrac: inf, Width: math.MaxInt, Blocks: Uniform(1000, 1<<30, 9, true), Activation: "x", Optimizer: "x", LR: inf, WeightDecay: inf, Batch: math.MaxInt},
		"negative":   {Classes: -5, Points: math.MinInt, Noise: -inf, TrainFrac: -1, Width: -1, Blocks: Uniform(3, -4, -1, false), LR: -inf, WeightDecay: -1, Batch: -9},
		"NaN":        {Noise: nan, TrainFrac: nan, LR: nan, WeightDecay: nan},
		"just above": {Dataset: "spiral", Classes: 6, Points: 5001, Noise: 1.01, TrainFrac: 0.91, Width: 257, Blocks: Uniform(129, 257, 3, false), Activation: "relu", Optimizer: "sgd", LR: 1.01, WeightDecay: 0.11, Batch: 1025},
	}
	for name, s := range specs {
		if err := s.Clamped().Validate(); err != nil {
			t.Errorf("%s: Clamped() is invalid: %v", name, err)
		}
	}
	c := specs["just above"].Clamped()
	if c.Classes != MaxClasses || c.Width != MaxWidth || c.LR != MaxLR || len(c.Blocks) != MaxBlocks || c.Blocks[0].Layers != MaxLayers {
		t.Errorf("values just above the limits should clamp to the limits, got %+v", c)
	}
}

func TestClampedKeepsValidSpecsAndItsInput(t *testing.T) {
	for name, s := range roundTripSpecs() {
		if got := s.Clamped(); !reflect.DeepEqual(got, s) {
			t.Errorf("%s: Clamped() changed a valid spec:\n got %+v\nwant %+v", name, got, s)
		}
	}
	s := Default()
	s.Blocks[0].Width = 0
	_ = s.Clamped()
	if s.Blocks[0].Width != 0 {
		t.Error("Clamped() modified the blocks of the spec it was called on")
	}
}

func TestJSONRoundTrip(t *testing.T) {
	for name, s := range roundTripSpecs() {
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatalf("%s: Marshal: %v", name, err)
		}
		got, err := ParseJSON(b)
		if err != nil {
			t.Fatalf("%s: ParseJSON(%s): %v", name, b, err)
		}
		if !reflect.DeepEqual(got, s) {
			t.Errorf("%s: JSON round trip changed the spec:\n got %+v\nwant %+v", name, got, s)
		}
	}
}

func TestParseJSONKeepsDefaultsForMissingFields(t *testing.T) {
	got, err := ParseJSON([]byte(`{"lr": 0.01, "blocks": [{"width": 8, "layers": 1, "shortcut": true}]}`))
	if err != nil {
		t.Fatal(err)
	}
	want := Default()
	want.LR, want.Blocks = 0.01, []BlockSpec{{8, 1, true}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if got, err := ParseJSON([]byte(`{}`)); err != nil || !reflect.DeepEqual(got, Default()) {
		t.Errorf("ParseJSON({}) = %+v, %v; want Default()", got, err)
	}
}

func TestParseJSONRejects(t *testing.T) {
	tests := []struct{ json, msg string }{
		{`{"lr": 0.01, "lrr": 1}`, `lrr: unknown field`},
		{`{"classes": "two"}`, `classes: must be a whole number, 2..5, got a string "two"`},
		{`{"seed": -1}`, "seed: must be a whole number"},
		{`{"lr": 0}`, "lr: must be > 0"},
		{`{"blocks": []}`, "blocks: no blocks"},
		// A listed block does not inherit the default block's layers.
		{`{"blocks": [{"width": 8}]}`, "blocks[0].layers: must be 1 or 2, got 0"},
		{`{"batch": 1} {"batch": 2}`, "not JSON: line 1, column 14"},
		{"{\n\"batch\": 1", "not JSON: line 2"},
		{``, "empty"},
		{`[1, 2]`, "the JSON is a list, not an object"},
		{`"lr"`, "the JSON is a string, not an object"},
		{`null`, "null, not an object"},
	}
	for _, tt := range tests {
		_, err := ParseJSON([]byte(tt.json))
		if err == nil || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("ParseJSON(%s) = %v, want an error containing %q", tt.json, err, tt.msg)
		}
	}
}
