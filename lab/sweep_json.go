package lab

import (
	"math"
	"strconv"

	"resnetplayground/internal/minjson"
)

// The flat, one-line JSON form of a SweepResult is what `sweep --json` prints: depth,
// residual, seed, steps, step (the steps that ran: fewer than steps when the run diverged),
// train_acc, test_acc, train_loss, test_loss and diverged. Losses of a diverged run can be
// NaN or Inf, which JSON cannot hold: they become null. Block statistics are left out: a
// sweep is about final accuracy. (minjson, not encoding/json, so main.wasm need not carry it.)

// MarshalJSON writes r in the flat form.
func (r SweepResult) MarshalJSON() ([]byte, error) {
	var o minjson.Object
	o.Int("depth", r.Depth)
	o.Bool("residual", r.Residual)
	o.Uint("seed", r.Seed)
	o.Int("steps", r.Steps)
	o.Int("step", r.Final.Step)
	o.FloatOrNull("train_acc", finiteOrNil(r.Final.TrainAcc))
	o.FloatOrNull("test_acc", finiteOrNil(r.Final.TestAcc))
	o.FloatOrNull("train_loss", finiteOrNil(r.Final.TrainLoss))
	o.FloatOrNull("test_loss", finiteOrNil(r.Final.TestLoss))
	o.Bool("diverged", r.Final.Diverged)
	return o.Bytes()
}

// UnmarshalJSON reads what MarshalJSON writes; null (or missing) numbers come back as NaN,
// and members it does not know are skipped.
func (r *SweepResult) UnmarshalJSON(b []byte) error {
	members, _, err := minjson.Members(b)
	if err != nil {
		return err
	}
	nan := math.NaN()
	out := SweepResult{Final: Metrics{TrainAcc: nan, TestAcc: nan, TrainLoss: nan, TestLoss: nan}}
	ints := map[string]*int{"depth": &out.Depth, "steps": &out.Steps, "step": &out.Final.Step}
	bools := map[string]*bool{"residual": &out.Residual, "diverged": &out.Final.Diverged}
	floats := map[string]*float64{"train_acc": &out.Final.TrainAcc, "test_acc": &out.Final.TestAcc,
		"train_loss": &out.Final.TrainLoss, "test_loss": &out.Final.TestLoss}
	for key, v := range members {
		var err error
		if p, ok := ints[key]; ok {
			*p, err = wholeJSON(v)
		} else if p, ok := bools[key]; ok {
			*p, _, err = minjson.Bool(v)
		} else if p, ok := floats[key]; ok {
			var set bool
			if *p, set, err = minjson.Float(v); err == nil && !set {
				*p = nan // null: a loss JSON could not hold
			}
		} else if key == "seed" {
			var text string
			var set bool
			if text, set, err = minjson.Number(v); set && err == nil {
				out.Seed, err = strconv.ParseUint(text, 10, 64)
			}
		}
		if err != nil {
			return err
		}
	}
	*r = out
	return nil
}

// wholeJSON reads a JSON whole number (null is 0).
func wholeJSON(v []byte) (int, error) {
	text, ok, err := minjson.Number(v)
	if !ok || err != nil {
		return 0, err
	}
	return strconv.Atoi(text)
}

func finiteOrNil(x float64) *float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	return &x
}
