package worker

import (
	"context"
	"math"
	"reflect"
	"testing"

	"resnetplayground/lab"
	"resnetplayground/proto"
)

var smallLandscape = lab.LandscapeConfig{Seed: 1, Grid: 9, Span: 1, Slice: 9, Line: 5}

// The page asks for a landscape while the network trains: the worker fills it in between
// training bursts, reports it as it grows, keeps training (and hears pause), and the finished
// picture is centred on the weights of the step it was asked at.
func TestWorkerFillsInALandscapeWhileItTrains(t *testing.T) {
	w := New()
	send(t, w, proto.Command{Kind: proto.CmdReset, Gen: 1, Seq: 1, Spec: smallSpec()})
	w.Work()
	send(t, w, proto.Command{Kind: proto.CmdStep, Gen: 1, Seq: 2, Steps: 30})
	w.Work()
	send(t, w, proto.Command{Kind: proto.CmdRun, Gen: 1, Seq: 3, Run: true})

	big := smallLandscape // enough points to take several bursts
	big.Grid = 41
	replies := send(t, w, proto.Command{Kind: proto.CmdLandscape, Gen: 1, Seq: 4, Landscape: big})
	if len(replies) != 1 || replies[0].Type() != "landscape" {
		t.Fatalf("replies %v, want the landscape's first report", replies)
	}
	first := proto.DecodeLandscape(replies[0])
	if first.Err != "" || first.Done != 0 || first.Total != 41*41+9+5 || first.Step != 30 || first.Ack != 4 {
		t.Fatalf("first report %+v", first)
	}
	if len(first.ShatterInit.Grad) != lab.ShatterPoints || len(first.ShatterNow.Grad) != lab.ShatterPoints {
		t.Fatalf("the first report has %d and %d gradients", len(first.ShatterInit.Grad), len(first.ShatterNow.Grad))
	}

	var got proto.LandscapeReport
	var trained proto.Report
	take := func(out []proto.Message) {
		for _, m := range out {
			switch m.Type() {
			case "landscape":
				got = proto.DecodeLandscape(m)
			case "report":
				trained = proto.DecodeReport(m)
			}
		}
	}
	// One Work is a burst of training (at least one step) and a burst of the landscape; then
	// a pause, which the worker hears at once and reports, while the landscape goes on.
	take(w.Work())
	send(t, w, proto.Command{Kind: proto.CmdRun, Gen: 1, Seq: 5, Run: false})
	for i := 0; i < 100000 && (!got.Finished() || trained.Running || trained.Ack < 5); i++ {
		take(w.Work())
	}
	if !got.Finished() || got.Err != "" || w.Busy() {
		t.Fatalf("the landscape did not finish: %d of %d, %q; busy %v", got.Done, got.Total, got.Err, w.Busy())
	}
	if trained.Running || trained.Metrics.Step <= 30 {
		t.Errorf("training: step %d, running %v; want it to have trained on, then paused", trained.Metrics.Step, trained.Running)
	}

	// The centre is the training loss at step 30: a fresh trainer stepped as far agrees.
	ref, _ := lab.NewTrainer(smallSpec())
	ref.Step(30)
	if want := ref.Metrics().TrainLoss; math.Abs(got.Landscape.Loss[20][20]-want) > 1e-5*want { // float32 logits (nn.Net32)
		t.Errorf("centre %v, want the training loss at step 30, %v", got.Landscape.Loss[20][20], want)
	}
	if !(got.Roughness > 0) || !(got.MS > 0) {
		t.Errorf("roughness %v, ms %v", got.Roughness, got.MS)
	}
}

func TestWorkerExplainsALandscapeItCannotDraw(t *testing.T) {
	w := New()
	replies := send(t, w, proto.Command{Kind: proto.CmdLandscape, Gen: 0, Landscape: smallLandscape})
	if len(replies) != 1 || proto.DecodeLandscape(replies[0]).Err == "" || w.Busy() {
		t.Fatalf("no network: replies %v, busy %v", replies, w.Busy())
	}
	send(t, w, proto.Command{Kind: proto.CmdReset, Gen: 1, Spec: smallSpec()})
	w.Work()
	bad := smallLandscape
	bad.Grid = 4
	replies = send(t, w, proto.Command{Kind: proto.CmdLandscape, Gen: 1, Landscape: bad})
	if len(replies) != 1 || proto.DecodeLandscape(replies[0]).Err == "" || w.Busy() {
		t.Fatalf("an even grid: replies %v, busy %v", replies, w.Busy())
	}
	// A reset drops the picture of the network it replaced.
	send(t, w, proto.Command{Kind: proto.CmdLandscape, Gen: 1, Landscape: smallLandscape})
	send(t, w, proto.Command{Kind: proto.CmdReset, Gen: 2, Spec: smallSpec()})
	for _, m := range w.Work() {
		if m.Type() == "landscape" {
			t.Fatalf("a landscape of a replaced network was reported: %+v", proto.DecodeLandscape(m))
		}
	}
	if w.Busy() {
		t.Fatal("still busy with a replaced network's landscape")
	}
}

// A link names the Spec, the step and the directions' seed of a picture: opening it, the page
// asks each twin's worker for the picture at that step, and the worker trains there first
// (though the visitor pressed Play meanwhile, it stops at that very step) and then draws
// exactly what `go run . landscape` draws for the same settings (lab.Why), number for number.
func TestWorkerPicturesAtTheStepALinkNames(t *testing.T) {
	spec := smallSpec()
	spec.BatchNorm = true // the running statistics must come out the same too
	cfg := lab.LandscapeConfig{Seed: 7, Grid: 5, Span: 0.5, Slice: 5, Line: 3, At: 40}
	cli, cliRes, err := lab.Why(context.Background(), lab.WhyConfig{Spec: spec, Steps: cfg.At, Landscape: &cfg}, nil)
	if err != nil {
		t.Fatal(err)
	}
	plain, residual := lab.Twins(spec)
	for i, s := range []lab.Spec{plain, residual} {
		want := []lab.WhyTwin{cli, cliRes}[i].Landscape
		w := New()
		send(t, w, proto.Command{Kind: proto.CmdReset, Gen: 1, Seq: 1, Spec: s})
		w.Work()
		replies := send(t, w, proto.Command{Kind: proto.CmdLandscape, Gen: 1, Seq: 2, Landscape: cfg})
		first := proto.DecodeLandscape(replies[len(replies)-1])
		if first.Err != "" || first.Step != 0 || first.At != 40 || first.Done != 0 || first.Total != 25+5+3 {
			t.Fatalf("first report %+v, want step 0 of 40 and no points yet", first)
		}
		send(t, w, proto.Command{Kind: proto.CmdRun, Gen: 1, Seq: 3, Run: true})
		var got proto.LandscapeReport
		for i := 0; i < 100000 && !got.Finished(); i++ {
			for _, m := range w.Work() {
				if m.Type() == "landscape" {
					got = proto.DecodeLandscape(m)
				}
			}
		}
		if !got.Finished() || got.Step != 40 || got.Err != "" {
			t.Fatalf("twin %d: picture at step %d (%d of %d points, %q), want all of it at step 40", i, got.Step, got.Done, got.Total, got.Err)
		}
		if !reflect.DeepEqual(got.Landscape, *want) {
			t.Errorf("twin %d: the worker's picture at step 40 differs from the CLI's:\n%v\n%v", i, got.Landscape.Loss, want.Loss)
		}
		if step, _ := w.s.trainer.Progress(); step <= 40 {
			t.Errorf("twin %d: step %d after the picture; want training to go on past 40, as the visitor pressed Play", i, step)
		}
	}
}
