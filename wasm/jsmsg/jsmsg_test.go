//go:build js && wasm

package jsmsg

import (
	"math"
	"reflect"
	"syscall/js"
	"testing"

	"resnetplayground/lab"
	"resnetplayground/nn/data"
	"resnetplayground/proto"
)

// postMessage does what structuredClone does, transferring the listed buffers: every
// message crosses here the way it crosses between the page and a worker.
func postMessage(t *testing.T, m proto.Message) proto.Message {
	t.Helper()
	v, transfer := ToJS(m)
	clone := js.Global().Call("structuredClone", v, js.ValueOf(map[string]any{"transfer": transfer}))
	return FromJS(clone)
}

func TestMessagesSurvivePostMessage(t *testing.T) {
	spec := lab.Default()
	spec.Seed = math.MaxUint64
	cmd := proto.Command{Kind: proto.CmdReset, Gen: 5, Spec: spec, Run: true}
	m, err := proto.EncodeCommand(cmd)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := proto.DecodeCommand(postMessage(t, m)); err != nil || !reflect.DeepEqual(got, cmd) {
		t.Errorf("command %+v came back as %+v, %v", cmd, got, err)
	}

	r := proto.Report{Gen: 2, Running: true,
		Metrics:  lab.Metrics{Step: 1<<24 + 1, TrainLoss: 0.5, Blocks: []lab.BlockStats{{GradNorm: 0.25, ActMean: 1, ActStd: 2}}},
		History:  []proto.Sample{{Step: 1<<24 + 1, TrainLoss: 0.1, TrainAcc: 0.9, TestLoss: 0.2, TestAcc: 0.8}},
		Boundary: []float32{0.5, 0.5}, GridN: 1, Classes: 2,
		Train: &data.Set{X: []float64{0.5, 0.25}, Y: []int{1}, Classes: 2},
		Test:  &data.Set{X: []float64{-0.5, 1}, Y: []int{0}, Classes: 2},
	}
	if got := proto.DecodeReport(postMessage(t, proto.EncodeReport(r))); !reflect.DeepEqual(got, r) {
		t.Errorf("report %+v came back as %+v", r, got)
	}

	l := proto.LesionReport{Gen: 1, Step: 9, Intact: proto.LesionResult{Block: proto.LesionAll, TrainAcc: 0.5, TestAcc: 0.5},
		Results: []proto.LesionResult{{Block: 0, TrainAcc: 0.25, TestAcc: 0.5}, {Block: 1, Err: "no shortcut"}}}
	if got := proto.DecodeLesion(postMessage(t, proto.EncodeLesion(l))); !reflect.DeepEqual(got, l) {
		t.Errorf("lesion %+v came back as %+v", l, got)
	}

	p := proto.SweepPoint{Step: 10, Done: true, TrainAcc: 0.75}
	if got := proto.DecodeSweepPoint(postMessage(t, proto.EncodeSweepPoint(p))); got != p {
		t.Errorf("sweep point %+v came back as %+v", p, got)
	}

	if got := FromJS(js.ValueOf("not an object")); len(got) != 0 {
		t.Errorf("a string decoded as %v", got)
	}
}
