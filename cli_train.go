package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"resnetplayground/lab"
	"resnetplayground/nn/data"
)

// trainOptions are train's own flags, besides the experiment's.
type trainOptions struct {
	spec  *specFlags
	steps int
	every int
}

func trainFlags(out io.Writer) (*flag.FlagSet, *trainOptions) {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	fs.SetOutput(out)
	o := &trainOptions{spec: addSpecFlags(fs, true)}
	fs.IntVar(&o.steps, "steps", 3000, fmt.Sprintf("optimisation steps (minibatches) to train for (digits: %d)", lab.DigitsSteps))
	fs.IntVar(&o.every, "every", 500, fmt.Sprintf("print the training and test loss and accuracy every N steps (0: only at the end; digits: %d)", lab.DigitsSteps/3))
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `usage: go run . train [flags]

Trains one network, headless, exactly as the page would, and prints its loss and accuracy
on the training and test sets as it goes. The experiment starts as the page's default
(`+lab.Default().String()+`),
then --spec replaces it with a shared one, then each flag you give changes one thing.
--depth, --width, --layers and --residual make every block the same.

A run that diverges (its loss becomes NaN or infinite, usually from too high a learning
rate) stops there and says "diverged at step N"; that is a result, so the exit code is 0.

examples:
  go run . train --depth 32                   a deep plain network: watch it struggle
  go run . train --depth 32 --residual        the same with shortcuts
  go run . train --spec 'd=circles&b=8x2r*4' --steps 500 --every 50
  go run . train --dataset digits             a 32-layer plain conv net on handwritten digits
  go run . train --dataset digits --residual  the same with shortcuts

flags:
`)
		fs.PrintDefaults()
	}
	return fs, o
}

// train is `go run . train`.
func train(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs, o := trainFlags(stderr)
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	s, err := o.spec.spec()
	if err == nil {
		err = noExtraArgs(fs)
	}
	if data.IsImages(s.Dataset) { // a step costs a hundred times more than on points
		given := map[string]bool{}
		fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
		if !given["steps"] {
			o.steps = lab.DigitsSteps
		}
		if !given["every"] {
			o.every = lab.DigitsSteps / 3
		}
	}
	if err == nil && o.steps < 1 {
		err = fmt.Errorf("--steps must be at least 1 (got %d)", o.steps)
	}
	if err == nil && o.every < 0 {
		err = fmt.Errorf("--every must be 0 (only the end) or more (got %d)", o.every)
	}
	if err != nil {
		fmt.Fprintf(stderr, "train: %v\n(run `go run . help train` for the flags)\n", err)
		return exitUsage
	}

	t, err := lab.NewTrainer(s)
	if err != nil {
		fmt.Fprintf(stderr, "train: %v\n", err)
		return exitFailure
	}
	fmt.Fprintf(stdout, "spec: %s\n", s)
	fmt.Fprintf(stdout, "%s, %d steps\n", describe(s), o.steps)
	if o.every > 0 {
		fmt.Fprintln(stdout)
	}

	// Fixed widths rather than a tabwriter: each line is printed as soon as it is known.
	row := func(step, trainLoss, trainAcc, testLoss, testAcc string) {
		fmt.Fprintf(stdout, "%8s  %10s  %9s  %10s  %8s\n", step, trainLoss, trainAcc, testLoss, testAcc)
	}
	if o.every > 0 {
		row("step", "train loss", "train acc", "test loss", "test acc")
	}
	chunk := o.every
	if chunk == 0 {
		chunk = o.steps
	}
	var m lab.Metrics
	measured := false // m holds the latest measurement
	interrupted := false
	for done := 0; done < o.steps && !interrupted; {
		k := min(chunk, o.steps-done)
		if t.StepContext(ctx, k) != nil {
			interrupted = true
			break
		}
		done += k
		if o.every > 0 && (done%o.every == 0 || done == o.steps) {
			got, err := t.MetricsContext(ctx)
			if err != nil {
				interrupted = true
				break
			}
			m, measured = got, true
			row(strconv.Itoa(done), loss(m.TrainLoss), pct(m.TrainAcc), loss(m.TestLoss), pct(m.TestAcc))
			if m.Diverged {
				break
			}
		}
	}
	if o.every > 0 {
		fmt.Fprintln(stdout)
	}
	if interrupted {
		return trainInterrupted(t, m, measured, stdout)
	}
	if o.every == 0 {
		m = t.Metrics()
	}
	if m.Diverged {
		fmt.Fprintf(stdout, "diverged at step %d: the loss or a weight became NaN or infinite; try a lower --lr\n", m.Step)
	}
	printMetrics(stdout, "final", m)
	return exitOK
}

