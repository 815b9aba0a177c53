package proto

import (
	"math"

	"resnetplayground/lab"
	"resnetplayground/nn/data"
)

// The messages on the wire. Page → worker: {type, gen, seq, spec (the Spec's JSON text, for
// reset and sweep), run, steps, block, on, lr (for "lr"), data: Uint8Array (the digits file), pixels:
// Float32Array (a drawn image)}. Worker → page:
//
//   - {type: "report", gen, ack, running, step, epoch, trainLoss, trainAcc, testLoss, testAcc,
//     diverged, err, peakLoss, peakStep, lrChanges: Float64Array (step, learning rate per
//     change made while training), history: Float64Array (SampleFields per sample: step, train loss, train
//     acc, test loss, test acc; float64 so step numbers past 2²⁴ stay exact), blocks:
//     Float32Array (gradient norm, activation mean and standard deviation per block), and
//     when present boundary: Float32Array with gridN, classes and boundaryMS, blockMap:
//     Float32Array with mapBlock, mapN and mapUnits, and trainXY/testXY:
//     Float32Array with trainY/testY: Uint8Array and classes, and for images digitsSide with
//     digitsImages/digitsLabels/digitsPred: Uint8Array and digitsProbe: Float32Array};
//   - {type: "sweep", step, done, trainAcc, testAcc, trainLoss, testLoss, diverged, err}
//     (the page knows which job each pool worker runs);
//   - {type: "lesion", gen, ack, step, trainAcc, testAcc, err, lesions: Float32Array (block,
//     train accuracy, test accuracy per block; accuracies NaN where the block could not be
//     removed), lesionErrs: the messages of those blocks, in order}.

// EncodeCommand turns c into a Message; it fails only if the Spec cannot be written as JSON.
func EncodeCommand(c Command) (Message, error) {
	m := Message{"type": string(c.Kind), "gen": c.Gen, "seq": c.Seq, "run": c.Run, "steps": c.Steps, "block": c.Block, "on": c.On}
	if c.Kind == CmdLR {
		m["lr"] = c.LR
	}
	if c.Data != nil {
		m["data"] = c.Data
	}
	if c.Pixels != nil {
		m["pixels"] = c.Pixels
	}
	if c.Kind == CmdReset || c.Kind == CmdSweep {
		b, err := c.Spec.MarshalJSON()
		if err != nil {
			return nil, err
		}
		m["spec"] = string(b)
	}
	if c.Kind == CmdLandscape {
		m["landscape"] = encodeLandscapeConfig(c.Landscape)
	}
	return m, nil
}

// DecodeCommand reads what EncodeCommand wrote. A Spec that does not validate is an error;
// the Command still carries its Kind and Gen, so the worker can say which run failed.
func DecodeCommand(m Message) (Command, error) {
	c := Command{
		Kind: Kind(m.str("type")), Gen: m.num("gen"), Seq: m.num("seq"), Run: m.flag("run"),
		Steps: m.num("steps"), Block: m.num("block"), On: m.flag("on"),
		Data: m.bytes("data"), Pixels: m.float32s("pixels"), LR: m.fnum("lr"),
	}
	if c.Kind == CmdReset || c.Kind == CmdSweep {
		s, err := lab.ParseJSON([]byte(m.str("spec")))
		if err != nil {
			return c, err
		}
		c.Spec = s
	}
	if c.Kind == CmdLandscape {
		l, err := decodeLandscapeConfig(m.str("landscape"))
		if err != nil {
			return c, err
		}
		c.Landscape = l
	}
	return c, nil
}

