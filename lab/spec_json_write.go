package lab

import (
	"strconv"

	"resnetplayground/internal/minjson"
)

// MarshalJSON writes s as compact JSON, a member per field of Fields in their order (which
// is the struct's), the seed as a string and the blocks as a list ([] or null when there are
// none, as json.Marshal writes an empty or nil slice). encoding/json calls it too, so the
// CLI and the page write the same bytes; it fails only on a NaN or infinite number.
func (s Spec) MarshalJSON() ([]byte, error) {
	var o minjson.Object
	for _, f := range Fields {
		switch f.Kind {
		case Choice:
			o.String(f.Name, *f.str(&s))
		case Int:
			o.Int(f.Name, *f.int(&s))
		case Float:
			o.Float(f.Name, *f.float(&s))
		case Bool:
			o.Bool(f.Name, *f.bool(&s))
		case Seed:
			o.String(f.Name, strconv.FormatUint(*f.seed(&s), 10))
		case BlockList:
			o.Raw(f.Name, blocksJSONText(s.Blocks))
		}
	}
	return o.Bytes()
}

// blocksJSONText is the blocks' JSON list: [{"width":16,"layers":2,"shortcut":true},…].
func blocksJSONText(blocks []BlockSpec) []byte {
	var items [][]byte
	if blocks != nil {
		items = make([][]byte, 0, len(blocks))
	}
	for _, b := range blocks {
		var o minjson.Object
		o.Int("width", b.Width)
		o.Int("layers", b.Layers)
		o.Bool("shortcut", b.Shortcut)
		item, _ := o.Bytes() // whole numbers and a bool: cannot fail
		items = append(items, item)
	}
	return minjson.List(items)
}
