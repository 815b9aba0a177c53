package ui

import "resnetplayground/ui/export"

// escapeXML escapes text for an SVG or HTML attribute or element (the diagram's markup, the
// embed snippet, the exported figures).
func escapeXML(s string) string { return export.EscapeXML(s) }
