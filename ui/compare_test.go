package ui

import (
	"math"
	"resnetplayground/proto"
	"resnetplayground/ui/link"
	"strconv"
	"strings"
	"testing"

	"resnetplayground/lab"
)

// fakeCompareHost records what the twin and sweep views ask of the browser.
type fakeCompareHost struct {
	twin      [2][]proto.Command
	sweeps    [][]SweepJob
	sweepIDs  []int
	cancelled int
	queries   []string // what ReplaceQuery wrote, in order
}

func (h *fakeCompareHost) SendTwin(side int, c proto.Command) { h.twin[side] = append(h.twin[side], c) }
func (h *fakeCompareHost) StartSweep(id int, jobs []SweepJob) {
	h.sweepIDs = append(h.sweepIDs, id)
	h.sweeps = append(h.sweeps, jobs)
}
func (h *fakeCompareHost) CancelSweep()              { h.cancelled++ }
func (h *fakeCompareHost) ReplaceQuery(query string) { h.queries = append(h.queries, query) }

func compareWith(t *testing.T, hash string) (*Compare, *fakeHost, *fakeCompareHost) {
	t.Helper()
	a, h := appWith(t, hash)
	ch := &fakeCompareHost{}
	return NewCompare(a, ch), h, ch
}

func TestTwinViewBuildsTwinsFromTheSingleViewsNetwork(t *testing.T) {
	c, h, ch := compareWith(t, "b=16x2r,16x2p*3&s=9")
	c.App.Play()
	c.SetView(link.ViewTwins)
	if c.App.Running || lastSent(t, h).Kind != proto.CmdRun || lastSent(t, h).Run {
		t.Error("leaving the single view did not pause its run")
	}
	for side, want := range []bool{false, true} {
		if len(ch.twin[side]) != 1 || ch.twin[side][0].Kind != proto.CmdReset {
			t.Fatalf("%s twin got %+v, want one reset", TwinNames[side], ch.twin[side])
		}
		s := ch.twin[side][0].Spec
		if s.Seed != 9 || len(s.Blocks) != 4 {
			t.Errorf("%s twin spec %q: want seed 9 and 4 blocks", TwinNames[side], s)
		}
		for i, b := range s.Blocks {
			if b.Shortcut != want {
				t.Errorf("%s twin block %d shortcut %v", TwinNames[side], i, b.Shortcut)
			}
		}
	}

	// Back and forth without a change keeps the pair (and their training).
	c.SetView(link.ViewSingle)
	c.SetView(link.ViewTwins)
	if len(ch.twin[Plain]) != 1 {
		t.Errorf("re-opening the unchanged twins sent the plain twin %d commands, want only the first reset", len(ch.twin[Plain]))
	}
	// A new depth rebuilds them, from the single view's network, numbering the new runs
	// after the old ones so that nothing of the old can pass for the new.
	oldGen := c.Twins.Side[Plain].Gen
	c.SetTwinDepth("8")
	if g := c.Twins.Side[Plain].Gen; g <= oldGen {
		t.Errorf("the rebuilt plain twin is generation %d, not after the old %d", g, oldGen)
	}
	if got := len(c.Twins.Side[Residual].Experiment().Blocks); got != 8 || len(c.App.Spec.Blocks) != 8 {
		t.Errorf("after setting the depth to 8: residual twin %d blocks, single view %d", got, len(c.App.Spec.Blocks))
	}
	if last := ch.twin[Residual][len(ch.twin[Residual])-1]; last.Kind != proto.CmdReset || len(last.Spec.Blocks) != 8 {
		t.Errorf("the residual twin was not reset with 8 blocks: %+v", last)
	}
}

