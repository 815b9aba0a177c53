package ui

import (
	"resnetplayground/proto"
	"resnetplayground/ui/link"
	"strconv"
	"strings"
	"time"

	"resnetplayground/lab"
)

// The depth sweep is the paper's headline figure, trained live: for every depth and seed, a
// plain and a residual network of that many identical blocks, each trained for the same
// number of steps, spread over a pool of workers. Every run's Spec is lab.DepthSpec of the
// single view's network, so the page's sweep is the one `go run . sweep` runs.

// SweepJob is one run of a sweep.
type SweepJob struct {
	Index int // in the sweep's order: by depth, plain before residual, then by seed
	Spec  lab.Spec
	Steps int
}

// Depth and Residual say which run it is.
func (j SweepJob) Depth() int { return len(j.Spec.Blocks) }

func (j SweepJob) Residual() bool { return len(j.Spec.Blocks) > 0 && j.Spec.Blocks[0].Shortcut }

// Cost is the job's work in arbitrary units: a step costs about one unit per block, plus
// the input and output layers.
func (j SweepJob) Cost() float64 { return float64(j.Steps) * float64(j.Depth()+1) }

// SweepState is where a sweep is.
type SweepState string

const (
	SweepIdle      SweepState = "idle"
	SweepRunning   SweepState = "running"
	SweepDone      SweepState = "done"
	SweepCancelled SweepState = "cancelled"
	SweepFailed    SweepState = "failed"
)

// SweepRun is the sweep view's state: the settings as typed, and the current sweep.
type SweepRun struct {
	DepthsText, StepsText, SeedsText string
	Msg                              string // why the settings cannot run, or why the sweep failed

	ID      int // numbers the sweeps, so a stale worker's word is dropped
	State   SweepState
	Jobs    []SweepJob
	Points  []proto.SweepPoint // one per job
	Classes int                // of the swept dataset, for the chance line

	Started time.Time
	Took    time.Duration // once done
}

// NewSweepRun is an idle sweep with the default settings.
func NewSweepRun(base lab.Spec) SweepRun {
	depths := make([]string, len(link.DefaultSweepDepths))
	for i, d := range link.DefaultSweepDepths {
		depths[i] = strconv.Itoa(d)
	}
	return SweepRun{DepthsText: strings.Join(depths, ", "), StepsText: strconv.Itoa(link.DefaultSweepSteps),
		SeedsText: link.JoinSeeds(link.DefaultSweepSeeds, ", "), State: SweepIdle, Classes: base.Classes}
}

// SweepJobs lists the runs of a sweep of base over depths and seeds: lab.SweepConfig.Specs,
// so each run is the one the command line trains.
func SweepJobs(base lab.Spec, depths []int, seeds []uint64, steps int) ([]SweepJob, error) {
	c := lab.SweepConfig{Base: base, Depths: depths, Seeds: seeds, Steps: steps, Workers: 1}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	var jobs []SweepJob
	for i, s := range c.Specs() {
		jobs = append(jobs, SweepJob{Index: i, Spec: s, Steps: steps})
	}
	return jobs, nil
}

// StartSweep reads the settings and starts a sweep of the single view's network, replacing
// any sweep still running. Settings that cannot run leave a message instead.
func (c *Compare) StartSweep() {
	r := &c.Sweep
	if c.App.Spec.IsConv() && r.DepthsText == NewSweepRun(c.App.Spec).DepthsText {
		// A convolutional network counts depth in blocks per stage, and its steps cost a
		// hundred times more: the digits experiment's own sizes for the page.
		depths := make([]string, len(lab.DigitsPageDepths))
		for i, d := range lab.DigitsPageDepths {
			depths[i] = strconv.Itoa(d)
		}
		r.DepthsText = strings.Join(depths, ", ")
		if r.StepsText == strconv.Itoa(link.DefaultSweepSteps) {
			r.StepsText = strconv.Itoa(lab.DigitsPageSteps)
		}
	}
	depths, err := lab.ParseDepths(r.DepthsText)
	if err != nil {
		r.Msg = "Depths: " + err.Error()
		return
	}
	steps, err := link.ParseSweepSteps(r.StepsText)
	if err != nil {
		r.Msg = "Steps: " + err.Error() + "."
		return
	}
	seeds, err := link.ParseSeeds(r.SeedsText)
	if err != nil {
		r.Msg = "Seeds: " + err.Error() + "."
		return
	}
	jobs, err := SweepJobs(c.App.Spec, depths, seeds, steps)
	if err != nil {
		r.Msg = strings.TrimPrefix(err.Error(), "sweep: ")
		return
	}
	if r.State == SweepRunning {
		c.host.CancelSweep()
	}
	if c.App.Running {
		c.App.Pause()
	}
	r.Msg = ""
	r.ID++
	r.State = SweepRunning
	r.Jobs = jobs
	r.Points = make([]proto.SweepPoint, len(jobs))
	r.Classes = c.App.Spec.Classes
	if c.App.ShowsImages() {
		r.Classes = 10 // the digits
	}
	r.Started, r.Took = time.Now(), 0
	c.host.StartSweep(r.ID, jobs)
}

// CancelSweep stops the running sweep; the runs that finished stay on the plot.
func (c *Compare) CancelSweep() {
	if c.Sweep.State != SweepRunning {
		return
	}
	c.host.CancelSweep()
	c.Sweep.State = SweepCancelled
}

// ReceiveSweep takes a pool worker's word on job of sweep id.
func (c *Compare) ReceiveSweep(id, job int, p proto.SweepPoint) {
	r := &c.Sweep
	if id != r.ID || r.State != SweepRunning || job < 0 || job >= len(r.Points) || r.Points[job].Done {
		return
	}
	r.Points[job] = p
	if p.Done && p.Err != "" {
		c.host.CancelSweep()
		r.State, r.Msg = SweepFailed, "The sweep stopped: "+p.Err
		return
	}
	if r.Finished() == len(r.Jobs) {
		r.State, r.Took = SweepDone, time.Since(r.Started)
	}
}

// SweepFailed records that the pool could not go on (a worker died).
func (c *Compare) SweepFailed(id int, why string) {
	if r := &c.Sweep; id == r.ID && r.State == SweepRunning {
		c.host.CancelSweep()
		r.State, r.Msg = SweepFailed, "The sweep stopped: "+why
	}
}

// Finished counts the runs done.
func (r *SweepRun) Finished() int {
	n := 0
	for _, p := range r.Points {
		if p.Done {
			n++
		}
	}
	return n
}

// Progress is the share of the sweep's work done, in [0, 1], weighting runs by their cost.
func (r *SweepRun) Progress() float64 {
	var done, total float64
	for i, j := range r.Jobs {
		total += j.Cost()
		if p := r.Points[i]; p.Done {
			done += j.Cost()
		} else {
			done += j.Cost() * min(float64(p.Step)/float64(max(j.Steps, 1)), 1)
		}
	}
	if total == 0 {
		return 0
	}
	return done / total
}

// Status says where the sweep is, in words.
func (r *SweepRun) Status() string {
	runs := strconv.Itoa(r.Finished()) + " of " + strconv.Itoa(len(r.Jobs)) + " runs"
	switch r.State {
	case SweepRunning:
		return "Training: " + runs + " done (" + strconv.Itoa(int(100*r.Progress())) + "%)"
	case SweepDone:
		return "Done: " + runs + " in " + Fixed(r.Took.Seconds(), 1) + " s"
	case SweepCancelled:
		return "Cancelled: " + runs + " finished"
	case SweepFailed:
		return "Failed: " + runs + " finished"
	}
	return "Not run yet"
}
