package ui

import "resnetplayground/ui/export"

// The single run's downloads, in the formats of package export.

// MetricsRows is the run's history, a row per recorded step.
func (a *App) MetricsRows() []export.MetricsRow {
	trainLen := 0
	if a.Train != nil {
		trainLen = a.Train.Len()
	}
	rows := export.Metrics(a.History, a.Spec.Batch, trainLen)
	for i := range rows {
		rows[i].LR = a.LRAt(rows[i].Step)
	}
	return rows
}

// MetricsCSV is the history as CSV; MetricsJSON the same with the Spec that produced it.
func (a *App) MetricsCSV() []byte { return export.MetricsCSV(a.MetricsRows()) }

func (a *App) MetricsJSON() []byte { return export.MetricsJSON(a.Spec, a.MetricsRows()) }

// SpecJSON is the Spec as the indented JSON that ImportSpec reads back.
func (a *App) SpecJSON() []byte { return export.SpecJSON(a.Spec) }
