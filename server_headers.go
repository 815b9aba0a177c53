package main

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// The headers a careful static host sends with the site, beside the content type and the
// caching ones: the server sets them, and `make dist` writes them to dist/_headers (the
// format Netlify and Cloudflare Pages read) for other hosts to copy.
//
// The Content-Security-Policy allows what the page does and nothing more. Scripts come from
// the site, plus the inline <script>s of the page itself by their hashes; 'unsafe-eval'
// because Vugu's renderer installs its JavaScript helper with eval, and 'wasm-unsafe-eval'
// to compile main.wasm; no inline event handler attributes. Styles may be inline (the page
// sets style attributes); pictures may be data: and blob: URLs (the PNG export draws the
// charts through one), and so may fetches (of an export, before it downloads). index.html may only
// be framed by the site itself (the embed dialog's preview frames embed.html, not it);
// embed.html exists to be framed by any site.

// embedPage is the page made to be framed anywhere.
const embedPage = "embed.html"

// cspFor is the Content-Security-Policy of the HTML page name (a file name, e.g. index.html)
// whose content is html.
func cspFor(name string, html []byte) string {
	scripts := []string{"'self'", "'unsafe-eval'", "'wasm-unsafe-eval'"}
	scripts = append(scripts, inlineScriptHashes(html)...)
	ancestors := "'self'"
	if name == embedPage {
		ancestors = "*"
	}
	return strings.Join([]string{
		"default-src 'self'",
		"script-src " + strings.Join(scripts, " "),
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' data: blob:",
		"connect-src 'self' data: blob:",
		"worker-src 'self' blob:",
		"object-src 'none'",
		"base-uri 'none'",
		"form-action 'none'",
		"frame-ancestors " + ancestors,
	}, "; ")
}

// pageHeaders are the extra headers of the file name (a file name) with content body.
func pageHeaders(name string, body []byte) map[string]string {
	h := map[string]string{"Referrer-Policy": "no-referrer"}
	if filepath.Ext(name) != ".html" {
		return h
	}
	h["Content-Security-Policy"] = cspFor(name, body)
	if name != embedPage {
		h["X-Frame-Options"] = "SAMEORIGIN" // frame-ancestors for browsers that predate it
	}
	return h
}

var inlineScript = regexp.MustCompile(`(?s)<script>(.*?)</script>`)

// inlineScriptHashes lists the CSP sources ('sha256-…') of html's inline scripts.
func inlineScriptHashes(html []byte) []string {
	var out []string
	for _, m := range inlineScript.FindAllSubmatch(html, -1) {
		sum := sha256.Sum256(m[1])
		out = append(out, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
	}
	return out
}

// writeHostHeaders writes dir/_headers: the headers above for each HTML page of dir, and the
// ones every file gets, in the _headers format (a path, then indented "Name: value" lines).
func writeHostHeaders(dir string) error {
	pages, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString("# Headers for a static host (Netlify / Cloudflare Pages format), written by `make dist`.\n")
	b.WriteString("# Paths are from the site's root: prefix them when the site lives under a sub-path.\n")
	fmt.Fprintf(&b, "/*\n  Referrer-Policy: no-referrer\n  X-Content-Type-Options: nosniff\n")
	for _, page := range pages {
		body, err := os.ReadFile(page)
		if err != nil {
			return err
		}
		name := filepath.Base(page)
		h := pageHeaders(name, body)
		paths := []string{"/" + name}
		if name == "index.html" {
			paths = append(paths, "/")
		}
		keys := make([]string, 0, len(h))
		for k := range h {
			if k != "Referrer-Policy" { // every file has it, from /* above
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, p := range paths {
			b.WriteString(p + "\n")
			for _, k := range keys {
				fmt.Fprintf(&b, "  %s: %s\n", k, h[k])
			}
		}
	}
	return writeAtomic(filepath.Join(dir, "_headers"), []byte(b.String()))
}
