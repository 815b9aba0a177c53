package proto

import (
	"math"
	"reflect"
	"testing"

	"resnetplayground/lab"
	"resnetplayground/nn/data"
)

// throughJS does to a Message what postMessage does on its way between the page and a
// worker: every number becomes a float64, and typed arrays travel as their bytes (as the
// wasm glue copies them). The round trips below run natively and compiled to wasm.
func throughJS(t *testing.T, m Message) Message {
	t.Helper()
	out := Message{}
	for k, v := range m {
		switch v := v.(type) {
		case int:
			out[k] = float64(v)
		case float64, string, bool:
			out[k] = v
		case []float32:
			out[k] = BytesFloat32(nil, Float32Bytes(nil, v))
		case []float64:
			out[k] = BytesFloat64(nil, Float64Bytes(nil, v))
		case []byte:
			out[k] = append([]byte{}, v...)
		case []string:
			out[k] = append([]string{}, v...)
		default:
			t.Fatalf("key %q holds a %T, which postMessage would not carry as the codec expects", k, v)
		}
	}
	return out
}

func TestCommandsSurviveTheWire(t *testing.T) {
	spec := lab.Default()
	spec.Seed = math.MaxUint64
	spec.Blocks = lab.Uniform(3, 8, 1, true)
	for _, in := range []Command{
		{Kind: CmdReset, Gen: 7, Seq: 12, Spec: spec, Run: true},
		{Kind: CmdRun, Gen: 7, Run: true},
		{Kind: CmdStep, Gen: 8, Steps: 5},
		{Kind: CmdShortcut, Gen: 9, Block: 2, On: true},
		{Kind: CmdLR, Gen: 9, Seq: 3, LR: 0.0125},
		{Kind: CmdLesion, Gen: 9, Block: LesionAll},
		{Kind: CmdSweep, Gen: 3, Spec: spec, Steps: 1500},
	} {
		m, err := EncodeCommand(in)
		if err != nil {
			t.Fatal(err)
		}
		out, err := DecodeCommand(throughJS(t, m))
		if err != nil {
			t.Fatalf("%s: %v", in.Kind, err)
		}
		if in.Kind != CmdReset && in.Kind != CmdSweep {
			out.Spec = in.Spec // only resets and sweeps carry one
		}
		if !reflect.DeepEqual(out, in) {
			t.Errorf("%s: sent %+v, got %+v", in.Kind, in, out)
		}
	}
	// A Spec that does not validate is an error that still says which run it was for.
	bad := spec
	bad.LR = -1
	m, _ := EncodeCommand(Command{Kind: CmdReset, Gen: 4, Spec: bad})
	if c, err := DecodeCommand(throughJS(t, m)); err == nil || c.Gen != 4 || c.Kind != CmdReset {
		t.Errorf("a bad Spec: %+v, %v", c, err)
	}
}

func TestReportsSurviveTheWire(t *testing.T) {
	in := Report{
		Gen: 3, Ack: 41, Running: true, Err: "",
		Metrics: lab.Metrics{Step: 1<<24 + 1, Epoch: 2.5, TrainLoss: 0.25, TrainAcc: 0.875, TestLoss: math.Inf(1), TestAcc: 0.5,
			Blocks: []lab.BlockStats{{GradNorm: 0.5, ActMean: -0.25, ActStd: 2}, {GradNorm: math.Inf(1)}}},
		// Step numbers past 2²⁴ cross exactly (as float32 they drifted: 16,777,217 arrived as
		// 16,777,216), and so do the losses and accuracies.
		History: []Sample{
			{Step: 1, TrainLoss: 0.6931471805599453, TrainAcc: 0.5, TestLoss: 0.7, TestAcc: 0.49},
			{Step: 1<<24 + 1, TrainLoss: 1e-9, TrainAcc: 1, TestLoss: 0.0123456789, TestAcc: 0.987654321},
			{Step: 123_456_789_013, TrainLoss: 0.1, TrainAcc: 0.9, TestLoss: 0.2, TestAcc: 0.8},
		},
		PeakLoss: 431.75, PeakStep: 2, LRChanges: []lab.LRChange{{Step: 120, LR: 0.01}, {Step: 1 << 30, LR: 1e-5}},
		Boundary: []float32{0.25, 0.75, 0.5, 0.5}, GridN: 1, Classes: 2, BoundaryMS: 1.5,
		BlockMap: []float32{0, 1.5, -2, 3, 4, 5, 6, 7}, MapBlock: 7, MapN: 2, MapUnits: 2,
		Train: &data.Set{X: []float64{0.5, -0.25, 1, 2}, Y: []int{0, 1}, Classes: 2},
		Test:  &data.Set{X: []float64{0.125, 0.75}, Y: []int{1}, Classes: 2},
	}
	out := DecodeReport(throughJS(t, EncodeReport(in)))
	if !reflect.DeepEqual(out, in) {
		t.Errorf("sent %+v\ngot  %+v", in, out)
	}
	// A report without a picture or points leaves them empty.
	small := Report{Gen: 1, History: []Sample{{Step: 1}}}
	if out := DecodeReport(throughJS(t, EncodeReport(small))); out.Boundary != nil || out.BlockMap != nil || out.Train != nil || len(out.History) != 1 {
		t.Errorf("a small report came back as %+v", out)
	}
}

