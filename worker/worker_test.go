package worker

import (
	"testing"

	"resnetplayground/proto"
)

func send(t *testing.T, w *Worker, c proto.Command) []proto.Message {
	t.Helper()
	m, err := proto.EncodeCommand(c)
	if err != nil {
		t.Fatal(err)
	}
	return w.Receive(m)
}

// The worker as the page drives it, message by message: a reset is reported at once, a
// running network is reported as it trains, pause stops it, a lesion is answered at once.
func TestWorkerAnswersThePageAsTheGlueRunsIt(t *testing.T) {
	w := New()
	if out := w.Work(); out != nil || w.Busy() {
		t.Fatalf("an idle worker posted %v", out)
	}
	send(t, w, proto.Command{Kind: proto.CmdReset, Gen: 1, Spec: smallSpec()})
	out := w.Work()
	if len(out) != 1 || out[0].Type() != "report" {
		t.Fatalf("after a reset: %v, want one report", out)
	}
	if r := proto.DecodeReport(out[0]); r.Gen != 1 || r.Train == nil || len(r.Boundary) == 0 || r.Running {
		t.Errorf("the first report: gen %d, points %v, boundary %d cells, running %v", r.Gen, r.Train != nil, len(r.Boundary), r.Running)
	}

	send(t, w, proto.Command{Kind: proto.CmdRun, Gen: 1, Run: true})
	if !w.Busy() {
		t.Fatal("a running network is not busy")
	}
	var last proto.Report
	for i := 0; i < 1000 && last.Metrics.Step == 0; i++ {
		for _, m := range w.Work() {
			last = proto.DecodeReport(m)
		}
	}
	if last.Metrics.Step == 0 || !last.Running {
		t.Errorf("running: last report %+v, want steps and running", last.Metrics)
	}

	send(t, w, proto.Command{Kind: proto.CmdRun, Gen: 1, Run: false})
	if out := w.Work(); w.Busy() || len(out) != 1 || proto.DecodeReport(out[0]).Running {
		t.Errorf("pause: busy %v, posted %v; want one report of a stopped run", w.Busy(), out)
	}

	replies := send(t, w, proto.Command{Kind: proto.CmdLesion, Gen: 1, Block: proto.LesionAll})
	if len(replies) != 1 || replies[0].Type() != "lesion" || len(proto.DecodeLesion(replies[0]).Results) != 2 {
		t.Errorf("lesion: replies %v, want one lesion report of 2 blocks", replies)
	}
}

// A reset whose Spec does not validate fails that run with a message, and the worker goes on.
func TestWorkerReportsASpecThatDoesNotArrive(t *testing.T) {
	w := New()
	w.Receive(proto.Message{"type": "reset", "gen": 3.0, "spec": `{"lr": -1}`})
	out := w.Work()
	if len(out) != 1 {
		t.Fatalf("posted %v, want one report", out)
	}
	if r := proto.DecodeReport(out[0]); r.Gen != 3 || r.Err == "" {
		t.Errorf("report %+v, want gen 3 with an error", r)
	}
	send(t, w, proto.Command{Kind: proto.CmdReset, Gen: 4, Spec: smallSpec()})
	if r := proto.DecodeReport(w.Work()[0]); r.Gen != 4 || r.Err != "" {
		t.Errorf("the next reset: %+v", r)
	}
}

// A pool worker trains its sweep run to the end and posts the final point.
func TestWorkerTrainsASweepRunToTheEnd(t *testing.T) {
	w := New()
	send(t, w, proto.Command{Kind: proto.CmdSweep, Gen: 0, Spec: smallSpec(), Steps: 30})
	var p proto.SweepPoint
	for i := 0; i < 1000 && w.Busy(); i++ {
		for _, m := range w.Work() {
			p = proto.DecodeSweepPoint(m)
		}
	}
	if w.Busy() || !p.Done || p.Step != 30 || p.Err != "" {
		t.Errorf("sweep run: busy %v, last point %+v; want done after 30 steps", w.Busy(), p)
	}
	bad := smallSpec()
	bad.Batch = 0
	m, _ := proto.EncodeCommand(proto.Command{Kind: proto.CmdSweep, Spec: bad, Steps: 30})
	w.Receive(m)
	if out := w.Work(); len(out) != 1 || proto.DecodeSweepPoint(out[0]).Err == "" {
		t.Errorf("a bad sweep Spec: %v, want a finished point with an error", out)
	}
}

// Every reply acknowledges the last command applied before it, and a lesion asked right
// after a reset comes after the reset's report: once the page has seen the Ack of its last
// command, it has heard everything its commands caused.
func TestWorkerAcknowledgesCommandsInOrder(t *testing.T) {
	w := New()
	send(t, w, proto.Command{Kind: proto.CmdReset, Gen: 1, Seq: 1, Spec: smallSpec()})
	replies := send(t, w, proto.Command{Kind: proto.CmdLesion, Gen: 1, Seq: 2, Block: 0})
	if len(replies) != 2 || replies[0].Type() != "report" || replies[1].Type() != "lesion" {
		t.Fatalf("a lesion right after a reset: %v, want the reset's report, then the lesion", replies)
	}
	if r := proto.DecodeReport(replies[0]); r.Ack != 1 || r.Train == nil {
		t.Errorf("the reset's report: ack %d, points %v; want ack 1 with the points", r.Ack, r.Train != nil)
	}
	if l := proto.DecodeLesion(replies[1]); l.Ack != 2 {
		t.Errorf("the lesion's ack %d, want 2", l.Ack)
	}
	if out := w.Work(); out != nil {
		t.Errorf("the reset was reported twice: %v", out)
	}
	send(t, w, proto.Command{Kind: proto.CmdStep, Gen: 1, Seq: 3, Steps: 2})
	send(t, w, proto.Command{Kind: proto.CmdStep, Gen: 0, Seq: 4}) // stale: ignored, still acknowledged
	if out := w.Work(); len(out) != 1 || proto.DecodeReport(out[0]).Ack != 4 || proto.DecodeReport(out[0]).Metrics.Step != 2 {
		t.Errorf("after two steps and a stale command: %v, want one report at step 2 with ack 4", out)
	}
}