func TestTwinControlsDriveBothAndKeepThemInStep(t *testing.T) {
	c, _, ch := compareWith(t, "b=16x2p*4")
	c.SetView(link.ViewTwins)
	tw := c.Twins
	tw.Play()
	for side := range 2 {
		if last := ch.twin[side][len(ch.twin[side])-1]; last.Kind != proto.CmdRun || !last.Run {
			t.Errorf("%s twin: Play sent %+v", TwinNames[side], last)
		}
	}
	report := func(side, step int) {
		c.ReceiveTwin(side, proto.Report{Gen: tw.Side[side].Gen, Metrics: lab.Metrics{Step: step,
			Blocks: []lab.BlockStats{{GradNorm: 1e-6}, {GradNorm: 1e-3}, {GradNorm: 0.1}, {GradNorm: 1}}}})
	}
	report(Plain, 100)
	report(Residual, 300) // far ahead: it must wait
	if last := ch.twin[Residual][len(ch.twin[Residual])-1]; last.Kind != proto.CmdRun || last.Run {
		t.Fatalf("the twin 200 steps ahead was not held: last command %+v", last)
	}
	if !tw.Side[Residual].Running {
		t.Error("a held twin should still show as running")
	}
	report(Plain, 290) // caught up
	if last := ch.twin[Residual][len(ch.twin[Residual])-1]; last.Kind != proto.CmdRun || !last.Run {
		t.Errorf("the held twin was not let go once the other caught up: %+v", last)
	}
	if n := len(tw.Grad[Plain].Steps); n != 2 {
		t.Errorf("plain gradient history has %d columns, want 2", n)
	}

	// A report of a replaced run is dropped.
	old := tw.Side[Plain].Gen
	tw.Reset()
	c.ReceiveTwin(Plain, proto.Report{Gen: old, Metrics: lab.Metrics{Step: 999}})
	if tw.Side[Plain].Measured || len(tw.Grad[Plain].Steps) != 0 {
		t.Error("a stale report reached the reset twin")
	}
	c.ReceiveTwin(5, proto.Report{}) // no such side: ignored, no panic
}

func TestGradHistoryStaysBoundedAndReplacesRepeats(t *testing.T) {
	h := NewGradHistory(8)
	for i := range 100 {
		h.Add(i+1, []lab.BlockStats{{GradNorm: float64(i)}})
	}
	if len(h.Steps) > 8 || len(h.Steps) < 4 || len(h.Steps) != len(h.Norms) {
		t.Fatalf("%d steps and %d columns kept, want 4..8 of each", len(h.Steps), len(h.Norms))
	}
	if h.Steps[0] != 1 || h.Steps[len(h.Steps)-1] != 100 {
		t.Errorf("kept steps %v, want the first and the latest", h.Steps)
	}
	n := len(h.Steps)
	h.Add(100, []lab.BlockStats{{GradNorm: 7}}) // a paused run reported again
	if len(h.Steps) != n || h.Latest()[0] != 7 {
		t.Errorf("a repeated step added a column or was not replaced: %v", h.Latest())
	}
}

func TestStripShadesEachMomentAgainstItsLargestGradient(t *testing.T) {
	h := NewGradHistory(10)
	nan := math.NaN()
	h.Add(1, []lab.BlockStats{{GradNorm: 1e-6}, {GradNorm: 1e-3}, {GradNorm: 1}})
	h.Add(2, []lab.BlockStats{{GradNorm: 1e-9}, {GradNorm: nan}, {GradNorm: 1e-9}}) // a converged, uniform moment
	lo, ok := RelRange(h)
	if !ok || lo != -6 {
		t.Fatalf("RelRange = %v, %v; want -6 (a millionth of the largest)", lo, ok)
	}
	px := StripPixels(h, 3, lo, nil)
	at := func(block, col int) [3]uint8 {
		i := 4 * (block*2 + col)
		return [3]uint8{px[i], px[i+1], px[i+2]}
	}
	if at(0, 0) != GradColor(0) || at(2, 0) != GradColor(1) {
		t.Errorf("column 1: faint block %v, strongest %v; want the ends of the scale", at(0, 0), at(2, 0))
	}
	near := func(a, b [3]uint8) bool {
		for k := range 3 {
			if d := int(a[k]) - int(b[k]); d < -1 || d > 1 {
				return false
			}
		}
		return true
	}
	if !near(at(1, 0), GradColor(0.5)) { // float32 norms: allow a unit of rounding
		t.Errorf("a thousandth of the largest on a six-decade scale is %v, want mid-scale %v", at(1, 0), GradColor(0.5))
	}
	if at(0, 1) != GradColor(1) || at(2, 1) != GradColor(1) {
		t.Error("a moment where every block gets the same gradient is not uniformly dark")
	}
	if at(1, 1) != [3]uint8{255, 255, 255} {
		t.Errorf("a NaN norm painted %v, want white", at(1, 1))
	}
	if _, ok := RelRange(NewGradHistory(4)); ok {
		t.Error("an empty history claims a range")
	}
}

