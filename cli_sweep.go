package main

import (
	"resnetplayground/lab/figure"

	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"resnetplayground/lab"
)

// sweepOptions are sweep's own flags, besides the experiment's.
type sweepOptions struct {
	spec    *specFlags
	depths  string
	seeds   string
	steps   int
	workers int
	json    bool
	svg     string
}

func sweepFlags(out io.Writer) (*flag.FlagSet, *sweepOptions) {
	fs := flag.NewFlagSet("sweep", flag.ContinueOnError)
	fs.SetOutput(out)
	o := &sweepOptions{spec: addSpecFlags(fs, false)}
	fs.StringVar(&o.depths, "depths", "2,4,8,16,32,64", fmt.Sprintf("comma-separated numbers of blocks (each %s)", lab.DepthField.Range()))
	fs.StringVar(&o.seeds, "seeds", "1,2,3", "comma-separated seeds; every depth and variant runs once per seed")
	fs.IntVar(&o.steps, "steps", 3000, fmt.Sprintf("optimisation steps per run (digits: %d)", lab.DigitsSteps))
	fs.IntVar(&o.workers, "workers", 0, "runs trained at once (0: one per CPU); the results do not depend on it")
	fs.BoolVar(&o.json, "json", false, "print one JSON object per run instead of the table")
	fs.StringVar(&o.svg, "svg", "", "also write the degradation figure (training error vs depth) to this SVG file")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `usage: go run . sweep [flags]

The degradation experiment of He et al. (2015). For every depth in --depths and every seed
in --seeds, trains two networks of that many identical blocks, one plain and one residual
(shortcuts on), each for --steps steps, and prints one row per depth and variant:

  depth, shortcut (plain/residual), final training accuracy (mean, min, max over seeds),
  mean test accuracy, mean final training and test loss, diverged runs (of all seeds).

If deeper plain networks reach a lower *training* accuracy while residual ones do not,
that is the degradation problem: not overfitting, but a deep plain net being harder to
optimise. The other flags set the experiment as in train (--spec, then each flag given);
--width and --layers shape every block.

With --json, each run is one line on stdout, in the table's order:
  {"depth":8,"residual":false,"seed":1,"steps":3000,"step":3000,"train_acc":0.93,
   "test_acc":0.9,"train_loss":0.21,"test_loss":0.25,"diverged":false}
("step" is where a diverged run stopped; a NaN or infinite loss is null.)
Progress goes to stderr. Ctrl-C stops the sweep and prints the runs that finished.

With --dataset digits the networks are convolutional, in the paper's CIFAR shape: three
stages of n blocks (the depth) of two 3×3 convolutions at 14×14, 7×7 and 4×4, 6n+2 weight
layers in all; the defaults are the sizes at which the effect shows within about a minute of
training in a browser (depths `+joinInts(lab.DigitsDepths)+`, `+strconv.Itoa(lab.DigitsSteps)+` steps, batch norm, shortcut option A).
The page's digits sweep runs the paper's depths on one seed, 8 to 56 layers:
  go run . sweep --dataset digits --depths `+joinInts(lab.DigitsPageDepths)+` --steps `+strconv.Itoa(lab.DigitsPageSteps)+` --seeds 1

examples:
  go run . sweep
  go run . sweep --dataset digits
  go run . sweep --depths 2,8,32 --seeds 1,2 --steps 2000 --svg degradation.svg
  go run . sweep --dataset circles --width 8 --layers 1 --optimizer sgd --lr 0.05
  go run . sweep --json --workers 4 > runs.jsonl

flags:
`)
		fs.PrintDefaults()
	}
	return fs, o
}

// config turns the parsed flags into a sweep, or explains what is wrong with them.
func (o *sweepOptions) config() (lab.SweepConfig, error) {
	base, err := o.spec.spec()
	if err != nil {
		return lab.SweepConfig{}, err
	}
	if base.IsConv() { // the digits experiment's own sizes, unless the flags say otherwise
		given := map[string]bool{}
		o.spec.fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
		if !given["depths"] {
			o.depths = joinInts(lab.DigitsDepths)
		}
		if !given["steps"] {
			o.steps = lab.DigitsSteps
		}
	}
	c := lab.SweepConfig{Base: base, Steps: o.steps, Workers: o.workers}
	if c.Depths, err = parseList("depths", o.depths, lab.ParseDepths); err != nil {
		return c, err
	}
	if c.Seeds, err = parseList("seeds", o.seeds, lab.ParseSeeds); err != nil {
		return c, err
	}
	if o.steps < 1 {
		return c, fmt.Errorf("--steps must be at least 1 (got %d)", o.steps)
	}
	if o.workers < 0 {
		return c, fmt.Errorf("--workers must be 0 (one per CPU) or more (got %d)", o.workers)
	}
	return c, c.Validate() // repeated depths or seeds
}

