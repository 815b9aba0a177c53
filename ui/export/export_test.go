package export

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"resnetplayground/lab"
	"resnetplayground/proto"
)

func TestMetricsFiles(t *testing.T) {
	history := []proto.Sample{
		{Step: 10, TrainLoss: 0.5, TrainAcc: 0.75, TestLoss: 0.625, TestAcc: 0.5},
		{Step: 20, TrainLoss: math.NaN(), TrainAcc: 0.5, TestLoss: math.Inf(1), TestAcc: 0.5},
	}
	rows := Metrics(history, 32, 320)
	rows[0].LR, rows[1].LR = 0.003, 0.01
	if rows[1].Epoch != 2 || rows[1].TrainLoss != nil || *rows[0].TrainAcc != 0.75 {
		t.Errorf("rows %+v", rows)
	}
	csv := string(MetricsCSV(rows))
	if want := "step,epoch,train_loss,train_acc,test_loss,test_acc,lr\n10,1,0.5,0.75,0.625,0.5,0.003\n20,2,,0.5,,0.5,0.01\n"; csv != want {
		t.Errorf("CSV:\n%s\nwant:\n%s", csv, want)
	}
	var file struct {
		Spec    lab.Spec
		Link    string
		Metrics []MetricsRow
	}
	if err := json.Unmarshal(MetricsJSON(lab.Default(), Metrics(history, 32, 0)), &file); err != nil {
		t.Fatal(err)
	}
	if file.Link != lab.Default().String() || len(file.Metrics) != 2 || file.Metrics[0].Epoch != 0 {
		t.Errorf("JSON: %+v (before the data arrives the epoch is 0, not NaN)", file)
	}
	if s, err := lab.ParseJSON(SpecJSON(lab.Default())); err != nil || s.String() != lab.Default().String() {
		t.Errorf("SpecJSON does not read back: %v", err)
	}
}

func TestSweepFilesAndEscaping(t *testing.T) {
	rows := []SweepRow{{Depth: 8, Residual: true, Seed: 2, Steps: 100, TrainAcc: Finite(0.875), TestLoss: Finite(math.NaN()), Link: "b=16x2r*8"}}
	if got := string(SweepCSV(rows)); !strings.HasSuffix(got, "\n8,true,2,100,0.875,,,,false\n") {
		t.Errorf("sweep CSV:\n%s", got)
	}
	if got := string(SweepJSON(rows)); !strings.Contains(got, `"test_loss": null`) || !strings.Contains(got, `"link": "b=16x2r*8"`) {
		t.Errorf("sweep JSON:\n%s", got)
	}
	if got := EscapeXML(`<a href="x">'&'</a>`); got != "&lt;a href=&#34;x&#34;&gt;&#39;&amp;&#39;&lt;/a&gt;" {
		t.Errorf("EscapeXML = %s", got)
	}
}