// EncodeReport turns r into a Message.
func EncodeReport(r Report) Message {
	m := Message{
		"type": "report", "gen": r.Gen, "ack": r.Ack, "running": r.Running,
		"step": r.Metrics.Step, "epoch": r.Metrics.Epoch,
		"trainLoss": r.Metrics.TrainLoss, "trainAcc": r.Metrics.TrainAcc,
		"testLoss": r.Metrics.TestLoss, "testAcc": r.Metrics.TestAcc,
		"diverged": r.Metrics.Diverged, "err": r.Err,
		"history":  FlattenHistory(r.History),
		"peakLoss": r.PeakLoss, "peakStep": r.PeakStep,
	}
	if len(r.Metrics.Blocks) > 0 {
		m["blocks"] = FlattenBlocks(r.Metrics.Blocks)
	}
	if len(r.LRChanges) > 0 {
		lr := make([]float64, 0, 2*len(r.LRChanges))
		for _, c := range r.LRChanges {
			lr = append(lr, float64(c.Step), c.LR)
		}
		m["lrChanges"] = lr
	}
	if len(r.Boundary) > 0 {
		m["boundary"], m["gridN"], m["classes"], m["boundaryMS"] = r.Boundary, r.GridN, r.Classes, r.BoundaryMS
	}
	if len(r.BlockMap) > 0 {
		m["blockMap"], m["mapBlock"], m["mapN"], m["mapUnits"] = r.BlockMap, r.MapBlock, r.MapN, r.MapUnits
	}
	if r.Train != nil && r.Test != nil {
		m["trainXY"], m["trainY"] = toFloat32(r.Train.X), labels(r.Train.Y)
		m["testXY"], m["testY"] = toFloat32(r.Test.X), labels(r.Test.Y)
		m["classes"] = r.Train.Classes
	}
	if d := r.Digits; d != nil {
		m["digitsSide"] = d.Side
		if d.Images != nil {
			m["digitsImages"], m["digitsLabels"] = d.Images, d.Labels
		}
		if d.Pred != nil {
			m["digitsPred"] = d.Pred
		}
		if d.Probe != nil {
			m["digitsProbe"] = d.Probe
		}
	}
	return m
}

// DecodeReport reads what EncodeReport wrote.
func DecodeReport(m Message) Report {
	r := Report{
		Gen: m.num("gen"), Ack: m.num("ack"), Running: m.flag("running"), Err: m.str("err"),
		Metrics: lab.Metrics{
			Step: m.num("step"), Epoch: m.fnum("epoch"),
			TrainLoss: m.fnum("trainLoss"), TrainAcc: m.fnum("trainAcc"),
			TestLoss: m.fnum("testLoss"), TestAcc: m.fnum("testAcc"),
			Diverged: m.flag("diverged"),
		},
		History:  UnflattenHistory(m.float64s("history")),
		PeakLoss: m.fnum("peakLoss"), PeakStep: m.num("peakStep"),
	}
	if b := m.float32s("blocks"); b != nil {
		r.Metrics.Blocks = UnflattenBlocks(b)
	}
	lr := m.float64s("lrChanges")
	for i := 0; i+2 <= len(lr); i += 2 {
		r.LRChanges = append(r.LRChanges, lab.LRChange{Step: int(lr[i]), LR: lr[i+1]})
	}
	if b := m.float32s("boundary"); b != nil {
		r.Boundary, r.GridN, r.Classes, r.BoundaryMS = b, m.num("gridN"), m.num("classes"), m.fnum("boundaryMS")
	}
	if b := m.float32s("blockMap"); b != nil {
		r.BlockMap, r.MapBlock, r.MapN, r.MapUnits = b, m.num("mapBlock"), m.num("mapN"), m.num("mapUnits")
	}
	if xy := m.float32s("trainXY"); xy != nil {
		classes := m.num("classes")
		r.Train = &data.Set{X: toFloat64(xy), Y: unlabels(m.bytes("trainY")), Classes: classes}
		r.Test = &data.Set{X: toFloat64(m.float32s("testXY")), Y: unlabels(m.bytes("testY")), Classes: classes}
	}
	if side := m.num("digitsSide"); side > 0 {
		r.Digits = &DigitsView{Side: side, Images: m.bytes("digitsImages"), Labels: m.bytes("digitsLabels"),
			Pred: m.bytes("digitsPred"), Probe: m.float32s("digitsProbe")}
	}
	return r
}

// EncodeSweepPoint turns p into a Message.
func EncodeSweepPoint(p SweepPoint) Message {
	return Message{
		"type": "sweep", "step": p.Step, "done": p.Done,
		"trainAcc": p.TrainAcc, "testAcc": p.TestAcc, "trainLoss": p.TrainLoss, "testLoss": p.TestLoss,
		"diverged": p.Diverged, "err": p.Err,
	}
}

// DecodeSweepPoint reads what EncodeSweepPoint wrote.
func DecodeSweepPoint(m Message) SweepPoint {
	return SweepPoint{
		Step: m.num("step"), Done: m.flag("done"),
		TrainAcc: m.fnum("trainAcc"), TestAcc: m.fnum("testAcc"),
		TrainLoss: m.fnum("trainLoss"), TestLoss: m.fnum("testLoss"),
		Diverged: m.flag("diverged"), Err: m.str("err"),
	}
}

