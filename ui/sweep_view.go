package ui

import (
	"resnetplayground/lab"
	"resnetplayground/ui/link"
	"strconv"
	"strings"
)

// Sweep is the depth-sweep view: its settings, progress, the figure and a table.
type Sweep struct {
	Compare *Compare

	typed Typed // the fields keep what is typed until it is committed
}

// Run is the sweep on screen.
func (c *Sweep) Run() *SweepRun { return &c.Compare.Sweep }

// Running reports whether a sweep is training.
func (c *Sweep) Running() bool { return c.Run().State == SweepRunning }

// ProgressPct is the progress bar's fill, as a percentage.
func (c *Sweep) ProgressPct() string {
	if c.Run().State == SweepDone {
		return "100"
	}
	return Fixed(100*c.Run().Progress(), 1)
}

// BaseSummary says which network the sweep varies.
func (c *Sweep) BaseSummary() string {
	s := c.Compare.App.Spec
	block := "width " + strconv.Itoa(s.Width) + ", 2 layers"
	if len(s.Blocks) > 0 {
		b := s.Blocks[0]
		block = "width " + strconv.Itoa(b.Width) + ", " + strconv.Itoa(b.Layers) + " layer"
		if b.Layers > 1 {
			block += "s"
		}
	}
	return "Blocks of " + block + " (the first block of the Single view's network), on " + s.Dataset +
		", " + s.Activation + ", " + s.Optimizer + " at learning rate " + FormatFloat(s.LR) + ", batch " + strconv.Itoa(s.Batch) + "."
}

// SweepRow is one depth of the results table: each cell the mean error over the seeds, with
// their range when there are several.
type SweepRow struct {
	Depth                                              int
	Label                                              string // the depth as the table shows it
	PlainTrain, PlainTest, ResidualTrain, ResidualTest string
}

// Rows are the results so far, by depth; "…" marks a cell still waiting for runs.
func (c *Sweep) Rows() []SweepRow {
	var rows []SweepRow
	for _, g := range c.Run().Groups() {
		if len(rows) == 0 || rows[len(rows)-1].Depth != g.Depth {
			rows = append(rows, SweepRow{Depth: g.Depth, Label: c.depthLabel(g.Depth), PlainTrain: "…", PlainTest: "…", ResidualTrain: "…", ResidualTest: "…"})
		}
		row := &rows[len(rows)-1]
		train, test := errorCell(g, g.TrainErr, true), errorCell(g, g.TestErr, false)
		if g.Residual {
			row.ResidualTrain, row.ResidualTest = train, test
		} else {
			row.PlainTrain, row.PlainTest = train, test
		}
	}
	return rows
}

// DepthHeader names the table's depth column: blocks, and for a convolutional network also
// the blocks per stage (n) and the weight layers (6n+2), as the paper counts depth.
func (c *Sweep) DepthHeader() string {
	if jobs := c.Run().Jobs; len(jobs) > 0 && jobs[0].Spec.IsConv() {
		return "blocks (n, layers)"
	}
	return "blocks"
}

// depthLabel is the depth column's text for the runs of blocks blocks: "27 (n = 9, 56
// layers)" in a convolutional network, "24" in a dense one.
func (c *Sweep) depthLabel(blocks int) string {
	for _, j := range c.Run().Jobs {
		if j.Depth() == blocks && j.Spec.IsConv() {
			return Itoa(blocks) + " (n = " + Itoa(lab.Depth(j.Spec)) + ", " + Itoa(lab.WeightLayers(j.Spec)) + " layers)"
		}
	}
	return Itoa(blocks)
}

// errorCell shows a group's error: "12.3%" for one seed, "12.3% (10.1–14.0)" for several,
// followed by "…" while seeds are still training; diverged runs are noted beside the
// training error.
func errorCell(g SweepGroup, s Spread, noteDiverged bool) string {
	if g.Done == 0 {
		return "…"
	}
	out := Percent(s.Mean)
	if g.Done > 1 {
		out += " (" + Fixed(100*s.Min, 1) + "–" + Fixed(100*s.Max, 1) + ")"
	}
	if noteDiverged && g.Diverged > 0 {
		if g.Runs == 1 {
			out += " (diverged)"
		} else {
			out += " (" + Itoa(g.Diverged) + " diverged)"
		}
	}
	if !g.Complete() {
		out += " …"
	}
	return out
}

// groupSummary is a plot point's tooltip: the errors over the seeds, in words.
func groupSummary(g SweepGroup) string {
	s := "training error " + Percent(g.TrainErr.Mean) + ", test error " + Percent(g.TestErr.Mean)
	if g.Runs > 1 {
		s = "mean " + s + " over " + Itoa(g.Done) + " of " + Itoa(g.Runs) + " seeds; training error from " +
			Percent(g.TrainErr.Min) + " to " + Percent(g.TrainErr.Max)
	}
	return s
}

// The settings are checked as they are typed, so a mistake shows at once, and the valid
// ones go into the page's address for a shared link to reproduce the sweep.
func (c *Sweep) setDepths(text string) {
	c.typed.Commit("sweep-depths")
	c.Run().DepthsText = text
	c.settingsChanged()
}

func (c *Sweep) setSteps(text string) {
	c.typed.Commit("sweep-steps")
	c.Run().StepsText = text
	c.settingsChanged()
}

func (c *Sweep) setSeeds(text string) {
	c.typed.Commit("sweep-seeds")
	c.Run().SeedsText = text
	c.settingsChanged()
}

func (c *Sweep) settingsChanged() {
	r := c.Run()
	r.Msg = ""
	if _, err := lab.ParseDepths(r.DepthsText); err != nil {
		r.Msg = "Depths: " + err.Error() + "."
	} else if _, err := link.ParseSweepSteps(r.StepsText); err != nil {
		r.Msg = "Steps: " + err.Error() + "."
	} else if _, err := link.ParseSeeds(r.SeedsText); err != nil {
		r.Msg = "Seeds: " + err.Error() + "."
	}
	c.Compare.syncAddress()
}

// CommandLine is the command that runs this sweep without a browser. It prints the same
// numbers: training is bit-identical natively and in wasm (see nn/exp.go).
func (c *Sweep) CommandLine() string {
	r := c.Run()
	return "go run . sweep --spec '" + c.Compare.App.Spec.String() + "' --seeds " + strings.Join(lab.SplitList(r.SeedsText), ",") +
		" --depths " + strings.Join(lab.SplitList(r.DepthsText), ",") + " --steps " + strings.TrimSpace(r.StepsText)
}
