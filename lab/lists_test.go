package lab

import (
	"slices"
	"strings"
	"testing"
)

func TestParseDepthsAndSeeds(t *testing.T) {
	if got, err := ParseDepths(" 2, 4 8;16 "); err != nil || !slices.Equal(got, []int{2, 4, 8, 16}) {
		t.Errorf("ParseDepths = %v, %v", got, err)
	}
	if got, err := ParseDepths("2,4,8"); err != nil || !slices.Equal(got, []int{2, 4, 8}) {
		t.Errorf("ParseDepths(2,4,8) = %v, %v", got, err)
	}
	for bad, want := range map[string]string{
		"": "at least one", ", ,": "at least one", "2, x": `"x" is not a whole number`,
		"0": "1 to 128 blocks", "129": "1 to 128 blocks", "4,4": "depth 4 is listed twice", "2.5": "not a whole number",
	} {
		if _, err := ParseDepths(bad); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseDepths(%q) = %v, want an error containing %q", bad, err, want)
		}
	}
	if got, err := ParseSeeds(" 3, 1;2 18446744073709551615"); err != nil || !slices.Equal(got, []uint64{3, 1, 2, 1<<64 - 1}) {
		t.Errorf("ParseSeeds = %v, %v; want them in the order typed", got, err)
	}
	for bad, want := range map[string]string{
		"": "at least one", " , ": "at least one", "1.5": "not a seed", "-1": "not a seed",
		"1,2,1": "seed 1 is listed twice", "18446744073709551616": "not a seed",
	} {
		if _, err := ParseSeeds(bad); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseSeeds(%q) = %v, want an error containing %q", bad, err, want)
		}
	}
}
