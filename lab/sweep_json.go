package lab

import (
	"encoding/json"
	"math"
)

// sweepResultJSON is the flat, one-line form of a SweepResult that `sweep --json` prints.
// Losses of a diverged run can be NaN or Inf, which JSON cannot hold: they become null.
type sweepResultJSON struct {
	Depth     int      `json:"depth"`
	Residual  bool     `json:"residual"`
	Seed      uint64   `json:"seed"`
	Steps     int      `json:"steps"`
	Step      int      `json:"step"` // steps that ran: less than steps when the run diverged
	TrainAcc  *float64 `json:"train_acc"`
	TestAcc   *float64 `json:"test_acc"`
	TrainLoss *float64 `json:"train_loss"`
	TestLoss  *float64 `json:"test_loss"`
	Diverged  bool     `json:"diverged"`
}

// MarshalJSON writes r flat: depth, residual, seed, steps, step, train_acc, test_acc,
// train_loss, test_loss and diverged (non-finite numbers as null). Block statistics are left
// out: a sweep is about final accuracy.
func (r SweepResult) MarshalJSON() ([]byte, error) {
	return json.Marshal(sweepResultJSON{
		Depth: r.Depth, Residual: r.Residual, Seed: r.Seed, Steps: r.Steps, Step: r.Final.Step,
		TrainAcc: finiteOrNil(r.Final.TrainAcc), TestAcc: finiteOrNil(r.Final.TestAcc),
		TrainLoss: finiteOrNil(r.Final.TrainLoss), TestLoss: finiteOrNil(r.Final.TestLoss),
		Diverged: r.Final.Diverged,
	})
}

// UnmarshalJSON reads what MarshalJSON writes; null numbers come back as NaN.
func (r *SweepResult) UnmarshalJSON(b []byte) error {
	var j sweepResultJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*r = SweepResult{Depth: j.Depth, Residual: j.Residual, Seed: j.Seed, Steps: j.Steps,
		Final: Metrics{Step: j.Step, TrainAcc: orNaN(j.TrainAcc), TestAcc: orNaN(j.TestAcc),
			TrainLoss: orNaN(j.TrainLoss), TestLoss: orNaN(j.TestLoss), Diverged: j.Diverged}}
	return nil
}

func finiteOrNil(x float64) *float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	return &x
}

func orNaN(p *float64) float64 {
	if p == nil {
		return math.NaN()
	}
	return *p
}
