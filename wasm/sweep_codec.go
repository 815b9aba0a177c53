//go:build js && wasm

package main

import (
	"syscall/js"

	"resnetplayground/ui"
)

// Sweep and lesion replies, worker → page. A sweep point: {type: "sweep", step, done,
// trainAcc, testAcc, trainLoss, testLoss, diverged, err} (the page knows which job each
// pool worker runs). A lesion report: {type: "lesion", gen, step, trainAcc, testAcc, err,
// lesions: Float32Array (block, train accuracy, test accuracy per block; accuracies NaN
// where the block could not be removed), lesionErrs: the messages of those blocks, in order}.

func encodeSweepPoint(p ui.SweepPoint) js.Value {
	return js.ValueOf(map[string]any{
		"type": "sweep", "step": p.Step, "done": p.Done,
		"trainAcc": p.TrainAcc, "testAcc": p.TestAcc, "trainLoss": p.TrainLoss, "testLoss": p.TestLoss,
		"diverged": p.Diverged, "err": p.Err,
	})
}

func decodeSweepPoint(v js.Value) ui.SweepPoint {
	return ui.SweepPoint{
		Step: num(v, "step"), Done: flag(v, "done"),
		TrainAcc: fnum(v, "trainAcc"), TestAcc: fnum(v, "testAcc"),
		TrainLoss: fnum(v, "trainLoss"), TestLoss: fnum(v, "testLoss"),
		Diverged: flag(v, "diverged"), Err: str(v, "err"),
	}
}

func encodeLesion(r ui.LesionReport) (js.Value, []any) {
	vals, msgs := flattenLesions(r.Results)
	errs := make([]any, len(msgs))
	for i, m := range msgs {
		errs[i] = m
	}
	arr := float32Array(vals)
	return js.ValueOf(map[string]any{
		"type": "lesion", "gen": r.Gen, "step": r.Step, "err": r.Err,
		"trainAcc": r.Intact.TrainAcc, "testAcc": r.Intact.TestAcc,
		"lesions": arr, "lesionErrs": errs,
	}), []any{arr.Get("buffer")}
}

func decodeLesion(v js.Value) ui.LesionReport {
	var msgs []string
	if errs := v.Get("lesionErrs"); errs.Type() == js.TypeObject {
		for i := range errs.Length() {
			msgs = append(msgs, errs.Index(i).String())
		}
	}
	return ui.LesionReport{Gen: num(v, "gen"), Step: num(v, "step"), Err: str(v, "err"),
		Intact:  ui.LesionResult{Block: ui.LesionAll, TrainAcc: fnum(v, "trainAcc"), TestAcc: fnum(v, "testAcc")},
		Results: unflattenLesions(goFloat32(v.Get("lesions")), msgs)}
}
