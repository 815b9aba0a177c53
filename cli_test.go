package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"resnetplayground/lab"
	"strings"
	"testing"
)

// runCLI runs a command line in-process and returns its exit code, stdout and stderr.
func runCLI(t *testing.T, ctx context.Context, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(ctx, args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// tinySweep is a sweep that finishes in well under a second.
var tinySweep = []string{"sweep", "--depths", "1,2", "--steps", "5", "--seeds", "1", "--points", "100"}

func TestCLIHelpPrintsUsage(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"-h"}, {"--help"}} {
		code, stdout, _ := runCLI(t, context.Background(), args...)
		if code != exitOK {
			t.Errorf("%v: exit %d, want 0", args, code)
		}
		for _, want := range []string{"serve", "train", "sweep", "examples", "go run . sweep --depths", "go build"} {
			if !strings.Contains(stdout, want) {
				t.Errorf("%v: usage lacks %q:\n%s", args, want, stdout)
			}
		}
	}
	code, stdout, _ := runCLI(t, context.Background(), "help", "sweep")
	if code != exitOK || !strings.Contains(stdout, "-depths") || !strings.Contains(stdout, "degradation") {
		t.Errorf("help sweep: exit %d, output:\n%s", code, stdout)
	}
}

// Every setting in lab's table of Spec fields that has a flag is a flag of train, and its
// --help line gives the range from the table.
func TestCLIFlagsComeFromTheFieldTable(t *testing.T) {
	_, stdout, _ := runCLI(t, context.Background(), "help", "train")
	for _, f := range append(lab.Fields, lab.DepthField, lab.LayersField, lab.ShortcutField) {
		if f.Flag == "" {
			continue
		}
		if !strings.Contains(stdout, "-"+f.Flag+" ") && !strings.Contains(stdout, "-"+f.Flag+"\n") {
			t.Errorf("help train lacks --%s:\n%s", f.Flag, stdout)
		}
		if r := f.Range(); f.Kind != lab.Bool && !strings.Contains(stdout, strings.TrimPrefix(r, "one of ")) {
			t.Errorf("help train does not give --%s's range %q", f.Flag, r)
		}
	}
	code, stdout, stderr := runCLI(t, context.Background(),
		"train", "--train-frac", "0.7", "--weight-decay", "0.001", "--steps", "1", "--every", "0", "--points", "100")
	if code != exitOK || !strings.Contains(stdout, "f=0.7") || !strings.Contains(stdout, "wd=0.001") {
		t.Errorf("--train-frac and --weight-decay: exit %d\n%s%s", code, stdout, stderr)
	}
}

func TestCLIUnknownCommandExplainsAndExits2(t *testing.T) {
	code, _, stderr := runCLI(t, context.Background(), "frobnicate")
	if code != exitUsage {
		t.Errorf("exit %d, want %d", code, exitUsage)
	}
	if !strings.Contains(stderr, `unknown command "frobnicate"`) || !strings.Contains(stderr, "usage:") {
		t.Errorf("stderr does not name the command and show the usage:\n%s", stderr)
	}
}

func TestCLISweepPrintsARowPerDepthAndVariant(t *testing.T) {
	code, stdout, stderr := runCLI(t, context.Background(), tinySweep...)
	if code != exitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 5 {
		t.Fatalf("want a header and 4 rows, got:\n%s", stdout)
	}
	if h := strings.Fields(lines[0]); h[0] != "depth" || h[1] != "shortcut" {
		t.Errorf("header = %q", lines[0])
	}
	want := [][2]string{{"1", "plain"}, {"1", "residual"}, {"2", "plain"}, {"2", "residual"}}
	for i, w := range want {
		f := strings.Fields(lines[i+1])
		if len(f) != 9 || f[0] != w[0] || f[1] != w[1] || f[8] != "0/1" && f[8] != "1/1" {
			t.Errorf("row %d = %q, want depth %s, %s, 9 columns ending in diverged/runs", i, lines[i+1], w[0], w[1])
		}
	}
}

