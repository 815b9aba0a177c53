package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"resnetplayground/lab"
	"resnetplayground/lab/figure"
)

// whyOptions are the flags of landscape and shatter, besides the experiment's.
type whyOptions struct {
	spec *specFlags
	json bool
	svg  string
	land lab.LandscapeConfig // landscape only, but for land.At: the steps to train first
}

// landscapeFlag is a setting of lab.LandscapeFields as a flag: the page's address and the
// command line take the same values, with the same limits and messages.
type landscapeFlag struct {
	f *lab.LandscapeField
	c *lab.LandscapeConfig
}

func (v landscapeFlag) String() string {
	if v.f == nil {
		return ""
	}
	return v.f.Get(*v.c)
}

// Set takes a value; the flag package names the flag in the message, so the error does not.
func (v landscapeFlag) Set(text string) error {
	if _, err := v.f.Parse(text); err != nil {
		return err
	}
	return v.f.Set(v.c, text)
}

func whyFlags(name string, out io.Writer) (*flag.FlagSet, *whyOptions) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(out)
	o := &whyOptions{spec: addTwinFlags(fs, lab.WhyPreset()), land: lab.DefaultLandscape()}
	o.land.At = lab.WhySteps
	fs.BoolVar(&o.json, "json", false, "print one JSON object with both twins' numbers instead of the summary")
	fs.StringVar(&o.svg, "svg", "", "also write the figure to this SVG file")
	for _, f := range lab.LandscapeFields {
		if f.Key == "at" || name == "landscape" {
			fs.Var(landscapeFlag{f, &o.land}, f.Flag, f.Doc)
		}
	}
	if name == "landscape" {
		fs.IntVar(&o.land.Slice, "slice", o.land.Slice, fmt.Sprintf("points of the 1-D slice along δ (0: none; odd, 3..%d)", lab.MaxLandscapeSlice))
		fs.IntVar(&o.land.Line, "line", o.land.Line, fmt.Sprintf("points on the line from the initial to the trained weights, t ∈ [%g, %g] (0: none)", lab.LineFrom, lab.LineTo))
	}
	fs.Usage = func() {
		if name == "landscape" {
			fmt.Fprint(fs.Output(), landscapeUsage)
		} else {
			fmt.Fprint(fs.Output(), shatterUsage)
		}
		fs.PrintDefaults()
	}
	return fs, o
}

const landscapeUsage = `usage: go run . landscape [flags]

The loss landscape of Li, Xu, Taylor, Studer & Goldstein (NeurIPS 2018), for both twins of
an experiment: trains the plain network and its residual twin (same data, seed and initial
weights) for --steps steps, then evaluates the training loss at θ + α·δ + β·η on a grid, θ
being the trained weights and δ, η two random directions drawn from --directions and
filter-normalised (each neuron's part rescaled to the norm of that neuron's weights; zero on
biases and batch norm). Also a 1-D slice through θ along δ, and the straight line from the
initial weights θ₀ to θ (Goodfellow, Vinyals & Saxe 2015).

With no flags it runs the Why view's preset: the page's default with batch norm and 12
blocks (` + "`go run . train --bn --depth 14`" + `), deep enough that the plain twin trains only
partly. There the residual landscape is a smooth bowl and the plain one is rough: the summary
prints each one's roughness, the mean absolute second difference of log₁₀ loss between
neighbouring grid points (lower is smoother). A plain twin stuck at chance (try --bn=false
--depth 24) shows a flat plateau instead: no slope to follow from anywhere near θ.

--json prints one object:
  {"spec": "…", "steps": 1500, "directions": 1, "axis": [-1, …, 1],
   "plain": [[…], …], "residual": [[…], …],   rows of losses: row j is β = axis[j],
                                              column i is α = axis[i]
   "roughness": {"plain": 0.12, "residual": 0.07},
   "train_loss": {…}, "train_acc": {…},
   "slice": {"axis": […], "plain": […], "residual": […]},
   "line": {"axis": […], "plain": […], "residual": […]}}
(a loss that overflowed is null). --svg draws the two heatmaps (log scale, contours) and the
slice. Each grid point is one pass over the training set: the default 31×31 grid takes
seconds. The experiment flags work as in train (--spec, then each flag given).

examples:
  go run . landscape --svg landscape.svg
  go run . landscape --json > landscape.json
  go run . landscape --spec 'b=16x2p*24' --steps 3000 --grid 21

flags:
`

