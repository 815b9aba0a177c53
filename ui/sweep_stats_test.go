package ui

import (
	"math"
	"resnetplayground/proto"
	"strings"
	"testing"

	"resnetplayground/lab"
)

// sweepOf is a sweep of depths × seeds with every run's accuracies set by acc (nil: still
// training).
func sweepOf(t *testing.T, depths []int, seeds []uint64, acc func(j SweepJob) *proto.SweepPoint) *SweepRun {
	t.Helper()
	jobs, err := SweepJobs(lab.Default(), depths, seeds, 100)
	if err != nil {
		t.Fatal(err)
	}
	r := &SweepRun{Jobs: jobs, Points: make([]proto.SweepPoint, len(jobs)), Classes: 2, State: SweepRunning}
	for i, j := range jobs {
		if p := acc(j); p != nil {
			r.Points[i] = *p
		}
	}
	return r
}

func TestSweepGroupsAggregateOverSeeds(t *testing.T) {
	// Plain runs at depth 8 land at 60%, 70% and 80% training accuracy by seed; residual
	// ones at 100%. The depth-2 runs of seed 3 are still training.
	r := sweepOf(t, []int{8, 2}, []uint64{1, 2, 3}, func(j SweepJob) *proto.SweepPoint {
		seed := float64(j.Spec.Seed)
		switch {
		case j.Depth() == 2 && seed == 3:
			return nil
		case j.Residual():
			return &proto.SweepPoint{Done: true, TrainAcc: 1, TestAcc: 0.95}
		}
		return &proto.SweepPoint{Done: true, TrainAcc: 0.5 + 0.1*seed, TestAcc: 0.5, Diverged: seed == 1}
	})
	g := r.Groups()
	if len(g) != 4 || g[0].Depth != 2 || g[0].Residual || !g[1].Residual || g[2].Depth != 8 {
		t.Fatalf("groups %+v: want depth 2 then 8, plain before residual", g)
	}
	if g[0].Runs != 3 || g[0].Done != 2 || g[0].Complete() {
		t.Errorf("depth 2 plain: %d of %d done; want 2 of 3", g[0].Done, g[0].Runs)
	}
	deep := g[2]
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	if !near(deep.TrainErr.Mean, 0.3) || !near(deep.TrainErr.Min, 0.2) || !near(deep.TrainErr.Max, 0.4) || deep.Diverged != 1 {
		t.Errorf("depth 8 plain: %+v; want training error 30%% (20–40%%) with 1 diverged", deep)
	}
	if r.Seeds() != 3 {
		t.Errorf("Seeds() = %d, want 3", r.Seeds())
	}

	rows := (&Sweep{Compare: &Compare{Sweep: *r}}).Rows()
	if got := rows[1].PlainTrain; got != "30.0% (20.0–40.0) (1 diverged)" {
		t.Errorf("depth 8 plain training cell %q", got)
	}
	if got := rows[0].PlainTrain; !strings.HasSuffix(got, "…") {
		t.Errorf("depth 2 plain cell %q: want a mark that seeds are still training", got)
	}

	// The plot: one dot per depth and variant at the mean, a whisker where seeds differ.
	geo := sweepGeometry(r)
	if len(geo.Dots) != 4 {
		t.Errorf("%d dots, want one per depth and variant (4)", len(geo.Dots))
	}
	plainWhiskers := 0
	for _, w := range geo.Whiskers {
		if w.Class == "twin-plain" {
			plainWhiskers++
		}
	}
	if plainWhiskers != 2 {
		t.Errorf("%d plain whiskers, want one per depth (2)", plainWhiskers)
	}
	titles := ""
	for _, d := range geo.Dots {
		titles += d.Title + "\n"
	}
	if !strings.Contains(titles, "plain, 8 blocks: mean training error 30.0%, test error 50.0% over 3 of 3 seeds; training error from 20.0% to 40.0%") {
		t.Errorf("no dot's title gives depth 8 plain's mean and range over its seeds:\n%s", titles)
	}
}

