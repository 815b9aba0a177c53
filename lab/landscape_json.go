package lab

import (
	"strconv"

	"resnetplayground/internal/minjson"
)

// LandscapeConfig travels from the page to its worker as JSON (proto's CmdLandscape). It is
// written and read here, beside the struct, with minjson rather than encoding/json so that
// main.wasm need not carry encoding/json; landscape_json_test.go holds it to the struct tags.

// MarshalJSON writes c as json.Marshal writes it from its tags (at left out when 0).
func (c LandscapeConfig) MarshalJSON() ([]byte, error) {
	var o minjson.Object
	o.Uint("seed", c.Seed)
	o.Int("grid", c.Grid)
	o.Float("span", c.Span)
	o.Int("slice", c.Slice)
	o.Int("line", c.Line)
	if c.At != 0 {
		o.Int("at", c.At)
	}
	return o.Bytes()
}

// UnmarshalJSON sets the members b gives, leaving the others as they are (the defaults, when
// c starts as DefaultLandscape), as json.Unmarshal fills a struct; it does not validate.
func (c *LandscapeConfig) UnmarshalJSON(b []byte) error {
	members, _, err := minjson.Members(b)
	if err != nil {
		return err
	}
	for key, v := range members {
		number, ok, err := minjson.Number(v)
		if err == nil && !ok {
			continue // null leaves the member as it is
		}
		if err == nil {
			switch key {
			case "seed":
				c.Seed, err = strconv.ParseUint(number, 10, 64)
			case "grid":
				c.Grid, err = strconv.Atoi(number)
			case "span":
				c.Span, err = strconv.ParseFloat(number, 64)
			case "slice":
				c.Slice, err = strconv.Atoi(number)
			case "line":
				c.Line, err = strconv.Atoi(number)
			case "at":
				c.At, err = strconv.Atoi(number)
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}
