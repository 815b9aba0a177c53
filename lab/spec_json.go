package lab

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
)

// ParseJSON reads a Spec from JSON and validates it. Fields the JSON leaves out keep their
// Default values, so {"blocks": [...]} alone is a complete experiment; unknown fields are
// rejected, since a misspelt field silently falling back to its default would run a
// different experiment from the one asked for. A block listed in the JSON must give its
// width and layers: a block left half-empty fails validation instead of inheriting values.
func ParseJSON(b []byte) (Spec, error) {
	s := Default()
	defaultBlocks := s.Blocks
	// Decoding into the default slice would reuse its elements, so a block that omits a
	// field would silently inherit it from the default block at the same index.
	s.Blocks = nil

	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return Spec{}, jsonError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return Spec{}, errors.New("spec JSON: unexpected data after the object")
	}
	if s.Blocks == nil { // absent or null; [] stays empty and fails validation
		s.Blocks = defaultBlocks
	}
	if err := s.Validate(); err != nil {
		return Spec{}, err
	}
	return s, nil
}

// jsonError names the field when a JSON value has the wrong type, so a form can show it.
func jsonError(err error) error {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) && typeErr.Field != "" {
		e := &SpecError{}
		e.add(typeErr.Field, "must be %s, got JSON %s", jsonKind(typeErr.Type), typeErr.Value)
		return e
	}
	return fmt.Errorf("spec JSON: %w", err)
}

// jsonKind names, in JSON terms, what a value of Go type t looks like.
func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Int, reflect.Int64, reflect.Uint64:
		return "a whole number"
	case reflect.Float64:
		return "a number"
	case reflect.Bool:
		return "true or false"
	case reflect.String:
		return "a string"
	case reflect.Slice:
		return "a list"
	case reflect.Struct:
		return "an object"
	}
	return t.String()
}
