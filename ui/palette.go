package ui

// The Okabe–Ito palette: distinguishable with every common colour-vision deficiency.
// ClassColors go to the dataset's classes in order, on the heatmap and the points.
var ClassColors = [][3]uint8{
	{0x00, 0x72, 0xB2}, // blue
	{0xE6, 0x9F, 0x00}, // orange
	{0x00, 0x9E, 0x73}, // bluish green
	{0xCC, 0x79, 0xA7}, // reddish purple
	{0xD5, 0x5E, 0x00}, // vermillion
}

// ClassColor is class k's colour as CSS.
func ClassColor(k int) string {
	c := ClassColors[((k%len(ClassColors))+len(ClassColors))%len(ClassColors)]
	const hex = "0123456789ABCDEF"
	b := []byte{'#', 0, 0, 0, 0, 0, 0}
	for i, v := range c {
		b[1+2*i], b[2+2*i] = hex[v>>4], hex[v&15]
	}
	return string(b)
}
