//go:build js && wasm

package main

import (
	"encoding/json"
	"errors"
	"syscall/js"

	"resnetplayground/nn/data"
	"resnetplayground/lab"
	"resnetplayground/ui"
)

// The message codec. Page → worker: {type, gen, spec (JSON text), run, steps, block, on}.
// Worker → page: {type: "report", gen, running, step, epoch, trainLoss, trainAcc, testLoss,
// testAcc, diverged, err, history: Float64Array (5 per sample: step, train loss, train acc,
// test loss, test acc; float64 so step numbers past 2²⁴ stay exact), blocks: Float32Array (see flattenBlocks), and when present boundary:
// Float32Array with gridN and classes, and trainXY/testXY: Float32Array with trainY/testY:
// Uint8Array}. Typed arrays are transferred, not copied. A sweep command carries a spec as a
// reset does; sweep and lesion replies are in sweep_codec.go.

// encodeCommand turns a Command into a plain JS object.
func encodeCommand(c ui.Command) (js.Value, error) {
	m := map[string]any{
		"type": string(c.Kind), "gen": c.Gen, "run": c.Run, "steps": c.Steps, "block": c.Block, "on": c.On,
	}
	if c.Kind == ui.CmdReset || c.Kind == ui.CmdSweep {
		b, err := json.Marshal(c.Spec)
		if err != nil {
			return js.Undefined(), err
		}
		m["spec"] = string(b)
	}
	return js.ValueOf(m), nil
}

// decodeCommand reads what encodeCommand wrote; a Spec that does not validate is an error.
func decodeCommand(v js.Value) (ui.Command, error) {
	if v.Type() != js.TypeObject {
		return ui.Command{}, errors.New("message is not an object")
	}
	c := ui.Command{
		Kind:  ui.CommandKind(str(v, "type")),
		Gen:   num(v, "gen"),
		Run:   flag(v, "run"),
		Steps: num(v, "steps"),
		Block: num(v, "block"),
		On:    flag(v, "on"),
	}
	if c.Kind == ui.CmdReset || c.Kind == ui.CmdSweep {
		s, err := lab.ParseJSON([]byte(str(v, "spec")))
		if err != nil {
			return c, err
		}
		c.Spec = s
	}
	return c, nil
}

// encodeReport turns a Report into a JS object and the buffers to transfer with it.
func encodeReport(r ui.Report) (msg js.Value, transfer []any) {
	m := map[string]any{
		"type": "report", "gen": r.Gen, "running": r.Running,
		"step": r.Metrics.Step, "epoch": r.Metrics.Epoch,
		"trainLoss": r.Metrics.TrainLoss, "trainAcc": r.Metrics.TrainAcc,
		"testLoss": r.Metrics.TestLoss, "testAcc": r.Metrics.TestAcc,
		"diverged": r.Metrics.Diverged, "err": r.Err,
	}
	put := func(key string, arr js.Value) {
		m[key] = arr
		transfer = append(transfer, arr.Get("buffer"))
	}
	put("history", float64Array(flattenHistory(r.History)))
	if len(r.Metrics.Blocks) > 0 {
		put("blocks", float32Array(flattenBlocks(r.Metrics.Blocks)))
	}
	if len(r.Boundary) > 0 {
		put("boundary", float32Array(r.Boundary))
		m["gridN"], m["classes"] = r.GridN, r.Classes
	}
	if r.Train != nil && r.Test != nil {
		put("trainXY", float32Array(toFloat32(r.Train.X)))
		put("trainY", labelArray(r.Train.Y))
		put("testXY", float32Array(toFloat32(r.Test.X)))
		put("testY", labelArray(r.Test.Y))
		m["classes"] = r.Train.Classes
	}
	return js.ValueOf(m), transfer
}

