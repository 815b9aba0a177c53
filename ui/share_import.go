package ui

import (
	"errors"
	"strings"

	"resnetplayground/lab"
)

// ImportSpec replaces the experiment with the Spec in a JSON text (as SpecJSON writes it, or
// any subset of its fields) and restarts, paused. When the text is not a valid Spec it
// changes nothing and returns the problems, one per field.
func (a *App) ImportSpec(text string) []string {
	if strings.TrimSpace(text) == "" {
		return []string{"paste a Spec's JSON or choose a .json file first"}
	}
	s, err := lab.ParseJSON([]byte(text))
	if err != nil {
		var se *lab.SpecError
		if errors.As(err, &se) {
			msgs := make([]string, len(se.Fields))
			for i, f := range se.Fields {
				msgs[i] = f.Error()
			}
			return msgs
		}
		return []string{err.Error()}
	}
	a.LoadHash(s.String())
	return nil
}
