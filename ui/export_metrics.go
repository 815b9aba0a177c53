package ui

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
)

// MetricsRow is one recorded step of a run, as exported.
type MetricsRow struct {
	Step      int      `json:"step"`
	Epoch     float64  `json:"epoch"`
	TrainLoss *float64 `json:"train_loss"` // null once the run diverged
	TrainAcc  *float64 `json:"train_acc"`
	TestLoss  *float64 `json:"test_loss"`
	TestAcc   *float64 `json:"test_acc"`
}

// metricsHeader is the CSV's first line; the JSON uses the same names.
const metricsHeader = "step,epoch,train_loss,train_acc,test_loss,test_acc"

// MetricsRows is the run's history, a row per recorded step. The epoch is worked out the way
// the trainer does (examples seen / training set size); it is NaN before the worker has
// sent the data.
func (a *App) MetricsRows() []MetricsRow {
	trainLen := 0
	if a.Train != nil {
		trainLen = a.Train.Len()
	}
	rows := make([]MetricsRow, len(a.History))
	for i, s := range a.History {
		epoch := math.NaN()
		if trainLen > 0 {
			epoch = s.Step * float64(a.Spec.Batch) / float64(trainLen)
		}
		rows[i] = MetricsRow{
			Step: int(s.Step), Epoch: epoch,
			TrainLoss: finite(s.TrainLoss), TrainAcc: finite(s.TrainAcc),
			TestLoss: finite(s.TestLoss), TestAcc: finite(s.TestAcc),
		}
	}
	return rows
}

// MetricsCSV is the history as CSV with a header line; a value that is not a number (a
// diverged loss) is an empty cell.
func (a *App) MetricsCSV() []byte {
	var b bytes.Buffer
	b.WriteString(metricsHeader + "\n")
	for _, r := range a.MetricsRows() {
		b.WriteString(strconv.Itoa(r.Step))
		for _, v := range []*float64{finite(r.Epoch), r.TrainLoss, r.TrainAcc, r.TestLoss, r.TestAcc} {
			b.WriteByte(',')
			if v != nil {
				b.WriteString(strconv.FormatFloat(*v, 'g', 6, 64))
			}
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// MetricsJSON is the history with the Spec that produced it, so the file explains itself.
func (a *App) MetricsJSON() []byte {
	rows := a.MetricsRows()
	for i := range rows {
		if math.IsNaN(rows[i].Epoch) {
			rows[i].Epoch = 0 // JSON has no NaN; before the data arrives no step was taken
		}
	}
	b, err := json.MarshalIndent(struct {
		Spec    any          `json:"spec"`
		Link    string       `json:"link"`
		Metrics []MetricsRow `json:"metrics"`
	}{a.Spec, a.Spec.String(), rows}, "", "  ")
	if err != nil {
		return []byte(`{"error": ` + strconv.Quote(err.Error()) + `}`)
	}
	return append(b, '\n')
}

// SpecJSON is the Spec as the indented JSON that ImportSpec reads back.
func (a *App) SpecJSON() []byte {
	b, err := json.MarshalIndent(a.Spec, "", "  ")
	if err != nil {
		return []byte(`{"error": ` + strconv.Quote(err.Error()) + `}`)
	}
	return append(b, '\n')
}

func finite(x float64) *float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	return &x
}