// decodeReport reads what encodeReport wrote.
func decodeReport(v js.Value) ui.Report {
	r := ui.Report{
		Gen: num(v, "gen"), Running: flag(v, "running"), Err: str(v, "err"),
		Metrics: lab.Metrics{
			Step: num(v, "step"), Epoch: fnum(v, "epoch"),
			TrainLoss: fnum(v, "trainLoss"), TrainAcc: fnum(v, "trainAcc"),
			TestLoss: fnum(v, "testLoss"), TestAcc: fnum(v, "testAcc"),
			Diverged: flag(v, "diverged"),
		},
	}
	r.History = unflattenHistory(goFloat64(v.Get("history")))
	if b := v.Get("blocks"); !b.IsUndefined() {
		r.Metrics.Blocks = unflattenBlocks(goFloat32(b))
	}
	if b := v.Get("boundary"); !b.IsUndefined() {
		r.Boundary, r.GridN, r.Classes = goFloat32(b), num(v, "gridN"), num(v, "classes")
	}
	if xy := v.Get("trainXY"); !xy.IsUndefined() {
		classes := num(v, "classes")
		r.Train = &data.Set{X: toFloat64(goFloat32(xy)), Y: goLabels(v.Get("trainY")), Classes: classes}
		r.Test = &data.Set{X: toFloat64(goFloat32(v.Get("testXY"))), Y: goLabels(v.Get("testY")), Classes: classes}
	}
	return r
}

func float32Array(f []float32) js.Value {
	u8 := js.Global().Get("Uint8Array").New(4 * len(f))
	js.CopyBytesToJS(u8, float32Bytes(make([]byte, 0, 4*len(f)), f))
	return js.Global().Get("Float32Array").New(u8.Get("buffer"))
}

func float64Array(f []float64) js.Value {
	u8 := js.Global().Get("Uint8Array").New(8 * len(f))
	js.CopyBytesToJS(u8, float64Bytes(make([]byte, 0, 8*len(f)), f))
	return js.Global().Get("Float64Array").New(u8.Get("buffer"))
}

// typedBytes copies the bytes of a typed array into Go.
func typedBytes(arr js.Value) []byte {
	u8 := js.Global().Get("Uint8Array").New(arr.Get("buffer"), arr.Get("byteOffset"), arr.Get("byteLength"))
	b := make([]byte, u8.Length())
	js.CopyBytesToGo(b, u8)
	return b
}

func goFloat64(arr js.Value) []float64 {
	if arr.IsUndefined() || arr.IsNull() {
		return nil
	}
	return bytesFloat64(nil, typedBytes(arr))
}

func goFloat32(arr js.Value) []float32 {
	if arr.IsUndefined() || arr.IsNull() {
		return nil
	}
	u8 := js.Global().Get("Uint8Array").New(arr.Get("buffer"), arr.Get("byteOffset"), arr.Get("byteLength"))
	b := make([]byte, u8.Length())
	js.CopyBytesToGo(b, u8)
	return bytesFloat32(nil, b)
}

func labelArray(y []int) js.Value {
	b := make([]byte, len(y))
	for i, k := range y {
		b[i] = byte(k)
	}
	u8 := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(u8, b)
	return u8
}

func goLabels(arr js.Value) []int {
	if arr.IsUndefined() || arr.IsNull() {
		return nil
	}
	b := make([]byte, arr.Length())
	js.CopyBytesToGo(b, arr)
	y := make([]int, len(b))
	for i, k := range b {
		y[i] = int(k)
	}
	return y
}

func toFloat32(x []float64) []float32 {
	f := make([]float32, len(x))
	for i, v := range x {
		f[i] = float32(v)
	}
	return f
}

func toFloat64(x []float32) []float64 {
	f := make([]float64, len(x))
	for i, v := range x {
		f[i] = float64(v)
	}
	return f
}

// str, num, fnum and flag read a field of a message, with a zero value when it is missing
// or of another type: a malformed message must not panic.
func str(v js.Value, key string) string {
	if f := v.Get(key); f.Type() == js.TypeString {
		return f.String()
	}
	return ""
}

func num(v js.Value, key string) int {
	if f := v.Get(key); f.Type() == js.TypeNumber {
		return f.Int()
	}
	return 0
}

func fnum(v js.Value, key string) float64 {
	if f := v.Get(key); f.Type() == js.TypeNumber {
		return f.Float()
	}
	return 0
}

func flag(v js.Value, key string) bool {
	f := v.Get(key)
	return f.Type() == js.TypeBoolean && f.Bool()
}
