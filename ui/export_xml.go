package ui

import "strings"

// escapeXML escapes text for an SVG or HTML attribute or element. (The html package would
// do, but strings.Replacer keeps the wasm from carrying another package for five characters.)
var xmlEscaper = strings.NewReplacer(`&`, "&amp;", `'`, "&#39;", `<`, "&lt;", `>`, "&gt;", `"`, "&#34;")

func escapeXML(s string) string { return xmlEscaper.Replace(s) }
