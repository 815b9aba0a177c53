package ui

import (
	"resnetplayground/proto"
	"strings"
	"testing"
)

func TestSingleViewKnockOut(t *testing.T) {
	a, h := appWith(t, "b=16x2p*4")
	a.Select(2)
	k := &KnockOut{App: a}
	if k.OneLabel() != "Knock out block 3" {
		t.Errorf("button %q, want it to name the selected block", k.OneLabel())
	}
	k.one()
	if c := lastSent(t, h); c.Kind != proto.CmdLesion || c.Block != 2 || c.Gen != a.Gen {
		t.Errorf("sent %+v; want a lesion of block index 2 of this run", c)
	}
	k.scan()
	if c := lastSent(t, h); c.Block != proto.LesionAll {
		t.Errorf("the scan asked for block %d, want LesionAll", c.Block)
	}

	a.ReceiveLesion(proto.LesionReport{Gen: a.Gen - 1, Err: "old"})
	if a.Lesion != nil {
		t.Error("a lesion of a replaced run was kept")
	}
	a.ReceiveLesion(proto.LesionReport{Gen: a.Gen, Intact: proto.LesionResult{TestAcc: 0.98},
		Results: []proto.LesionResult{{Block: 0, TestAcc: 0.5}, {Block: 1, TestAcc: 0.6}, {Block: 2, TestAcc: 0.7}, {Block: 3, TestAcc: 0.9}}})
	if s := LesionText(a.Lesion); !strings.Contains(s, "intact 98.0%") || !strings.Contains(s, "50.0% at worst") {
		t.Errorf("summary %q", s)
	}
	series := k.Series()
	if len(series) != 2 || len(series[0].X) != 4 || series[1].Y[0] != 0.98 {
		t.Errorf("chart %+v; want the scan's 4 points and the intact line", series)
	}
	doc := render(t, &KnockOut{App: a})
	if len(findAll(doc, "knockout-result")) != 1 {
		t.Error("the lesion's result is not shown")
	}

	a.Reset()
	if a.Lesion != nil {
		t.Error("a reset kept the old network's lesion")
	}
}
