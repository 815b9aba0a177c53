package lab

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

// LandscapeConfig's JSON is written by hand (minjson): it must be what json.Marshal makes of
// the tags, and every field must come back, so a field added to the struct and forgotten
// here fails this test.
func TestLandscapeConfigJSONMatchesStructTagsAndRoundTrips(t *testing.T) {
	type tagsOnly LandscapeConfig
	every := LandscapeConfig{}
	v := reflect.ValueOf(&every).Elem()
	for i := range v.NumField() { // a distinct value in every field
		switch f := v.Field(i); f.Kind() {
		case reflect.Int:
			f.SetInt(int64(3 + i))
		case reflect.Uint64:
			f.SetUint(uint64(1<<60 + i))
		case reflect.Float64:
			f.SetFloat(0.25 + float64(i))
		default:
			t.Fatalf("field %s of kind %s: teach MarshalJSON and UnmarshalJSON (and this test) about it", v.Type().Field(i).Name, f.Kind())
		}
	}
	for _, c := range []LandscapeConfig{every, DefaultLandscape(), {}} {
		got, err := c.MarshalJSON()
		want, _ := json.Marshal(tagsOnly(c))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("MarshalJSON = %s (%v), struct tags %s", got, err, want)
		}
		var back LandscapeConfig
		if err := back.UnmarshalJSON(got); err != nil || back != c {
			t.Errorf("round trip of %+v gave %+v, %v", c, back, err)
		}
	}
	c := DefaultLandscape()
	if err := c.UnmarshalJSON([]byte(`{"grid": 5, "span": null}`)); err != nil || c.Grid != 5 || c.Span != DefaultLandscape().Span {
		t.Errorf("a partial object gave %+v, %v; want the others left at their defaults", c, err)
	}
	if err := c.UnmarshalJSON([]byte(`{"grid": "5"}`)); err == nil {
		t.Error("a string grid was accepted")
	}
}
