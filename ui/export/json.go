package export

import (
	"strconv"

	"resnetplayground/internal/minjson"
	"resnetplayground/lab"
)

// The JSON downloads are written with minjson rather than encoding/json, which main.wasm
// would otherwise carry for them alone: each file as compact JSON, laid out at the end as
// json.MarshalIndent lays it out (json_test.go holds the bytes to the struct tags').

// metricsFileJSON is {"spec": …, "link": …, "metrics": [rows]}.
func metricsFileJSON(spec lab.Spec, rows []MetricsRow) ([]byte, error) {
	specJSON, err := spec.MarshalJSON()
	if err != nil {
		return nil, err
	}
	metrics, err := minjson.Objects(rows, func(o *minjson.Object, r MetricsRow) {
		o.Int("step", r.Step)
		o.Float("epoch", r.Epoch)
		o.FloatOrNull("train_loss", r.TrainLoss)
		o.FloatOrNull("train_acc", r.TrainAcc)
		o.FloatOrNull("test_loss", r.TestLoss)
		o.FloatOrNull("test_acc", r.TestAcc)
		o.Float("lr", r.LR)
	})
	if err != nil {
		return nil, err
	}
	var file minjson.Object
	file.Raw("spec", specJSON)
	file.String("link", spec.String())
	file.Raw("metrics", metrics)
	return file.Bytes()
}

// sweepFileJSON is {"results": [rows]}.
func sweepFileJSON(rows []SweepRow) ([]byte, error) {
	results, err := minjson.Objects(rows, func(o *minjson.Object, r SweepRow) {
		o.Int("depth", r.Depth)
		o.Bool("residual", r.Residual)
		o.Uint("seed", r.Seed)
		o.Int("steps", r.Steps)
		o.FloatOrNull("train_acc", r.TrainAcc)
		o.FloatOrNull("test_acc", r.TestAcc)
		o.FloatOrNull("train_loss", r.TrainLoss)
		o.FloatOrNull("test_loss", r.TestLoss)
		o.Bool("diverged", r.Diverged)
		o.String("link", r.Link)
	})
	if err != nil {
		return nil, err
	}
	var file minjson.Object
	file.Raw("results", results)
	return file.Bytes()
}

// indented is the compact JSON b laid out with two-space indents and a final newline; an
// error becomes a JSON object that says it, so a download is never empty.
func indented(b []byte, err error) []byte {
	if err != nil {
		return []byte(`{"error": ` + strconv.Quote(err.Error()) + "}\n")
	}
	return append(minjson.Indent(b), '\n')
}
