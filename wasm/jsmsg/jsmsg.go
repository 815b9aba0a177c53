//go:build js && wasm

package jsmsg

import (
	"syscall/js"

	"resnetplayground/proto"
)

// ToJS turns m into a plain JS object and lists the buffers of its typed arrays, to be
// transferred with it (postMessage(msg, transfer)) rather than copied.
func ToJS(m proto.Message) (msg js.Value, transfer []any) {
	obj := make(map[string]any, len(m))
	for k, v := range m {
		switch v := v.(type) {
		case []float32:
			arr := float32Array(v)
			obj[k], transfer = arr, append(transfer, arr.Get("buffer"))
		case []float64:
			arr := float64Array(v)
			obj[k], transfer = arr, append(transfer, arr.Get("buffer"))
		case []byte:
			arr := uint8Array(v)
			obj[k], transfer = arr, append(transfer, arr.Get("buffer"))
		case []string:
			list := make([]any, len(v))
			for i, s := range v {
				list[i] = s
			}
			obj[k] = list
		default:
			obj[k] = v // numbers, strings and booleans, which js.ValueOf takes as they are
		}
	}
	return js.ValueOf(obj), transfer
}

// FromJS reads a message as postMessage delivered it: numbers become float64s, Float32Array,
// Float64Array and Uint8Array become []float32, []float64 and []byte, and an array of
// strings a []string. Anything else, or a value that is not an object, is left out.
func FromJS(v js.Value) proto.Message {
	m := proto.Message{}
	if v.Type() != js.TypeObject {
		return m
	}
	keys := js.Global().Get("Object").Call("keys", v)
	for i := range keys.Length() {
		k := keys.Index(i).String()
		if x, ok := fromJS(v.Get(k)); ok {
			m[k] = x
		}
	}
	return m
}

func fromJS(v js.Value) (any, bool) {
	switch v.Type() {
	case js.TypeNumber:
		return v.Float(), true
	case js.TypeString:
		return v.String(), true
	case js.TypeBoolean:
		return v.Bool(), true
	case js.TypeObject:
		g := js.Global()
		switch {
		case v.InstanceOf(g.Get("Float32Array")):
			return proto.BytesFloat32(nil, typedBytes(v)), true
		case v.InstanceOf(g.Get("Float64Array")):
			return proto.BytesFloat64(nil, typedBytes(v)), true
		case v.InstanceOf(g.Get("Uint8Array")):
			return typedBytes(v), true
		case g.Get("Array").Call("isArray", v).Bool():
			strs := make([]string, v.Length())
			for i := range strs {
				if e := v.Index(i); e.Type() == js.TypeString {
					strs[i] = e.String()
				}
			}
			return strs, true
		}
	}
	return nil, false
}

func float32Array(f []float32) js.Value {
	u8 := uint8Array(proto.Float32Bytes(make([]byte, 0, 4*len(f)), f))
	return js.Global().Get("Float32Array").New(u8.Get("buffer"))
}

func float64Array(f []float64) js.Value {
	u8 := uint8Array(proto.Float64Bytes(make([]byte, 0, 8*len(f)), f))
	return js.Global().Get("Float64Array").New(u8.Get("buffer"))
}

func uint8Array(b []byte) js.Value {
	u8 := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(u8, b)
	return u8
}

// typedBytes copies the bytes of a typed array into Go.
func typedBytes(arr js.Value) []byte {
	u8 := js.Global().Get("Uint8Array").New(arr.Get("buffer"), arr.Get("byteOffset"), arr.Get("byteLength"))
	b := make([]byte, u8.Length())
	js.CopyBytesToGo(b, u8)
	return b
}
