package ui

import "resnetplayground/ui/link"

import "resnetplayground/proto"

// Root is the page: header, notice, toolbar, the three columns of the demo and the text.
type Root struct {
	App     *App
	Compare *Compare // the twin and sweep views; nil shows only the single view
	Browser Browser  // clipboard and downloads for Share/Export/Embed; nil in static renders
}

// Showing reports whether view v is on screen.
func (c *Root) Showing(v link.View) bool {
	if c.Compare == nil {
		return v == link.ViewSingle
	}
	return c.Compare.View == v
}

// LossSeries and AccSeries are the charts' lines.
func (c *Root) LossSeries() []Series {
	return c.series(func(s proto.Sample) (float64, float64) { return s.TrainLoss, s.TestLoss })
}

func (c *Root) AccSeries() []Series {
	return c.series(func(s proto.Sample) (float64, float64) { return s.TrainAcc, s.TestAcc })
}

func (c *Root) series(pick func(proto.Sample) (train, test float64)) []Series {
	h := c.App.History
	x := make([]float64, len(h))
	train := make([]float64, len(h))
	test := make([]float64, len(h))
	for i, s := range h {
		x[i] = s.Step
		train[i], test[i] = pick(s)
	}
	return []Series{
		{Name: "train", Class: "train", X: x, Y: train},
		{Name: "test", Class: "test", X: x, Y: test},
	}
}

func (c *Root) dismissNotice() { c.App.DismissNotice() }
