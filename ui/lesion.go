package ui

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// A lesion removes one block's branch from a trained network (the block passes its input
// through unchanged) and measures what is left, without touching the running network. In a
// plain net every block is a link in a single chain, so removing any one of them breaks it;
// a residual net behaves like many paths of different lengths, and losing one block costs
// little (Veit et al. 2016).

// CmdLesion asks a worker to measure its network with Block removed; a Block below zero
// removes each block in turn. The answer is a LesionReport.
const CmdLesion CommandKind = "lesion"

// LesionAll in Command.Block asks for every block in turn.
const LesionAll = -1

// LesionReport is a worker's answer to CmdLesion.
type LesionReport struct {
	Gen     int
	Step    int            // when the network was measured
	Intact  LesionResult   // the network as it is (Block is -1)
	Results []LesionResult // one per block removed, in block order
	Err     string
}

// LesionResult is the network's accuracy with Block removed. Err says why a block could not
// be removed (a width-changing block without a shortcut carries the signal on alone).
type LesionResult struct {
	Block             int
	TrainAcc, TestAcc float64
	Err               string
}

// KnockOut asks both twins how they do without block LesionBlock.
func (t *TwinRun) KnockOut() { t.lesion(t.LesionBlock) }

// LesionScan asks both twins how they do without each block in turn.
func (t *TwinRun) LesionScan() { t.lesion(LesionAll) }

func (t *TwinRun) lesion(block int) {
	for _, a := range t.Side {
		a.host.Send(Command{Kind: CmdLesion, Gen: a.Gen, Block: block})
	}
}

// SetLesionBlock chooses the block to knock out from the 1-based number typed.
func (t *TwinRun) SetLesionBlock(text string) {
	n, err := strconv.Atoi(strings.TrimSpace(text))
	if err != nil {
		return
	}
	t.LesionBlock = min(max(n-1, 0), len(t.Side[Plain].Spec.Blocks)-1)
}

// ReceiveLesion takes a twin's lesion answer.
func (c *Compare) ReceiveLesion(side int, r LesionReport) {
	t := c.Twins
	if t == nil || side < 0 || side > 1 || r.Gen != t.Side[side].Gen {
		return
	}
	t.Lesion[side] = &r
}

// LesionSummary says in words what the latest lesion of one twin showed.
func (t *TwinRun) LesionSummary(side int) string {
	r := t.Lesion[side]
	switch {
	case r == nil:
		return "–"
	case r.Err != "":
		return r.Err
	}
	intact := "intact " + Percent(r.Intact.TestAcc)
	ok := r.usable()
	switch len(ok) {
	case 0:
		if len(r.Results) == 1 {
			return intact + "; block " + strconv.Itoa(r.Results[0].Block+1) + ": " + r.Results[0].Err
		}
		return intact + "; no block could be removed"
	case 1:
		return fmt.Sprintf("%s → without block %d: %s", intact, ok[0].Block+1, Percent(ok[0].TestAcc))
	}
	mean, worst := 0.0, math.Inf(1)
	for _, x := range ok {
		mean += x.TestAcc / float64(len(ok))
		worst = min(worst, x.TestAcc)
	}
	return fmt.Sprintf("%s → one block removed: %s on average, %s at worst", intact, Percent(mean), Percent(worst))
}

func (r *LesionReport) usable() []LesionResult {
	var ok []LesionResult
	for _, x := range r.Results {
		if x.Err == "" {
			ok = append(ok, x)
		}
	}
	return ok
}

// LesionSeries is the scan's chart: test accuracy with each block removed, one line per
// twin; a single knock-out draws as one point.
func (t *TwinRun) LesionSeries() []Series {
	var out []Series
	for side, r := range t.Lesion {
		s := Series{Name: TwinNames[side] + " without block", Class: "twin-" + TwinNames[side]}
		if r != nil {
			for _, x := range r.usable() {
				s.X = append(s.X, float64(x.Block+1))
				s.Y = append(s.Y, x.TestAcc)
			}
		}
		out = append(out, s)
	}
	for side, r := range t.Lesion {
		if r == nil || len(r.Results) < 2 {
			continue
		}
		// The intact network's accuracy, as a flat dashed line to compare against.
		n := float64(len(r.Results))
		out = append(out, Series{Name: TwinNames[side] + " intact", Class: "twin-" + TwinNames[side] + " intact",
			X: []float64{1, n}, Y: []float64{r.Intact.TestAcc, r.Intact.TestAcc}})
	}
	return out
}

// HasScan reports whether either twin has answered a scan of every block.
func (t *TwinRun) HasScan() bool {
	for _, r := range t.Lesion {
		if r != nil && len(r.Results) > 1 {
			return true
		}
	}
	return false
}
