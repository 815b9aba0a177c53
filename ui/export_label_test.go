package ui

import (
	"regexp"
	"strings"
	"testing"

	"resnetplayground/lab"
	"resnetplayground/proto"
)

func TestExperimentLabelSaysWhatTheFigureShows(t *testing.T) {
	s := lab.Default()
	if got, want := ExperimentLabel(s, 1200), "spiral, 600 points, noise 0.1 · 24 blocks, no shortcuts · Adam, lr 0.003, batch 32, seed 1 · step 1,200"; got != want {
		t.Errorf("default at step 1200:\n got %q\nwant %q", got, want)
	}
	s.Blocks[3].Shortcut = true
	s.BatchNorm = true
	if got := ExperimentLabel(s, -1); !strings.Contains(got, "24 blocks, 1 shortcuts, batch norm") || strings.Contains(got, "step") {
		t.Errorf("one shortcut, batch norm, no step: %q", got)
	}
	s.Blocks = lab.Uniform(3, 16, 2, true)
	if got := ExperimentLabel(s, 0); !strings.Contains(got, "3 blocks, all shortcuts") {
		t.Errorf("all shortcuts: %q", got)
	}
	if got := ExperimentLabel(lab.DigitsDefault(), 5); !strings.HasPrefix(got, "digits (14×14 images) · ") || !strings.Contains(got, "convolutional blocks") {
		t.Errorf("digits: %q", got)
	}
}

// captionOf is the text of an SVG's caption strip, its lines joined by " · ".
func captionOf(t *testing.T, svg string) string {
	t.Helper()
	var lines []string
	for _, m := range regexp.MustCompile(`<text class="caption"[^>]*>([^<]*)</text>`).FindAllStringSubmatch(svg, -1) {
		lines = append(lines, m[1])
	}
	if lines == nil {
		t.Fatalf("no caption strip in\n%s", svg)
	}
	return strings.Join(lines, " · ")
}

func TestExportedChartsCarryACaptionStrip(t *testing.T) {
	a, _ := trainedApp(6)
	a.Metrics.Step = 60
	svg, w, h := a.ChartsSVG()
	if h != int(chartH)+24+captionPad+captionLine {
		t.Errorf("the charts are %d×%d; want a one-line caption strip below the %g of the charts and their heads", w, h, chartH+24)
	}
	want := escapeXML(ExperimentLabel(a.Spec, 60))
	if got := captionOf(t, svg); got != want {
		t.Errorf("caption %q; want %q", got, want)
	}
	if !strings.Contains(want, "3 blocks, all shortcuts") || !strings.Contains(want, "step 60") {
		t.Errorf("the label %q should name the network and the step", want)
	}
}

func TestExportedSweepCarriesACaptionStrip(t *testing.T) {
	jobs, err := SweepJobs(lab.Default(), []int{2, 8}, []uint64{1, 2}, 10)
	if err != nil {
		t.Fatal(err)
	}
	r := &SweepRun{Jobs: jobs, Points: make([]proto.SweepPoint, len(jobs)), Classes: 2}
	r.Points[0] = proto.SweepPoint{Step: 10, Done: true, TrainAcc: 0.9, TestAcc: 0.8}
	svg, _, h, err := sweepFile(r, "svg")
	if err != nil {
		t.Fatal(err)
	}
	if h != int(sweepH)+sweepHead+captionPad+2*captionLine {
		t.Errorf("the sweep figure is %d tall; want room for its caption", h)
	}
	got := captionOf(t, string(svg))
	for _, want := range []string{"depth sweep: spiral", "depths 2–8, plain and residual", "2 seeds", "10 steps per run"} {
		if !strings.Contains(got, want) {
			t.Errorf("the sweep's caption %q lacks %q", got, want)
		}
	}
}

// A caption longer than the strip is cut with an ellipsis rather than running off the picture.
func TestALongCaptionIsCut(t *testing.T) {
	var b strings.Builder
	writeCaption(&b, 0, 200, strings.Repeat("x", 500))
	got := captionOf(t, b.String())
	if n := len([]rune(got)); n > 40 || !strings.HasSuffix(got, "…") {
		t.Errorf("a 500-character caption in 200 units came out %d characters: %q", n, got)
	}
	// Parts go to a second line whole; a third line's parts join the second, cut.
	lines := captionLines(200, "aaaaaaaaaaaaaaaaaaaa · bbbbbbbbbbbbbbbbbbbb · cccccccccccccccccccc · dddddddddddddddddddddd")
	if len(lines) != 2 || lines[0] != "aaaaaaaaaaaaaaaaaaaa" || !strings.HasPrefix(lines[1], "bbbbbbbbbbbbbbbbbbbb · ") || !strings.HasSuffix(lines[1], "…") {
		t.Errorf("lines %q", lines)
	}
}
