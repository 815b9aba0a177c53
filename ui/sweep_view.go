package ui

import (
	"sort"
	"strconv"
	"strings"
)

// Sweep is the depth-sweep view: its settings, progress, the figure and a table.
type Sweep struct {
	Compare *Compare
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
		", " + s.Activation + ", " + s.Optimizer + " at learning rate " + FormatFloat(s.LR) + ", batch " + strconv.Itoa(s.Batch) +
		", seed " + strconv.FormatUint(s.Seed, 10) + "."
}

// SweepRow is one depth of the results table.
type SweepRow struct {
	Depth                                              int
	PlainTrain, PlainTest, ResidualTrain, ResidualTest string
}

// Rows are the results so far, by depth; a run still training shows "…".
func (c *Sweep) Rows() []SweepRow {
	r := c.Run()
	byDepth := map[int]*SweepRow{}
	var depths []int
	for i, j := range r.Jobs {
		row := byDepth[j.Depth()]
		if row == nil {
			row = &SweepRow{Depth: j.Depth(), PlainTrain: "…", PlainTest: "…", ResidualTrain: "…", ResidualTest: "…"}
			byDepth[j.Depth()] = row
			depths = append(depths, j.Depth())
		}
		p := r.Points[i]
		if !p.Done || p.Err != "" {
			continue
		}
		train, test := Percent(1-p.TrainAcc), Percent(1-p.TestAcc)
		if p.Diverged {
			train += " (diverged)"
		}
		if j.Residual() {
			row.ResidualTrain, row.ResidualTest = train, test
		} else {
			row.PlainTrain, row.PlainTest = train, test
		}
	}
	sort.Ints(depths)
	rows := make([]SweepRow, len(depths))
	for i, d := range depths {
		rows[i] = *byDepth[d]
	}
	return rows
}

func (c *Sweep) setDepths(text string) { c.Run().DepthsText = text }
func (c *Sweep) setSteps(text string)  { c.Run().StepsText = text }

// CommandLine is the command that runs this sweep without a browser. Its numbers can
// differ in the last digits, as the browser's arithmetic sums in another order, and a
// network on the edge of training can then land on the other side of it.
func (c *Sweep) CommandLine() string {
	r := c.Run()
	depths := strings.Join(strings.FieldsFunc(r.DepthsText, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }), ",")
	return "go run . sweep --spec '" + c.Compare.App.Spec.String() + "' --seeds " + strconv.FormatUint(c.Compare.App.Spec.Seed, 10) +
		" --depths " + depths + " --steps " + strings.TrimSpace(r.StepsText)
}
