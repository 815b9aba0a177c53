package e2e

import (
	"bytes"
	"encoding/base64"
	"image/png"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// checkCaptionStrip checks that an exported PNG carries the experiment's label drawn into
// it, not only in the SVG's text: the picture is the SVG's size at scale 2, and the caption
// strip at its bottom (below the charts) has dark text pixels. svg is the same figure's
// SVG export, whose caption names the experiment.
func checkCaptionStrip(t *testing.T, d download, svg string) {
	t.Helper()
	raw, err := base64.StdEncoding.DecodeString(d.Base64)
	if err != nil {
		t.Fatalf("the PNG download: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("the PNG does not decode: %v", err)
	}
	m := regexp.MustCompile(`<svg [^>]*height="(\d+)"`).FindStringSubmatch(svg)
	caption := regexp.MustCompile(`<text class="caption"[^>]*y="([\d.]+)"[^>]*>([^<]*)<`).FindStringSubmatch(svg)
	if m == nil || caption == nil {
		t.Fatalf("the SVG export has no height or no caption:\n%s", svg)
	}
	if !strings.Contains(caption[2], "blocks") || !strings.Contains(caption[2], "step") {
		t.Errorf("the caption %q does not name the network and the step", caption[2])
	}
	h, _ := strconv.Atoi(m[1])
	baseline, _ := strconv.ParseFloat(caption[1], 64)
	b := img.Bounds()
	if b.Dy() != 2*h {
		t.Errorf("the PNG is %d px tall; want twice the SVG's %d", b.Dy(), h)
	}
	// The first caption line's glyphs sit in the 10 units above its baseline: 20 px at scale 2.
	dark := 0
	for y := int(2*baseline) - 16; y < int(2*baseline); y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if (r+g+bl)/3 < 0x8000 {
				dark++
			}
		}
	}
	if dark < 200 {
		t.Errorf("the caption strip of the PNG has %d dark pixels; want the label's text drawn there", dark)
	}
}