// interruptMeasure is how long an interrupted train may spend measuring where it stopped:
// Ctrl-C should end the program within a second, and measuring a costly network on a large
// dataset can take longer (then the last measurement stands in).
const interruptMeasure = 500 * time.Millisecond

// trainInterrupted reports a run stopped by Ctrl-C: the step it reached and, if it can be
// measured quickly, how good the network is there; otherwise the last measurement, if any.
func trainInterrupted(t *lab.Trainer, last lab.Metrics, measured bool, stdout io.Writer) int {
	ctx, cancel := context.WithTimeout(context.Background(), interruptMeasure)
	defer cancel()
	m, err := t.MetricsContext(ctx)
	fmt.Fprintf(stdout, "interrupted at step %d\n", m.Step)
	switch {
	case err == nil:
		printMetrics(stdout, "final", m)
	case measured:
		fmt.Fprintf(stdout, "(measuring step %d takes longer than %s)\n", m.Step, interruptMeasure)
		printMetrics(stdout, "last measured", last)
	default:
		fmt.Fprintf(stdout, "not measured: measuring this network takes longer than %s\n", interruptMeasure)
	}
	return exitFailure
}

// printMetrics prints the summary line of m, e.g. "final (step 3000): …".
func printMetrics(stdout io.Writer, label string, m lab.Metrics) {
	fmt.Fprintf(stdout, label+" (step %d): train loss %s, accuracy %s; test loss %s, accuracy %s\n",
		m.Step, loss(m.TrainLoss), pct(m.TrainAcc), loss(m.TestLoss), pct(m.TestAcc))
}

// parseExit is the exit code for a FlagSet's parse error, which the FlagSet has already
// printed with its usage.
func parseExit(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	return exitUsage
}

// describe says in words what network s is, e.g. "spiral, 24 plain blocks of 16×2, relu, adam lr 0.003".
func describe(s lab.Spec) string {
	if s.IsConv() {
		return fmt.Sprintf("%s, %s, %s, %s lr %g, batch %d, seed %d",
			describeData(s), describeConv(s), describeAct(s), s.Optimizer, s.LR, s.Batch, s.Seed)
	}
	b := firstBlock(s)
	kind := "plain"
	if b.Shortcut {
		kind = "residual"
	}
	uniform := true
	for _, o := range s.Blocks {
		uniform = uniform && o == b
	}
	net := fmt.Sprintf("%d %s blocks of %d×%d", len(s.Blocks), kind, b.Width, b.Layers)
	if !uniform {
		net = fmt.Sprintf("%d mixed blocks", len(s.Blocks))
	}
	bn := ""
	if s.BatchNorm {
		bn = " + batch norm"
	}
	return fmt.Sprintf("%s, %s, %s%s, %s lr %g, batch %d, seed %d",
		describeData(s), net, s.Activation, bn, s.Optimizer, s.LR, s.Batch, s.Seed)
}

// describeData names s's dataset and its size.
func describeData(s lab.Spec) string {
	if data.IsImages(s.Dataset) {
		return s.Dataset + " (6,000 training and 1,000 test images of 14×14)"
	}
	return fmt.Sprintf("%s (%d points)", s.Dataset, s.Points)
}

// describeConv says what convolutional network s is, e.g. "3 stages of 5 plain blocks (4/8/16
// channels, 32 layers), shortcut option A".
func describeConv(s lab.Spec) string {
	widths := lab.StageWidths(s.Blocks)
	ws := make([]string, len(widths))
	for i, w := range widths {
		ws[i] = strconv.Itoa(w)
	}
	kind := "plain"
	if firstBlock(s).Shortcut {
		kind = "residual"
	}
	return fmt.Sprintf("%d stages of %d %s conv blocks (%s channels, %d layers), shortcut option %s",
		len(widths), lab.Depth(s), kind, strings.Join(ws, "/"), lab.WeightLayers(s), s.Option)
}

// describeAct is the activation, with batch norm if it is on.
func describeAct(s lab.Spec) string {
	if s.BatchNorm {
		return s.Activation + " + batch norm"
	}
	return s.Activation
}

// pct prints an accuracy as a percentage.
func pct(acc float64) string { return fmt.Sprintf("%.1f%%", 100*acc) }

// loss prints a loss, or "-" for the NaN of a diverged run or of an empty average.
func loss(l float64) string {
	if math.IsNaN(l) {
		return "-"
	}
	return fmt.Sprintf("%.4f", l)
}