func TestCLISweepJSONHasOneLinePerRunWithTheKeys(t *testing.T) {
	code, stdout, stderr := runCLI(t, context.Background(), append(tinySweep, "--json", "--seeds", "1,2")...)
	if code != exitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 8 {
		t.Fatalf("want 8 lines (2 depths × 2 variants × 2 seeds), got %d:\n%s", len(lines), stdout)
	}
	type key struct {
		depth    float64
		residual bool
		seed     float64
	}
	var order []key
	for _, line := range lines {
		var run map[string]any
		if err := json.Unmarshal([]byte(line), &run); err != nil {
			t.Fatalf("line %q is not JSON: %v", line, err)
		}
		for _, k := range []string{"depth", "residual", "seed", "train_acc", "test_acc", "train_loss", "test_loss", "diverged", "steps"} {
			if _, ok := run[k]; !ok {
				t.Errorf("line %s lacks %q", line, k)
			}
		}
		if run["steps"] != 5.0 {
			t.Errorf("line %s: steps = %v, want 5", line, run["steps"])
		}
		residual, _ := run["residual"].(bool)
		depth, _ := run["depth"].(float64)
		seed, _ := run["seed"].(float64)
		order = append(order, key{depth, residual, seed})
	}
	want := []key{{1, false, 1}, {1, false, 2}, {1, true, 1}, {1, true, 2}, {2, false, 1}, {2, false, 2}, {2, true, 1}, {2, true, 2}}
	for i := range want {
		if order[i] != want[i] {
			t.Errorf("runs in order %v, want %v", order, want)
			break
		}
	}
}

func TestCLISweepOutputDoesNotDependOnWorkers(t *testing.T) {
	args := append(tinySweep, "--json", "--depths", "1,2,3", "--seeds", "1,2")
	_, one, _ := runCLI(t, context.Background(), append(args, "--workers", "1")...)
	_, four, _ := runCLI(t, context.Background(), append(args, "--workers", "4")...)
	if one == "" || one != four {
		t.Errorf("--workers 1 printed\n%s\n--workers 4 printed\n%s", one, four)
	}
}

func TestCLISweepWritesAnSVGFigure(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fig.svg")
	code, _, stderr := runCLI(t, context.Background(), append(tinySweep, "--svg", path)...)
	if code != exitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d := xml.NewDecoder(f)
	var root string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", path, err)
		}
		if se, ok := tok.(xml.StartElement); ok && root == "" {
			root = se.Name.Local
		}
	}
	if root != "svg" {
		t.Errorf("root element <%s>, want <svg>", root)
	}
}

func TestCLISweepWithAnUnwritableSVGPathFailsBeforeTraining(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no-such-dir", "fig.svg")
	code, _, stderr := runCLI(t, context.Background(), append(tinySweep, "--svg", path)...)
	if code == exitOK || !strings.Contains(stderr, "--svg") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if strings.Contains(stderr, "[1/") {
		t.Errorf("trained before finding out the figure cannot be written:\n%s", stderr)
	}
}

// `sweep --width 256` with the default depths: depth 64 does not fit in memory. The sweep
// says so before the first step instead of after training every shallower run.
func TestCLISweepChecksEveryRunsSizeBeforeTraining(t *testing.T) {
	code, _, stderr := runCLI(t, context.Background(), "sweep", "--width", "256")
	if code != exitUsage || !strings.Contains(stderr, "depth 64") || !strings.Contains(stderr, "too large") {
		t.Errorf("exit %d (want %d), stderr:\n%s", code, exitUsage, stderr)
	}
	if strings.Contains(stderr, "[1/") || strings.Contains(stderr, "runs on") {
		t.Errorf("started training before finding the too-large run:\n%s", stderr)
	}
}

func TestCLIInterruptedSweepFails(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	code, _, stderr := runCLI(t, ctx, tinySweep...)
	if code != exitFailure || !strings.Contains(stderr, "interrupted") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
}

