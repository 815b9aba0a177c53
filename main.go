// Command resnetplayground serves the ResNet Playground page and runs its experiments headless.
//
//	go run .                 serve the page (same as `go run . serve`)
//	go run . train [flags]   train one network and print its progress
//	go run . sweep [flags]   train plain and residual networks of several depths
//	go run . landscape       the twins' loss landscapes (Li et al. 2018)
//	go run . shatter         the twins' shattered gradients (Balduzzi et al. 2017)
//	go run . help            explain all of this, with examples
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1 // the command ran and failed (or was interrupted)
	exitUsage   = 2 // the command line was wrong
)

func main() {
	// Ctrl-C cancels a train or sweep cleanly: it stops within a step and prints what it has.
	// A second Ctrl-C ends the program at once: after the first, the default handling is back.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		stop()
	}()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// run dispatches a command line (without the program name) and returns the exit code; tests
// call it in-process.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cmd, rest := "serve", args
	if len(args) > 0 {
		switch {
		case isHelpFlag(args[0]):
			cmd, rest = "help", args[1:]
		case !strings.HasPrefix(args[0], "-"):
			cmd, rest = args[0], args[1:]
		} // else flags with no command (`go run . --addr :9000`) are the server's
	}

	switch cmd {
	case "serve":
		return exitCode(serve(rest), stderr)
	case "train":
		return train(ctx, rest, stdout, stderr)
	case "sweep":
		return sweep(ctx, rest, stdout, stderr)
	case "landscape":
		return landscape(ctx, rest, stdout, stderr)
	case "shatter":
		return shatter(ctx, rest, stdout, stderr)
	case "help":
		return help(rest, stdout, stderr)
	default:
		fmt.Fprintf(stderr, "unknown command %q\n\n", cmd)
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
}

func isHelpFlag(a string) bool { return a == "-h" || a == "-help" || a == "--help" }

// exitCode turns a command's error into an exit code, printing it. A flag parse error has
// already been printed with the command's usage by its FlagSet.
func exitCode(err error, stderr io.Writer) int {
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return exitOK
	default:
		fmt.Fprintln(stderr, err)
		return exitFailure
	}
}

// help prints the overview, or one command's usage (`help sweep`).
func help(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	switch args[0] {
	case "train":
		fs, _ := trainFlags(stdout)
		fs.Usage()
	case "sweep":
		fs, _ := sweepFlags(stdout)
		fs.Usage()
	case "landscape", "shatter":
		fs, _ := whyFlags(args[0], stdout)
		fs.Usage()
	case "serve":
		return exitCode(serve([]string{"-h"}), stderr)
	default:
		fmt.Fprintf(stderr, "no help for %q: the commands are serve, train, sweep, landscape, shatter\n", args[0])
		return exitUsage
	}
	return exitOK
}

const usage = `ResNet Playground: build a neural network block by block, switch residual shortcuts
on and off, and watch how well it trains. Deep plain networks train worse than shallow ones
(the "degradation problem" of He et al., 2015); the same networks with shortcuts do not.

usage: go run . [command] [flags]

commands:
  serve   build the page and serve it on http://127.0.0.1:8080/ (the default command)
  train   train one network headless and print its progress
  sweep   train plain and residual networks at several depths and seeds, and
          tabulate (or plot) their final accuracy: the degradation experiment
  landscape  train a plain network and its residual twin, then draw the loss
          around their trained weights (Li et al. 2018): a rough surface and a bowl
  shatter train both twins and print how their output's gradient along a line
          of inputs is correlated, at initialisation and after (Balduzzi et al. 2017)
  help    print this, or "help <command>" for that command's flags

examples:
  go run .                                      open the playground in a browser
  go run . train                                the page's default experiment (24 plain blocks)
  go run . train --residual --steps 5000        the same network with shortcuts
  go run . train --spec 'd=spiral&b=16x2r*24'   a run shared from the page (its URL hash)
  go run . train --depth 8 --width 32 --lr 0.001 --every 100
  go run . sweep                                depths 2..64 on the spiral, seeds 1,2,3
  go run . sweep --depths 4,16,64 --seeds 1 --steps 1000 --svg degradation.svg
  go run . sweep --json > runs.jsonl            one JSON object per run
  go run . landscape --svg landscape.svg        both twins' loss landscapes (the Why view)
  go run . shatter --json                       both twins' input gradients, as JSON

Every run is seeded: the same flags give the same numbers on any machine and with any
number of sweep workers. Ctrl-C stops a train or sweep and prints what has finished.
Exit codes: 0 done (a run that diverged is a result, not a failure), 1 failed or
interrupted, 2 bad command line. "go run" reports every failure as exit status 1: for
these codes in a script, build the program first (go build -o resnet . && ./resnet train …).
`