func TestPowerOfTen(t *testing.T) {
	for e, want := range map[float64]string{-8: "10⁻⁸", 0: "10⁰", 12: "10¹²", -0.6: "10⁻¹"} {
		if got := PowerOfTen(e); got != want {
			t.Errorf("PowerOfTen(%v) = %q, want %q", e, got, want)
		}
	}
}

func TestLesionCommandsAndSummaries(t *testing.T) {
	c, _, ch := compareWith(t, "b=16x2p*4")
	c.SetView(link.ViewTwins)
	tw := c.Twins
	tw.SetLesionBlock("3")
	tw.KnockOut()
	for side := range 2 {
		last := ch.twin[side][len(ch.twin[side])-1]
		if last.Kind != proto.CmdLesion || last.Block != 2 || last.Gen != tw.Side[side].Gen {
			t.Errorf("%s twin: Knock out sent %+v, want a lesion of block index 2", TwinNames[side], last)
		}
	}
	tw.SetLesionBlock("99")
	if tw.LesionBlock != 3 {
		t.Errorf("block 99 of 4 chose index %d, want the last (3)", tw.LesionBlock)
	}
	tw.LesionScan()
	if last := ch.twin[Plain][len(ch.twin[Plain])-1]; last.Block != proto.LesionAll {
		t.Errorf("the scan asked for block %d, want LesionAll", last.Block)
	}

	c.ReceiveLesion(Plain, proto.LesionReport{Gen: tw.Side[Plain].Gen, Intact: proto.LesionResult{TestAcc: 0.99},
		Results: []proto.LesionResult{{Block: 2, TestAcc: 0.51}}})
	if s := tw.LesionSummary(Plain); !strings.Contains(s, "99.0%") || !strings.Contains(s, "without block 3: 51.0%") {
		t.Errorf("single knock-out summary %q", s)
	}
	c.ReceiveLesion(Residual, proto.LesionReport{Gen: tw.Side[Residual].Gen, Intact: proto.LesionResult{TestAcc: 1},
		Results: []proto.LesionResult{{Block: 0, TestAcc: 0.9}, {Block: 1, TestAcc: 1}, {Block: 2, Err: "cannot"}, {Block: 3, TestAcc: 0.8}}})
	if s := tw.LesionSummary(Residual); !strings.Contains(s, "90.0% on average") || !strings.Contains(s, "80.0% at worst") {
		t.Errorf("scan summary %q, want the mean and worst of the blocks that could be removed", s)
	}
	if !tw.HasScan() {
		t.Error("a scan of 4 blocks is not recognised")
	}
	series := tw.LesionSeries()
	if len(series[Residual].X) != 3 || series[Residual].X[2] != 4 {
		t.Errorf("residual scan line %v, want blocks 1, 2 and 4 (3 could not be removed)", series[Residual].X)
	}
	c.ReceiveLesion(Plain, proto.LesionReport{Gen: -1, Err: "stale"})
	if tw.LesionSummary(Plain) == "stale" {
		t.Error("a lesion answer for a replaced run was shown")
	}
}