const shatterUsage = `usage: go run . shatter [flags]

The shattered gradients of Balduzzi et al. (ICML 2017), for both twins of an experiment:
the gradient of the network's output with respect to its input, along a line of 256 inputs
across the data — x from −1.2 to 1.2 at y = 0 — where the output is the logit difference of
the first two classes, z₁ − z₀ (with two classes it alone decides the prediction). For each
twin at initialisation and after --steps steps of training it prints the lag-1
autocorrelation of that gradient: near 0 it is white noise (shattered: neighbouring inputs get
unrelated gradients), near 1 brown noise (smooth). A deep plain net at initialisation is
shattered; its residual twin is not. With no flags it runs the Why view's preset (batch norm,
14 blocks). With batch norm, the network at initialisation first sets its running statistics
from one pass over the training set.

--json prints one object:
  {"spec": "…", "steps": 1500, "output": "z1 - z0", "x": [256 values],
   "plain": {"init": {"grad": […], "autocorr": 0.03}, "now": {…}},
   "residual": {"init": {…}, "now": {…}}}
--svg draws the four gradients as line charts.

examples:
  go run . shatter
  go run . shatter --svg shattered.svg --steps 0
  go run . shatter --bn=false --depth 24 --json

flags:
`

// landscape is `go run . landscape`, and shatter `go run . shatter`: both train the twins
// and picture them.
func landscape(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return why(ctx, "landscape", args, stdout, stderr)
}

func shatter(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return why(ctx, "shatter", args, stdout, stderr)
}

func why(ctx context.Context, name string, args []string, stdout, stderr io.Writer) int {
	fs, o := whyFlags(name, stderr)
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	s, err := o.spec.spec()
	if err == nil {
		err = noExtraArgs(fs)
	}
	c := lab.WhyConfig{Spec: s, Steps: o.land.At, Shatter: name == "shatter"}
	if name == "landscape" && err == nil {
		err = o.land.Validate()
		c.Landscape = &o.land
	}
	if err == nil {
		err = lab.CheckSize(s)
	}
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n(run `go run . help %s` for the flags)\n", name, err, name)
		return exitUsage
	}
	var svg *os.File
	if o.svg != "" {
		if svg, err = os.Create(o.svg); err != nil {
			fmt.Fprintf(stderr, "%s: --svg: %v\n", name, err)
			return exitFailure
		}
		defer svg.Close()
	}

	fmt.Fprintf(stderr, "%s: %s; plain and residual twins, %d steps each\n", name, describeBase(s), o.land.At)
	start := time.Now()
	plain, residual, err := lab.Why(ctx, c, func(res bool, stage string) {
		fmt.Fprintf(stderr, "%s: %s twin: %s (%s)\n", name, variant(res), stage, time.Since(start).Round(100*time.Millisecond))
	})
	if err != nil {
		if svg != nil {
			svg.Close()
			os.Remove(o.svg)
		}
		if ctx.Err() != nil {
			fmt.Fprintf(stderr, "%s: interrupted\n", name)
		} else {
			fmt.Fprintf(stderr, "%s: %v\n", name, err)
		}
		return exitFailure
	}

	if o.json {
		var v any
		if name == "landscape" {
			v = landscapeJSON(s, o, plain, residual)
		} else {
			v = shatterJSON(s, o, plain, residual)
		}
		enc := json.NewEncoder(stdout)
		if err := enc.Encode(v); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", name, err)
			return exitFailure
		}
	} else {
		fmt.Fprintf(stdout, "spec: %s\n", s)
		for _, tw := range []struct {
			name string
			t    lab.WhyTwin
		}{{"plain", plain}, {"residual", residual}} {
			m := tw.t.Metrics
			fmt.Fprintf(stdout, "%-8s  train loss %s, accuracy %s", tw.name, loss(m.TrainLoss), pct(m.TrainAcc))
			if l := tw.t.Landscape; l != nil {
				lo, hi := lossRange(l)
				fmt.Fprintf(stdout, "; landscape roughness %.3f, loss %s to %s", tw.t.Roughness, loss(lo), loss(hi))
			}
			if tw.t.ShatterInit != nil {
				fmt.Fprintf(stdout, "; gradient autocorrelation at init %.2f, now %.2f", tw.t.ShatterInit.Autocorr, tw.t.ShatterNow.Autocorr)
			}
			fmt.Fprintln(stdout)
		}
	}

	if svg != nil {
		if name == "landscape" {
			err = figure.Landscapes(*plain.Landscape, *residual.Landscape, svg)
		} else {
			err = figure.Shattered(plain.ShatterInit, plain.ShatterNow, residual.ShatterInit, residual.ShatterNow, svg)
		}
		if err == nil {
			err = svg.Close()
		}
		if err != nil {
			fmt.Fprintf(stderr, "%s: --svg %s: %v\n", name, o.svg, err)
			return exitFailure
		}
		fmt.Fprintf(stderr, "%s: wrote the figure to %s\n", name, o.svg)
	}
	return exitOK
}

// lossRange is the lowest and highest finite loss on l's grid.
func lossRange(l *lab.Landscape) (lo, hi float64) {
	first := true
	for _, row := range l.Loss {
		for _, v := range row {
			if !isFinite(v) {
				continue
			}
			if first || v < lo {
				lo = v
			}
			if first || v > hi {
				hi = v
			}
			first = false
		}
	}
	return lo, hi
}
