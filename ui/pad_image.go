package ui

import "math"

// PadImage turns a drawing (the alpha channel of a w×h canvas, one byte per pixel) into a
// side×side image in [0, 1] the way MNIST's digits were made: the ink's bounding box scaled
// to fit a box of 20/28 of the side, its centre of mass at the centre. Without that, a digit
// drawn small or in a corner looks like nothing the network has seen. It returns nil for an
// empty drawing.
func PadImage(alpha []byte, w, h, side int) []float32 {
	x0, y0, x1, y1 := w, h, -1, -1
	var mass, mx, my float64
	for y := range h {
		for x, a := range alpha[y*w : y*w+w] {
			if a == 0 {
				continue
			}
			x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
			v := float64(a)
			mass += v
			mx += v * (float64(x) + 0.5)
			my += v * (float64(y) + 0.5)
		}
	}
	if mass == 0 {
		return nil
	}
	mx, my = mx/mass, my/mass
	fit := float64(side) * 20 / 28
	scale := fit / float64(max(x1-x0+1, y1-y0+1))
	// Each canvas pixel lands, scaled, around the image's centre; its ink is spread over the
	// image pixel it falls in, weighted by the area it covers there.
	out := make([]float32, side*side)
	centre, area := float64(side)/2, scale*scale
	for y := y0; y <= y1; y++ {
		ty := int(math.Floor((float64(y)+0.5-my)*scale + centre))
		if ty < 0 || ty >= side {
			continue
		}
		for x := x0; x <= x1; x++ {
			a := alpha[y*w+x]
			tx := int(math.Floor((float64(x)+0.5-mx)*scale + centre))
			if a == 0 || tx < 0 || tx >= side {
				continue
			}
			out[ty*side+tx] += float32(float64(a) / 255 * area)
		}
	}
	for i, v := range out {
		out[i] = min(v, 1)
	}
	return out
}