func TestSweepJobsAreTheCommandLinesSpecs(t *testing.T) {
	base := lab.Default()
	base.Seed = 5
	jobs, err := SweepJobs(base, []int{2, 16}, []uint64{5}, 300)
	if err != nil {
		t.Fatal(err)
	}
	want := lab.SweepConfig{Base: base, Depths: []int{2, 16}, Seeds: []uint64{5}, Steps: 300}.Specs()
	if len(jobs) != len(want) {
		t.Fatalf("%d jobs, want %d", len(jobs), len(want))
	}
	for i, j := range jobs {
		if j.Spec.String() != want[i].String() || j.Index != i || j.Steps != 300 {
			t.Errorf("job %d: %q (index %d, %d steps), want %q", i, j.Spec, j.Index, j.Steps, want[i])
		}
	}
	if jobs[1].Depth() != 2 || !jobs[1].Residual() || jobs[2].Residual() {
		t.Error("jobs are not by depth, plain before residual")
	}
	if _, err := SweepJobs(base, []int{4, 4}, []uint64{5}, 10); err == nil {
		t.Error("a repeated depth was accepted")
	}
}

func TestSweepSettingsThatCannotRunLeaveAMessage(t *testing.T) {
	c, _, ch := compareWith(t, "")
	for _, tc := range []struct{ depths, steps, want string }{
		{"2, banana", "100", "banana"},
		{"2, 4", "0", "Steps"},
		{"2, 4", "1e9", "Steps"},
		{"4, 4", "100", "twice"},
	} {
		c.Sweep.DepthsText, c.Sweep.StepsText = tc.depths, tc.steps
		c.StartSweep()
		if !strings.Contains(c.Sweep.Msg, tc.want) || c.Sweep.State != SweepIdle {
			t.Errorf("depths %q steps %q: message %q state %s; want a message about %q and no sweep", tc.depths, tc.steps, c.Sweep.Msg, c.Sweep.State, tc.want)
		}
	}
	if len(ch.sweeps) != 0 {
		t.Errorf("%d sweeps started from bad settings", len(ch.sweeps))
	}
}

// A sweep whose deepest run would not fit in memory is refused before any run trains (it
// used to fail when that run's turn came, after all the others).
func TestSweepTooLargeForMemoryIsRefusedBeforeAnyRun(t *testing.T) {
	c, _, ch := compareWith(t, "w=256&b=256x2r*4")
	c.Sweep.DepthsText, c.Sweep.StepsText = "2, 8, 64", "100"
	c.StartSweep()
	if !strings.Contains(c.Sweep.Msg, "depth 64") || !strings.Contains(c.Sweep.Msg, "too large") || c.Sweep.State != SweepIdle || len(ch.sweeps) != 0 {
		t.Errorf("message %q, state %s, %d sweeps started; want depth 64 named as too large and no sweep", c.Sweep.Msg, c.Sweep.State, len(ch.sweeps))
	}
}

