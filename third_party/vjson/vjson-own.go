package vjson

// This copy of github.com/vugu/vjson (v0.0.0-20200505061711-f9cbed27d3d9) differs from the
// original in one thing: Marshal and Unmarshal always use the package's own small codec, as
// the original does only under TinyGo, instead of encoding/json. The page's main.wasm then
// carries no encoding/json (about 100 KB of brotli transfer with our own JSON code moved off
// it too). Vugu calls Marshal only for the bool and string values of its generated
// property bindings and Unmarshal only for its event data (objects of strings, numbers,
// bools), which the small codec handles. See third_party/README.md.

func Marshal(v interface{}) ([]byte, error) {
	return marshal(v)
}

func Unmarshal(data []byte, v interface{}) error {
	return unmarshal(data, v)
}
