package lab

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// The lists a sweep takes, read the same way by the command line (--depths, --seeds) and by
// the page (its sweep form and its address): items separated by commas, spaces or
// semicolons, each listed once, in the order given.

// ParseDepths reads a list of depths such as "2,4,8" or "2, 4 8": numbers of blocks, each
// in DepthField's range.
func ParseDepths(text string) ([]int, error) {
	var depths []int
	for _, item := range SplitList(text) {
		d, err := strconv.Atoi(item)
		switch {
		case err != nil:
			return nil, fmt.Errorf("%q is not a whole number of blocks", item)
		case d < int(DepthField.Min) || d > int(DepthField.Max):
			return nil, fmt.Errorf("depth %d is out of range: a network has %s blocks", d, strings.Replace(DepthField.Range(), "..", " to ", 1))
		case slices.Contains(depths, d):
			return nil, fmt.Errorf("depth %d is listed twice", d)
		}
		depths = append(depths, d)
	}
	if len(depths) == 0 {
		return nil, errors.New("list at least one depth, e.g. 2, 8, 32")
	}
	return depths, nil
}

// ParseSeeds reads a list of seeds such as "1,2,3": whole numbers from 0 to 2⁶⁴−1.
func ParseSeeds(text string) ([]uint64, error) {
	var seeds []uint64
	for _, item := range SplitList(text) {
		s, err := strconv.ParseUint(item, 10, 64)
		switch {
		case err != nil:
			return nil, fmt.Errorf("%q is not a seed (%s)", item, FieldNamed("seed").Range())
		case slices.Contains(seeds, s):
			return nil, fmt.Errorf("seed %d is listed twice", s)
		}
		seeds = append(seeds, s)
	}
	if len(seeds) == 0 {
		return nil, errors.New("list at least one seed, e.g. 1 or 1, 2, 3")
	}
	return seeds, nil
}

// SplitList splits a list typed with commas, spaces or semicolons into its items; empty
// items are dropped.
func SplitList(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ' ' || r == ';' || r == '\t' })
}