func TestCLIBadFlagsExplainAndExitNonZero(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"sweep", "--depths", "2,x"}, `--depths: "x" is not a whole number`},
		{[]string{"sweep", "--depths", "2,129"}, "1 to 128 blocks"},
		{[]string{"sweep", "--depths", "0"}, "1 to 128 blocks"},
		{[]string{"sweep", "--depths", "2,", "4"}, "without spaces"},
		{[]string{"sweep", "--depths", "4,4"}, "depth 4 is listed twice"},
		{[]string{"sweep", "--seeds", "-1"}, "--seeds"},
		{[]string{"sweep", "--steps", "0"}, "--steps must be at least 1"},
		{[]string{"sweep", "--workers", "-2"}, "--workers"},
		{[]string{"sweep", "--dataset", "mnist"}, `"mnist" is not one of`},
		{[]string{"sweep", "--bogus"}, "flag provided but not defined: -bogus"},
		{[]string{"train", "--steps", "-5"}, "--steps must be at least 1"},
		{[]string{"train", "--depth", "0"}, "--depth"},
		{[]string{"train", "--lr", "0"}, "lr: must be > 0"},
		{[]string{"train", "--spec", "zz=1"}, `unknown key "zz"`},
		{[]string{"train", "--every", "-1"}, "--every"},
		{[]string{"train", "extra"}, `unexpected argument "extra"`},
	} {
		code, _, stderr := runCLI(t, context.Background(), tc.args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want %d", tc.args, code, exitUsage)
		}
		if !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: stderr lacks %q:\n%s", tc.args, tc.want, stderr)
		}
	}
}

// Every message names its command once: "train: unexpected argument", not "train: train: …".
func TestCLIErrorsNameTheCommandOnce(t *testing.T) {
	for _, args := range [][]string{{"train", "extra"}, {"sweep", "--depths", "2,", "4"}, {"train", "--lr", "0"}, {"sweep", "--depths", "4,4"}} {
		_, _, stderr := runCLI(t, context.Background(), args...)
		if first := strings.SplitN(stderr, "\n", 2)[0]; strings.Count(first, args[0]+":") != 1 {
			t.Errorf("%v: %q names the command %d times, want once", args, first, strings.Count(first, args[0]+":"))
		}
	}
}

func TestCLITrainPrintsProgressAndAFinalSummary(t *testing.T) {
	code, stdout, stderr := runCLI(t, context.Background(),
		"train", "--steps", "25", "--every", "10", "--depth", "2", "--residual", "--points", "100")
	if code != exitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	for _, want := range []string{"b=16x2r*2", "n=100", "2 residual blocks"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the run's description lacks %q:\n%s", want, stdout)
		}
	}
	var steps []string
	for line := range strings.SplitSeq(stdout, "\n") {
		if f := strings.Fields(line); len(f) == 5 && f[0] != "step" {
			steps = append(steps, f[0])
		}
	}
	if strings.Join(steps, ",") != "10,20,25" {
		t.Errorf("progress at steps %v, want 10,20,25:\n%s", steps, stdout)
	}
	if !strings.Contains(stdout, "final (step 25)") && !strings.Contains(stdout, "diverged at step") {
		t.Errorf("no final summary:\n%s", stdout)
	}
}

func TestCLITrainFlagsChangeOnlyWhatTheyNameInTheSpec(t *testing.T) {
	code, stdout, stderr := runCLI(t, context.Background(),
		"train", "--spec", "d=circles&b=8x1r*3&n=100", "--lr", "0.01", "--steps", "1", "--every", "0")
	if code != exitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	for _, want := range []string{"d=circles", "b=8x1r*3", "lr=0.01", "o=adam"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("spec line lacks %q:\n%s", want, stdout)
		}
	}
	code, stdout, _ = runCLI(t, context.Background(),
		"train", "--spec", "b=8x1r*3&n=100", "--residual=false", "--steps", "1", "--every", "0")
	if code != exitOK || !strings.Contains(stdout, "b=8x1p*3") {
		t.Errorf("--residual=false over a residual spec: exit %d\n%s", code, stdout)
	}
}
