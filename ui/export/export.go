// Package export writes what the page offers for download, as files: a run's metrics (CSV,
// JSON), its Spec (JSON), a sweep's results (CSV, JSON). It knows the file formats and
// nothing of the page, so the same rows a test reads are the ones a visitor downloads; the
// ui package gathers the rows from its state and hands the bytes to the browser.
package export

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"

	"resnetplayground/lab"
	"resnetplayground/proto"
)

// MetricsRow is one recorded step of a run, as exported.
type MetricsRow struct {
	Step      int      `json:"step"`
	Epoch     float64  `json:"epoch"`
	TrainLoss *float64 `json:"train_loss"` // null once the run diverged
	TrainAcc  *float64 `json:"train_acc"`
	TestLoss  *float64 `json:"test_loss"`
	TestAcc   *float64 `json:"test_acc"`
	LR        float64  `json:"lr"` // the learning rate of the step recorded: it can change while a run trains
}

// metricsHeader is the CSV's first line; the JSON uses the same names.
const metricsHeader = "step,epoch,train_loss,train_acc,test_loss,test_acc,lr"

// Metrics is a run's history, a row per recorded step. The epoch is worked out the way the
// trainer does (examples seen / training set size, with batch examples a step); it is NaN
// when trainLen is 0 (before the worker has sent the data).
func Metrics(history []proto.Sample, batch, trainLen int) []MetricsRow {
	rows := make([]MetricsRow, len(history))
	for i, s := range history {
		epoch := math.NaN()
		if trainLen > 0 {
			epoch = s.Step * float64(batch) / float64(trainLen)
		}
		rows[i] = MetricsRow{
			Step: int(s.Step), Epoch: epoch,
			TrainLoss: Finite(s.TrainLoss), TrainAcc: Finite(s.TrainAcc),
			TestLoss: Finite(s.TestLoss), TestAcc: Finite(s.TestAcc),
		}
	}
	return rows
}

// MetricsCSV is rows as CSV with a header line; a value that is not a number (a diverged
// loss) is an empty cell.
func MetricsCSV(rows []MetricsRow) []byte {
	var b bytes.Buffer
	b.WriteString(metricsHeader + "\n")
	for _, r := range rows {
		b.WriteString(strconv.Itoa(r.Step))
		writeCells(&b, Finite(r.Epoch), r.TrainLoss, r.TrainAcc, r.TestLoss, r.TestAcc, Finite(r.LR))
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// MetricsJSON is rows with the Spec that produced them, so the file explains itself.
func MetricsJSON(spec lab.Spec, rows []MetricsRow) []byte {
	rows = append([]MetricsRow(nil), rows...)
	for i := range rows {
		if math.IsNaN(rows[i].Epoch) {
			rows[i].Epoch = 0 // JSON has no NaN; before the data arrives no step was taken
		}
	}
	return indented(metricsFileJSON(spec, rows))
}

// SpecJSON is spec as the indented JSON that lab.ParseJSON reads back.
func SpecJSON(spec lab.Spec) []byte { return indented(spec.MarshalJSON()) }

// SweepRow is one finished run of a sweep, as exported.
type SweepRow struct {
	Depth     int      `json:"depth"`
	Residual  bool     `json:"residual"`
	Seed      uint64   `json:"seed"`
	Steps     int      `json:"steps"`
	TrainAcc  *float64 `json:"train_acc"`
	TestAcc   *float64 `json:"test_acc"`
	TrainLoss *float64 `json:"train_loss"`
	TestLoss  *float64 `json:"test_loss"`
	Diverged  bool     `json:"diverged"`
	Link      string   `json:"link"` // the run's Spec in URL form
}

// SweepCSV is a sweep's finished runs as CSV with a header line.
func SweepCSV(rows []SweepRow) []byte {
	var b bytes.Buffer
	b.WriteString("depth,residual,seed,steps,train_acc,test_acc,train_loss,test_loss,diverged\n")
	for _, row := range rows {
		fmt.Fprintf(&b, "%d,%t,%d,%d", row.Depth, row.Residual, row.Seed, row.Steps)
		writeCells(&b, row.TrainAcc, row.TestAcc, row.TrainLoss, row.TestLoss)
		fmt.Fprintf(&b, ",%t\n", row.Diverged)
	}
	return b.Bytes()
}

// SweepJSON is a sweep's finished runs as JSON.
func SweepJSON(rows []SweepRow) []byte {
	return indented(sweepFileJSON(rows))
}

// Finite is &x, or nil (an empty cell, a JSON null) for NaN and ±Inf.
func Finite(x float64) *float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	return &x
}

// writeCells writes ",v" for each value, an empty cell for nil, in 6 significant digits.
func writeCells(b *bytes.Buffer, vs ...*float64) {
	for _, v := range vs {
		b.WriteByte(',')
		if v != nil {
			b.WriteString(strconv.FormatFloat(*v, 'g', 6, 64))
		}
	}
}

// EscapeXML escapes text for an XML (SVG) text node or attribute value.
func EscapeXML(s string) string { return xmlEscaper.Replace(s) }

// xmlEscaper escapes the five characters XML reserves. (The html package would do, but a
// strings.Replacer keeps main.wasm from carrying another package for five characters.)
var xmlEscaper = strings.NewReplacer(`&`, "&amp;", `'`, "&#39;", `<`, "&lt;", `>`, "&gt;", `"`, "&#34;")