// joinInts writes xs as a comma-separated list, as --depths takes it.
func joinInts(xs []int) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = strconv.Itoa(x)
	}
	return strings.Join(parts, ",")
}

// sweep is `go run . sweep`.
func sweep(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs, o := sweepFlags(stderr)
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	c, err := o.config()
	if err == nil {
		err = noExtraArgs(fs)
	}
	if err != nil {
		// lab's errors already say "sweep: ".
		fmt.Fprintf(stderr, "sweep: %s\n(run `go run . help sweep` for the flags)\n", strings.TrimPrefix(err.Error(), "sweep: "))
		return exitUsage
	}

	// Open the figure's file now, so a bad path fails before an hour of training, not after.
	var svg *os.File
	if o.svg != "" {
		if svg, err = os.Create(o.svg); err != nil {
			fmt.Fprintf(stderr, "sweep: --svg: %v\n", err)
			return exitFailure
		}
		defer svg.Close()
	}

	total := len(c.Specs())
	workers := c.Workers
	if workers == 0 {
		workers = runtime.NumCPU()
	}
	fmt.Fprintf(stderr, "sweep: %s; depths %s × plain/residual × seeds %s, %d steps each: %d runs on %d workers\n",
		describeBase(c.Base), o.depths, o.seeds, c.Steps, total, min(workers, total))

	start := time.Now()
	finished := 0
	enc := json.NewEncoder(stdout)
	results, err := lab.Sweep(ctx, c, func(r lab.SweepResult) {
		finished++
		fmt.Fprintf(stderr, "[%d/%d] depth %d %s seed %d: train acc %s, test acc %s%s\n",
			finished, total, r.Depth, variant(r.Residual), r.Seed, pct(r.Final.TrainAcc), pct(r.Final.TestAcc), divergedNote(r.Final))
		if o.json {
			enc.Encode(r) // SweepResult marshals flat and never fails: non-finite numbers become null
		}
	})
	fmt.Fprintf(stderr, "sweep: %d of %d runs finished in %s\n", len(results), total, time.Since(start).Round(time.Second))
	if !o.json {
		printSweepTable(stdout, results)
	}
	if err != nil {
		if svg != nil {
			svg.Close()
			os.Remove(o.svg) // an empty file would look like a figure
		}
		if ctx.Err() != nil {
			fmt.Fprintln(stderr, "sweep: interrupted; the table shows the runs that finished")
		} else {
			fmt.Fprintln(stderr, err)
		}
		return exitFailure
	}

	if svg != nil {
		if err := figure.Degradation(results, svg); err == nil {
			err = svg.Close()
		}
		if err != nil {
			fmt.Fprintf(stderr, "sweep: --svg %s: %v\n", o.svg, err)
			return exitFailure
		}
		fmt.Fprintf(stderr, "sweep: wrote the figure to %s\n", o.svg)
	}
	return exitOK
}

// printSweepTable prints one row per depth and variant, in the sweep's order.
func printSweepTable(w io.Writer, results []lab.SweepResult) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "depth\tshortcut\ttrain acc\tmin\tmax\ttest acc\ttrain loss\ttest loss\tdiverged\t")
	for _, s := range lab.Summarize(results) {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d/%d\t\n", s.Depth, variant(s.Residual),
			pct(s.TrainAccMean), pct(s.TrainAccMin), pct(s.TrainAccMax), pct(s.TestAccMean),
			loss(s.TrainLossMean), loss(s.TestLossMean), s.Diverged, s.Runs)
	}
	tw.Flush()
}

func variant(residual bool) string {
	if residual {
		return "residual"
	}
	return "plain"
}

func divergedNote(m lab.Metrics) string {
	if !m.Diverged {
		return ""
	}
	return " (diverged at step " + strconv.Itoa(m.Step) + ")"
}

// describeBase says what every run of a sweep shares.
func describeBase(s lab.Spec) string {
	b := firstBlock(s)
	parts := []string{describeData(s), fmt.Sprintf("blocks of %d×%d", b.Width, b.Layers), s.Activation}
	if s.IsConv() {
		widths := lab.StageWidths(s.Blocks)
		ws := make([]string, len(widths))
		for i, w := range widths {
			ws[i] = strconv.Itoa(w)
		}
		parts[1] = fmt.Sprintf("%d stages of conv blocks (%s channels, option %s; depth n: 6n+2 layers)", len(widths), strings.Join(ws, "/"), s.Option)
	}
	if s.BatchNorm {
		parts = append(parts, "batch norm")
	}
	parts = append(parts, fmt.Sprintf("%s lr %g, batch %d", s.Optimizer, s.LR, s.Batch))
	return strings.Join(parts, ", ")
}