func TestSweepRunsFinishesAndCancels(t *testing.T) {
	c, _, ch := compareWith(t, "")
	c.Sweep.DepthsText, c.Sweep.StepsText = "2, 16", "200"
	c.StartSweep()
	if len(ch.sweeps) != 1 || len(ch.sweeps[0]) != 4 || c.Sweep.State != SweepRunning {
		t.Fatalf("started %v, state %s; want one sweep of 4 runs", ch.sweeps, c.Sweep.State)
	}
	id := ch.sweepIDs[0]
	c.ReceiveSweep(id, 3, proto.SweepPoint{Step: 100}) // depth 16 residual, half way
	if p := c.Sweep.Progress(); p <= 0 || p >= 0.5 {
		t.Errorf("progress %v after half of one of the larger runs", p)
	}
	for i := range 3 {
		c.ReceiveSweep(id, i, proto.SweepPoint{Step: 200, Done: true, TrainAcc: 0.9})
	}
	c.ReceiveSweep(id+1, 3, proto.SweepPoint{Done: true}) // another sweep's word
	if c.Sweep.State != SweepRunning || c.Sweep.Finished() != 3 {
		t.Fatalf("state %s with %d finished, want running with 3", c.Sweep.State, c.Sweep.Finished())
	}
	c.ReceiveSweep(id, 3, proto.SweepPoint{Step: 200, Done: true, TrainAcc: 1})
	if c.Sweep.State != SweepDone || c.Sweep.Progress() != 1 || !strings.HasPrefix(c.Sweep.Status(), "Done: 4 of 4") {
		t.Errorf("state %s, progress %v, status %q after the last run", c.Sweep.State, c.Sweep.Progress(), c.Sweep.Status())
	}

	c.StartSweep()
	c.ReceiveSweep(ch.sweepIDs[1], 0, proto.SweepPoint{Step: 200, Done: true})
	c.CancelSweep()
	if c.Sweep.State != SweepCancelled || ch.cancelled != 1 || !strings.Contains(c.Sweep.Status(), "1 of 4") {
		t.Errorf("state %s, %d cancels, status %q", c.Sweep.State, ch.cancelled, c.Sweep.Status())
	}
	c.ReceiveSweep(ch.sweepIDs[1], 1, proto.SweepPoint{Step: 200, Done: true})
	if c.Sweep.Finished() != 1 {
		t.Error("a run that finished after the cancel was recorded")
	}

	c.StartSweep()
	c.ReceiveSweep(ch.sweepIDs[2], 2, proto.SweepPoint{Done: true, Err: "network too large"})
	if c.Sweep.State != SweepFailed || !strings.Contains(c.Sweep.Msg, "network too large") || ch.cancelled != 2 {
		t.Errorf("a failed run: state %s, message %q, %d cancels", c.Sweep.State, c.Sweep.Msg, ch.cancelled)
	}
}

func TestSweepPlotDrawsADotPerFinishedRun(t *testing.T) {
	c, _, _ := compareWith(t, "")
	c.Sweep.DepthsText, c.Sweep.StepsText = "2, 8, 32", "10"
	c.StartSweep()
	id := c.Sweep.ID
	c.ReceiveSweep(id, 0, proto.SweepPoint{Done: true, TrainAcc: 1, TestAcc: 0.98})    // 2 plain
	c.ReceiveSweep(id, 4, proto.SweepPoint{Done: true, TrainAcc: 0.52, TestAcc: 0.48}) // 32 plain
	c.ReceiveSweep(id, 5, proto.SweepPoint{Done: true, TrainAcc: 1, TestAcc: 1})       // 32 residual
	doc := render(t, &SweepPlot{Run: &c.Sweep})
	if n := len(findAll(doc, "dot", "twin-plain")); n != 2 {
		t.Errorf("%d plain dots, want 2", n)
	}
	if n := len(findAll(doc, "dot", "twin-residual")); n != 1 {
		t.Errorf("%d residual dots, want 1", n)
	}
	var ticks []string
	for _, n := range findAll(doc, "tick", "x") {
		ticks = append(ticks, text(n))
	}
	if strings.Join(ticks, " ") != "2 8 32" {
		t.Errorf("x ticks %q, want the depths", ticks)
	}
	// The plain line rises: the deeper point is higher up (a smaller y).
	var plain string
	for _, l := range findAll(doc, "series", "twin-plain") {
		if !strings.Contains(attr(l, "class"), "twin-test") {
			plain = attr(l, "points")
		}
	}
	pts := strings.Fields(plain)
	if len(pts) != 2 {
		t.Fatalf("plain training line %q, want 2 points", plain)
	}
	y := func(p string) float64 {
		v, _ := strconv.ParseFloat(p[strings.Index(p, ",")+1:], 64)
		return v
	}
	if y(pts[1]) >= y(pts[0]) {
		t.Errorf("plain line %q does not rise with depth", plain)
	}
	if len(findAll(doc, "chance")) != 1 {
		t.Error("no chance line")
	}
}