func TestOneSeedSweepHasNoWhiskers(t *testing.T) {
	r := sweepOf(t, []int{2, 4}, []uint64{7}, func(SweepJob) *proto.SweepPoint { return &proto.SweepPoint{Done: true, TrainAcc: 0.9, TestAcc: 0.8} })
	geo := sweepGeometry(r)
	if len(geo.Dots) != 4 || len(geo.Whiskers) != 0 {
		t.Errorf("%d dots and %d whiskers; want 4 and none", len(geo.Dots), len(geo.Whiskers))
	}
	if got := (&Sweep{Compare: &Compare{Sweep: *r}}).Rows()[0].PlainTrain; got != "10.0%" {
		t.Errorf("one seed's cell %q, want just the error", got)
	}
}

func TestSweepWithSeedsRunsEveryDepthVariantAndSeed(t *testing.T) {
	c, _, ch := compareWith(t, "")
	c.Sweep.DepthsText, c.Sweep.StepsText, c.Sweep.SeedsText = "2, 8", "100", "4, 9"
	c.StartSweep()
	if len(ch.sweeps) != 1 || len(ch.sweeps[0]) != 8 {
		t.Fatalf("started %d sweeps; want one of 2 depths × 2 variants × 2 seeds", len(ch.sweeps))
	}
	want := lab.SweepConfig{Base: c.App.Spec, Depths: []int{2, 8}, Seeds: []uint64{4, 9}, Steps: 100}.Specs()
	for i, j := range ch.sweeps[0] {
		if j.Spec.String() != want[i].String() {
			t.Errorf("run %d: %q, want lab's %q", i, j.Spec, want[i])
		}
	}
	cli := (&Sweep{Compare: c}).CommandLine()
	if !strings.Contains(cli, "--seeds 4,9 ") || !strings.Contains(cli, "--depths 2,8 ") {
		t.Errorf("command line %q: want --seeds 4,9 and --depths 2,8", cli)
	}
	c.Sweep.SeedsText = "4, 4"
	c.StartSweep()
	if !strings.HasPrefix(c.Sweep.Msg, "Seeds:") || len(ch.sweeps) != 1 {
		t.Errorf("a repeated seed: message %q and %d sweeps; want a Seeds message and no new sweep", c.Sweep.Msg, len(ch.sweeps))
	}
}

// Depths close together on the log axis would print their labels on top of each other at
// the phone's text size: the plot keeps the first of a crowd.
func TestSweepXTicksDoNotCollide(t *testing.T) {
	jobs, err := SweepJobs(lab.Default(), []int{2, 30, 31, 32, 64}, []uint64{1}, 10)
	if err != nil {
		t.Fatal(err)
	}
	g := sweepGeometry(&SweepRun{Jobs: jobs, Classes: 2})
	var labels []string
	for i, tk := range g.XTicks {
		labels = append(labels, tk.Label)
		if i > 0 {
			prev := g.XTicks[i-1]
			if gap := tk.Pos - prev.Pos; gap < sweepDigitW*float64(len(tk.Label)+len(prev.Label))/2 {
				t.Errorf("labels %s and %s are %.1f units apart at %g units a digit", prev.Label, tk.Label, gap, sweepDigitW)
			}
		}
	}
	if strings.Join(labels, " ") != "2 30 64" {
		t.Errorf("x labels %q; want 2 30 64 (31 and 32 crowd 30)", labels)
	}
}

// A convolutional sweep is plotted against weight layers (6n+2), as its table and the paper
// count depth, not against blocks.
func TestConvSweepAxisCountsLayers(t *testing.T) {
	jobs, err := SweepJobs(lab.DigitsDefault(), []int{1, 9}, []uint64{1}, 10)
	if err != nil {
		t.Fatal(err)
	}
	g := sweepGeometry(&SweepRun{Jobs: jobs, Classes: 10})
	var labels []string
	for _, tk := range g.XTicks {
		labels = append(labels, tk.Label)
	}
	if strings.Join(labels, " ") != "8 56" || !strings.Contains(g.XName, "layers") {
		t.Errorf("x labels %q named %q; want 8 56 named in layers", labels, g.XName)
	}
	if g := sweepGeometry(&SweepRun{Jobs: mustJobs(t, lab.Default(), []int{2, 8}), Classes: 2}); !strings.HasPrefix(g.XName, "blocks") {
		t.Errorf("a dense sweep's axis is named %q; want blocks", g.XName)
	}
}

func mustJobs(t *testing.T, base lab.Spec, depths []int) []SweepJob {
	t.Helper()
	jobs, err := SweepJobs(base, depths, []uint64{1}, 10)
	if err != nil {
		t.Fatal(err)
	}
	return jobs
}
