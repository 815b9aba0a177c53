package worker

import (
	"os"
	"testing"

	"resnetplayground/lab"
	"resnetplayground/proto"
)

// digitsSpec is a cheap convolutional network on the digits.
func digitsSpec() lab.Spec {
	s := lab.DigitsDefault()
	s.Width, s.Blocks = 2, lab.Stages(1, []int{2, 3, 4}, 2, true)
	s.LR = 0.01
	return s
}

// On the digits a report carries no points but the digits view: the test images and labels
// once, the predictions whenever it measured, the drawn image's probabilities once there is
// one; measurements use EvalImages images.
func TestSessionDigits(t *testing.T) {
	file, err := os.ReadFile("../nn/data/digits.bin")
	if err != nil {
		t.Fatal(err)
	}
	s := newSession()
	s.handle(proto.Command{Kind: proto.CmdDigits, Data: file})
	s.handle(proto.Command{Kind: proto.CmdReset, Gen: 1, Spec: digitsSpec()})
	r := fullReport(s)
	if r.Err != "" || r.Train != nil || len(r.Boundary) != 0 {
		t.Fatalf("err %q, points %v, boundary of %d", r.Err, r.Train != nil, len(r.Boundary))
	}
	d := r.Digits
	if d == nil || d.Side != 14 || len(d.Images) != proto.GridImages*196 || len(d.Labels) != EvalImages || len(d.Pred) != EvalImages || d.Probe != nil {
		t.Fatalf("first digits view: %+v", d)
	}
	if p := progressReport(s).Digits; p.Images != nil || p.Pred != nil {
		t.Error("a progress report resends the images or predictions it did not measure")
	}
	pixels := make([]float32, 196)
	for i := 3; i < 11; i++ {
		pixels[i*14+7] = 1 // a vertical stroke: a one
	}
	if !s.handle(proto.Command{Kind: proto.CmdProbe, Pixels: pixels}) {
		t.Error("a drawing should be answered at once")
	}
	s.handle(proto.Command{Kind: proto.CmdStep, Gen: 1, Steps: 20})
	r = fullReport(s)
	if len(r.Digits.Probe) != 10 {
		t.Fatalf("probe probabilities %v", r.Digits.Probe)
	}
	// The codec carries the view.
	back := proto.DecodeReport(proto.EncodeReport(r)).Digits
	if back == nil || len(back.Probe) != 10 || len(back.Pred) != EvalImages || back.Side != 14 {
		t.Errorf("decoded digits view %+v", back)
	}
	// A drawing survives a reset.
	s.handle(proto.Command{Kind: proto.CmdReset, Gen: 2, Spec: digitsSpec()})
	if r := fullReport(s); len(r.Digits.Probe) != 10 || len(r.Digits.Images) == 0 {
		t.Errorf("after a reset: probe %v, %d image bytes", r.Digits.Probe, len(r.Digits.Images))
	}
	// A broken file is an error for the page, not a crash.
	s.handle(proto.Command{Kind: proto.CmdDigits, Data: file[:100]})
	if r := progressReport(s); r.Err == "" {
		t.Error("a truncated digits file was accepted silently")
	}
}

// A drawing is answered by a report that measures nothing else: one forward pass.
func TestWorkerAnswersADrawingWithoutMeasuring(t *testing.T) {
	file, err := os.ReadFile("../nn/data/digits.bin")
	if err != nil {
		t.Fatal(err)
	}
	w := New()
	for _, c := range []proto.Command{
		{Kind: proto.CmdDigits, Data: file},
		{Kind: proto.CmdReset, Gen: 1, Seq: 1, Spec: digitsSpec()},
	} {
		m, _ := proto.EncodeCommand(c)
		w.Receive(m)
	}
	w.Work() // the reset's measured report
	m, _ := proto.EncodeCommand(proto.Command{Kind: proto.CmdProbe, Gen: 1, Seq: 2, Pixels: make([]float32, 196)})
	w.Receive(m)
	if !w.Busy() {
		t.Fatal("a drawing waits for an answer, but the worker is not busy")
	}
	out := w.Work()
	if len(out) != 1 {
		t.Fatalf("%d messages for a drawing", len(out))
	}
	r := proto.DecodeReport(out[0])
	if r.Digits == nil || len(r.Digits.Probe) != 10 || r.Digits.Pred != nil || len(r.History) != 1 || r.Ack != 2 {
		t.Errorf("answer: digits %+v, %d history samples, ack %d", r.Digits, len(r.History), r.Ack)
	}
}