func TestSweepPointsAndLesionsSurviveTheWire(t *testing.T) {
	p := SweepPoint{Step: 1500, Done: true, TrainAcc: 0.75, TestAcc: 0.5, TrainLoss: 0.5, TestLoss: math.NaN(), Diverged: true, Err: "x"}
	got := DecodeSweepPoint(throughJS(t, EncodeSweepPoint(p)))
	if !math.IsNaN(got.TestLoss) {
		t.Errorf("NaN test loss came back as %v", got.TestLoss)
	}
	got.TestLoss, p.TestLoss = 0, 0
	if got != p {
		t.Errorf("sweep point %+v came back as %+v", p, got)
	}

	in := LesionReport{Gen: 2, Ack: 9, Step: 40, Intact: LesionResult{Block: LesionAll, TrainAcc: 0.5, TestAcc: 0.25},
		Results: []LesionResult{{Block: 0, TrainAcc: 0.5, TestAcc: 0.25}, {Block: 1, Err: "no shortcut"}, {Block: 2, TrainAcc: 1, TestAcc: 0.75}}}
	if out := DecodeLesion(throughJS(t, EncodeLesion(in))); !reflect.DeepEqual(out, in) {
		t.Errorf("lesions %+v came back as %+v", in, out)
	}
	vals, _ := FlattenLesions(in.Results)
	if got := UnflattenLesions(vals, nil); got[1].Err == "" {
		t.Error("a lost message left a failed block without one")
	}
	if got := UnflattenBlocks([]float32{1, 2}); len(got) != 0 {
		t.Error("a partial block was decoded")
	}
}

// A message with missing keys or keys of the wrong type decodes to zero values, never a
// panic: whatever arrives from postMessage.
func TestMalformedMessagesDecodeToZeroValues(t *testing.T) {
	junk := Message{"type": 7, "gen": "x", "history": []float32{1}, "blocks": "no", "trainXY": []float32{1, 2}, "step": 1.5}
	r := DecodeReport(junk)
	if r.Gen != 0 || r.History != nil || r.Metrics.Blocks != nil || r.Metrics.Step != 0 || len(r.Train.Y) != 0 {
		t.Errorf("junk decoded as %+v", r)
	}
	if _, err := DecodeCommand(Message{"type": "reset", "spec": 3}); err == nil {
		t.Error("a reset without a Spec decoded without an error")
	}
	_ = DecodeLesion(Message{"lesions": []float64{1}})
	_ = DecodeSweepPoint(nil)
}

func TestFloatBytesRoundTrip(t *testing.T) {
	in := []float32{0, 1, -2.5, float32(math.Inf(1)), 3.4e38, 1e-45}
	b := Float32Bytes(nil, in)
	if len(b) != 4*len(in) {
		t.Fatalf("%d bytes", len(b))
	}
	out := BytesFloat32(nil, append(b, 0xff)) // a stray byte is ignored
	if !reflect.DeepEqual(out, in) {
		t.Errorf("%v → %v", in, out)
	}
	if nan := BytesFloat32(nil, Float32Bytes(nil, []float32{float32(math.NaN())})); !math.IsNaN(float64(nan[0])) {
		t.Error("NaN did not survive")
	}
	in64 := []float64{1<<53 - 1, -0.1, math.Inf(-1), 5e-324}
	if out := BytesFloat64(nil, append(Float64Bytes(nil, in64), 1, 2, 3)); !reflect.DeepEqual(out, in64) {
		t.Errorf("%v → %v", in64, out)
	}
}
