package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// newPrecompressedSite is newTestSite after a build step precompressed it.
func newPrecompressedSite(t *testing.T) (srvURL func(path, ae string) (enc string, body []byte, etag string), dir string) {
	t.Helper()
	srv, dir := newTestSite(t)
	if err := precompress(dir, "br", "gzip"); err != nil {
		t.Fatal(err)
	}
	return func(path, ae string) (string, []byte, string) {
		res, body := get(t, srv, path, ae)
		if res.StatusCode != 200 {
			t.Fatalf("%s (Accept-Encoding %q): status %d", path, ae, res.StatusCode)
		}
		if ct := res.Header.Get("Content-Type"); path == "/main.wasm" && ct != "application/wasm" {
			t.Errorf("%s (Accept-Encoding %q): Content-Type %q, want the original's application/wasm", path, ae, ct)
		}
		if !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
			t.Errorf("%s (Accept-Encoding %q): no Vary: Accept-Encoding", path, ae)
		}
		return res.Header.Get("Content-Encoding"), body, res.Header.Get("ETag")
	}, dir
}

func TestPrecompressWritesSiblings(t *testing.T) {
	_, dir := newTestSite(t)
	if err := precompress(dir, "br", "gzip"); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"main.wasm.br", "main.wasm.gz", "index.html.br", "style.css.gz"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s was not written: %v", name, err)
		}
	}
}

func TestServerNegotiatesPrecompressedFiles(t *testing.T) {
	fetch, dir := newPrecompressedSite(t)
	want, err := os.ReadFile(filepath.Join(dir, "main.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	etags := map[string]string{}
	for _, tc := range []struct{ ae, want string }{
		{"gzip, deflate, br, zstd", "br"},
		{"br", "br"},
		{"br;q=0, gzip", "gzip"},
		{"br;q=0.5, gzip;q=0.9", "gzip"},
		{"gzip;q=0.5, br;q=0.5", "br"}, // a tie goes to the smaller file
		{"*", "br"},
		{"*;q=0.1, br;q=0", "gzip"},
		{"identity", ""},
		{"br;q=0, gzip;q=0", ""},
		{"deflate", ""},
	} {
		enc, body, etag := fetch("/main.wasm", tc.ae)
		if enc != tc.want {
			t.Errorf("Accept-Encoding %q: Content-Encoding %q, want %q", tc.ae, enc, tc.want)
			continue
		}
		got := body
		if enc != "" {
			if got, err = decompress(enc, body); err != nil {
				t.Errorf("Accept-Encoding %q: the %s body does not decode: %v", tc.ae, enc, err)
				continue
			}
			if len(body) >= len(want) {
				t.Errorf("Accept-Encoding %q: %s body (%d bytes) is no smaller than the file (%d)", tc.ae, enc, len(body), len(want))
			}
		}
		if !bytes.Equal(got, want) {
			t.Errorf("Accept-Encoding %q: decoded body differs from main.wasm", tc.ae)
		}
		if prev, ok := etags[enc]; ok && prev != etag {
			t.Errorf("coding %q: ETag changed between requests (%s, %s)", enc, prev, etag)
		}
		etags[enc] = etag
	}
	if etags["br"] == etags["gzip"] || etags["br"] == etags[""] {
		t.Errorf("each encoding needs its own ETag; got %v", etags)
	}
}

// A sibling left over from an older build must never be served for a new file.
func TestServerIgnoresStaleSiblings(t *testing.T) {
	fetch, dir := newPrecompressedSite(t)
	newCSS := []byte(strings.Repeat("p { color: red }\n", 300))
	if err := os.WriteFile(filepath.Join(dir, "style.css"), newCSS, 0o644); err != nil {
		t.Fatal(err)
	}
	// The file clock is coarse: a rewrite just after precompressing can carry the very time
	// of the old sibling. Make that happen every time.
	old, err := os.Stat(filepath.Join(dir, "style.css.br"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(filepath.Join(dir, "style.css"), old.ModTime(), old.ModTime()); err != nil {
		t.Fatal(err)
	}
	enc, body, _ := fetch("/style.css", "br, gzip")
	if enc == "br" {
		t.Fatal("served the old style.css.br for a changed style.css")
	}
	if enc == "gzip" {
		var err error
		if body, err = decompress("gzip", body); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(body, newCSS) {
		t.Error("the body is not the new style.css")
	}

	// Rebuilding the siblings brings brotli back.
	if err := precompress(dir, "br", "gzip"); err != nil {
		t.Fatal(err)
	}
	if enc, _, _ := fetch("/style.css", "br, gzip"); enc != "br" {
		t.Errorf("after precompressing again: Content-Encoding %q, want br", enc)
	}
}

func TestServerDoesNotServeSiblingsDirectly(t *testing.T) {
	srv, dir := newTestSite(t)
	if err := precompress(dir, "br", "gzip"); err != nil {
		t.Fatal(err)
	}
	if res, _ := get(t, srv, "/main.wasm.br", ""); res.StatusCode != 404 {
		t.Errorf("/main.wasm.br: status %d, want 404 (it is an encoding of /main.wasm, not a page)", res.StatusCode)
	}
}

func TestAcceptedQ(t *testing.T) {
	for _, tc := range []struct {
		header, coding string
		want           float64
	}{
		{"", "br", 0},
		{"br", "br", 1},
		{"BR;Q=0.4", "br", 0.4},
		{"br; q=0", "br", 0},
		{"gzip, *;q=0.2", "br", 0.2},
		{"*;q=0.2, br;q=0.7", "br", 0.7},
		{"br;q=2", "br", 0},   // out of range: not consent
		{"br;q=abc", "br", 0}, // malformed
		{"brotli", "br", 0},
	} {
		if got := acceptedQ(tc.header, tc.coding); got != tc.want {
			t.Errorf("acceptedQ(%q, %q) = %v, want %v", tc.header, tc.coding, got, tc.want)
		}
	}
}