func TestRootShowsTheChosenView(t *testing.T) {
	c, _, _ := compareWith(t, "b=16x2p*5")
	root := &Root{App: c.App, Compare: c}
	doc := render(t, root)
	if len(findAll(doc, "demo")) != 1 || len(findAll(doc, "twins")) != 0 || len(findAll(doc, "views")) != 1 {
		t.Error("the single view is not the one shown at first")
	}
	c.SetView(link.ViewTwins)
	doc = render(t, root)
	if len(findAll(doc, "demo")) != 0 {
		t.Error("the single view is still shown in the twin view")
	}
	if n := len(findAll(doc, "heatmap")); n != 2 {
		t.Errorf("%d heatmaps in the twin view, want 2", n)
	}
	if n := len(findAll(doc, "gradstrip")); n != 2 {
		t.Errorf("%d gradient strips, want 2", n)
	}
	for _, want := range []string{"plain", "residual", "Knock out", "not overfitting"} {
		if !strings.Contains(text(doc), want) {
			t.Errorf("the twin view does not say %q", want)
		}
	}
	c.SetView(link.ViewSweep)
	doc = render(t, root)
	if len(findAll(doc, "sweep-plot")) != 1 || !strings.Contains(text(doc), "go run . sweep --spec") {
		t.Error("the sweep view lacks its plot or its command line")
	}
	if len(findAll(doc, "twins")) != 0 {
		t.Error("the twins are still shown in the sweep view")
	}
}

// An edited address or an imported Spec while the twins train: both twins are rebuilt from
// the new network, paused, and their workers told so; nothing trains the old one.
func TestNewExperimentRebuildsTheTwinsAndStopsASweep(t *testing.T) {
	c, _, ch := compareWith(t, "b=16x2r*4")
	c.SetView(link.ViewTwins)
	c.Twins.Play()
	c.App.LoadHash("#b=16x2r*9&d=xor")
	if c.Twins.Running() {
		t.Error("the twins still run after the experiment changed")
	}
	for side := range 2 {
		last := ch.twin[side][len(ch.twin[side])-1]
		if last.Kind != proto.CmdReset || last.Run || len(last.Spec.Blocks) != 9 || last.Spec.Dataset != "xor" {
			t.Errorf("%s twin's worker last heard %+v; want a paused reset to 9 blocks on xor", TwinNames[side], last)
		}
	}
	if c.TwinDepth() != 9 || len(c.Twins.Side[Plain].Experiment().Blocks) != 9 {
		t.Errorf("twins show %d blocks and train %d, want 9", c.TwinDepth(), len(c.Twins.Side[Plain].Experiment().Blocks))
	}

	if errs := c.App.ImportSpec(`{"blocks": [{"width": 8, "layers": 1, "shortcut": true}]}`); errs != nil {
		t.Fatal(errs)
	}
	if last := ch.twin[Plain][len(ch.twin[Plain])-1]; len(last.Spec.Blocks) != 1 || last.Spec.Blocks[0].Width != 8 {
		t.Errorf("after an import the plain twin's worker last heard %+v", last)
	}

	c.SetView(link.ViewSweep)
	c.Sweep.DepthsText, c.Sweep.StepsText = "2, 4", "100"
	c.StartSweep()
	c.App.LoadHash("#b=16x2p*3")
	if c.Sweep.State != SweepCancelled || ch.cancelled == 0 || !strings.Contains(c.Sweep.Msg, "network changed") {
		t.Errorf("sweep %s, %d cancels, message %q; want it stopped and saying why", c.Sweep.State, ch.cancelled, c.Sweep.Msg)
	}
}