// EncodeLesion turns r into a Message.
func EncodeLesion(r LesionReport) Message {
	vals, errs := FlattenLesions(r.Results)
	return Message{
		"type": "lesion", "gen": r.Gen, "ack": r.Ack, "step": r.Step, "err": r.Err,
		"trainAcc": r.Intact.TrainAcc, "testAcc": r.Intact.TestAcc,
		"lesions": vals, "lesionErrs": errs,
	}
}

// DecodeLesion reads what EncodeLesion wrote.
func DecodeLesion(m Message) LesionReport {
	return LesionReport{Gen: m.num("gen"), Ack: m.num("ack"), Step: m.num("step"), Err: m.str("err"),
		Intact:  LesionResult{Block: LesionAll, TrainAcc: m.fnum("trainAcc"), TestAcc: m.fnum("testAcc")},
		Results: UnflattenLesions(m.float32s("lesions"), m.strs("lesionErrs"))}
}

// FlattenHistory lays samples out as SampleFields float64s each: step, train loss, train
// accuracy, test loss, test accuracy.
func FlattenHistory(samples []Sample) []float64 {
	out := make([]float64, 0, SampleFields*len(samples))
	for _, s := range samples {
		out = append(out, s.Step, s.TrainLoss, s.TrainAcc, s.TestLoss, s.TestAcc)
	}
	return out
}

// UnflattenHistory reads what FlattenHistory wrote; a trailing partial sample is ignored.
func UnflattenHistory(f []float64) []Sample {
	var out []Sample
	for i := 0; i+SampleFields <= len(f); i += SampleFields {
		h := f[i : i+SampleFields]
		out = append(out, Sample{Step: h[0], TrainLoss: h[1], TrainAcc: h[2], TestLoss: h[3], TestAcc: h[4]})
	}
	return out
}

// FlattenBlocks lays per-block statistics out as three float32s each: gradient norm,
// activation mean and activation standard deviation, in block order. float32 keeps 7
// digits, plenty for a log-scale picture.
func FlattenBlocks(blocks []lab.BlockStats) []float32 {
	out := make([]float32, 0, 3*len(blocks))
	for _, b := range blocks {
		out = append(out, float32(b.GradNorm), float32(b.ActMean), float32(b.ActStd))
	}
	return out
}

// UnflattenBlocks reads what FlattenBlocks wrote.
func UnflattenBlocks(vals []float32) []lab.BlockStats {
	var out []lab.BlockStats
	for i := 0; i+3 <= len(vals); i += 3 {
		out = append(out, lab.BlockStats{GradNorm: float64(vals[i]), ActMean: float64(vals[i+1]), ActStd: float64(vals[i+2])})
	}
	return out
}

// FlattenLesions packs results: block, train accuracy and test accuracy per result, with NaN
// accuracies where the block could not be removed, and those blocks' messages in order.
func FlattenLesions(results []LesionResult) (vals []float32, errs []string) {
	nan := float32(math.NaN())
	vals, errs = []float32{}, []string{}
	for _, x := range results {
		if x.Err != "" {
			vals = append(vals, float32(x.Block), nan, nan)
			errs = append(errs, x.Err)
			continue
		}
		vals = append(vals, float32(x.Block), float32(x.TrainAcc), float32(x.TestAcc))
	}
	return vals, errs
}

// UnflattenLesions reads what FlattenLesions wrote; missing messages get a generic one.
func UnflattenLesions(vals []float32, errs []string) []LesionResult {
	var out []LesionResult
	for i := 0; i+3 <= len(vals); i += 3 {
		x := LesionResult{Block: int(vals[i]), TrainAcc: float64(vals[i+1]), TestAcc: float64(vals[i+2])}
		if math.IsNaN(x.TrainAcc) {
			x.TrainAcc, x.TestAcc = 0, 0
			x.Err = "this block could not be removed"
			if len(errs) > 0 {
				x.Err, errs = errs[0], errs[1:]
			}
		}
		out = append(out, x)
	}
	return out
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

// labels packs class labels (each below 256) as bytes.
func labels(y []int) []byte {
	b := make([]byte, len(y))
	for i, k := range y {
		b[i] = byte(k)
	}
	return b
}

func unlabels(b []byte) []int {
	y := make([]int, len(b))
	for i, k := range b {
		y[i] = int(k)
	}
	return y
}
