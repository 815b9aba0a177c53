package ui

import "strconv"

// DigitsLoading says how far the digits file's fetch got, or why it failed, wherever a view
// waits for the digits (the single view's panel and the twins).
type DigitsLoading struct {
	App *App
}

// PercentText is the digits file's fetched share, in percent.
func (c *DigitsLoading) PercentText() string {
	return strconv.Itoa(int(100 * c.App.DigitsLoad.Fraction))
}
