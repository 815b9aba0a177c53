package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"resnetplayground/lab"
)

// newTestSite writes a small site, plus a secret file beside (outside) it, and serves it.
func newTestSite(t *testing.T) (*httptest.Server, string) {
	t.Helper()
	parent := t.TempDir()
	dir := filepath.Join(parent, "site")
	files := map[string]string{
		"index.html":   "<!doctype html><title>x</title>" + strings.Repeat("<p>hello</p>", 200),
		"style.css":    strings.Repeat("body { margin: 0 }\n", 200),
		"worker.js":    strings.Repeat("console.log(1);\n", 200),
		"main.wasm":    "\x00asm" + strings.Repeat("\x01\x00\x00\x00", 2000),
		"sub/deep.css": "p{}",
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(parent, "secret.txt"), []byte("top secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(newHandler(dir))
	t.Cleanup(srv.Close)
	return srv, dir
}

// get fetches path with the given Accept-Encoding ("" sends none; Go's transport would
// otherwise add gzip and decompress behind our back).
func get(t *testing.T, srv *httptest.Server, path, acceptEncoding string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest("GET", srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.URL.Opaque = path // send the path exactly as written, ".." included
	req.Header.Set("Accept-Encoding", acceptEncoding)
	if acceptEncoding == "" {
		req.Header.Set("Accept-Encoding", "identity")
	}
	res, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, body
}

func TestServerContentTypes(t *testing.T) {
	srv, _ := newTestSite(t)
	for path, want := range map[string]string{
		"/":           "text/html; charset=utf-8",
		"/index.html": "text/html; charset=utf-8",
		"/style.css":  "text/css; charset=utf-8",
		"/worker.js":  "text/javascript; charset=utf-8",
		"/main.wasm":  "application/wasm",
	} {
		res, _ := get(t, srv, path, "")
		if res.StatusCode != 200 {
			t.Errorf("%s: status %d, want 200", path, res.StatusCode)
		}
		if got := res.Header.Get("Content-Type"); got != want {
			t.Errorf("%s: Content-Type %q, want %q", path, got, want)
		}
	}
}

func TestServerGzipWhenAccepted(t *testing.T) {
	srv, dir := newTestSite(t)
	want, err := os.ReadFile(filepath.Join(dir, "main.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	res, body := get(t, srv, "/main.wasm", "br, gzip;q=0.8")
	if res.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("Content-Encoding %q, want gzip", res.Header.Get("Content-Encoding"))
	}
	if len(body) >= len(want) {
		t.Errorf("gzipped body is %d bytes, not smaller than the %d-byte file", len(body), len(want))
	}
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("gunzipped body differs from the file")
	}
	if !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
		t.Error("a negotiated response must say Vary: Accept-Encoding")
	}
}

func TestServerIdentityWhenGzipNotAccepted(t *testing.T) {
	srv, dir := newTestSite(t)
	want, _ := os.ReadFile(filepath.Join(dir, "style.css"))
	for _, ae := range []string{"", "identity", "gzip;q=0, deflate"} {
		res, body := get(t, srv, "/style.css", ae)
		if enc := res.Header.Get("Content-Encoding"); enc != "" {
			t.Errorf("Accept-Encoding %q: Content-Encoding %q, want none", ae, enc)
		}
		if !bytes.Equal(body, want) {
			t.Errorf("Accept-Encoding %q: body differs from the file", ae)
		}
	}
}

func TestServerUnknownPathsAre404(t *testing.T) {
	srv, _ := newTestSite(t)
	for _, path := range []string{"/nope.html", "/nope", "/main.go", "/sub/missing.css"} {
		if res, _ := get(t, srv, path, ""); res.StatusCode != 404 {
			t.Errorf("%s: status %d, want 404", path, res.StatusCode)
		}
	}
}

func TestServerNoDirectoryListing(t *testing.T) {
	srv, _ := newTestSite(t)
	for _, path := range []string{"/sub", "/sub/", "/sub/."} {
		res, body := get(t, srv, path, "")
		if res.StatusCode != 404 || bytes.Contains(body, []byte("deep.css")) {
			t.Errorf("%s: status %d body %q; want a 404 that lists nothing", path, res.StatusCode, body)
		}
	}
	if res, _ := get(t, srv, "/sub/deep.css", ""); res.StatusCode != 200 {
		t.Errorf("a file in a sub-folder: status %d, want 200", res.StatusCode)
	}
}

func TestServerNoPathTraversal(t *testing.T) {
	srv, _ := newTestSite(t)
	for _, path := range []string{"/../secret.txt", "/sub/../../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt"} {
		res, body := get(t, srv, path, "")
		if bytes.Contains(body, []byte("top secret")) {
			t.Errorf("%s: served a file outside the site folder", path)
		}
		if res.StatusCode == 200 {
			t.Errorf("%s: status 200", path)
		}
	}
}

func TestServerRevalidatesWithETag(t *testing.T) {
	srv, dir := newTestSite(t)
	res, _ := get(t, srv, "/index.html", "")
	etag := res.Header.Get("ETag")
	if etag == "" || !strings.Contains(res.Header.Get("Cache-Control"), "no-cache") {
		t.Fatalf("ETag %q Cache-Control %q; want an ETag and no-cache", etag, res.Header.Get("Cache-Control"))
	}
	req, _ := http.NewRequest("GET", srv.URL+"/index.html", nil)
	req.Header.Set("If-None-Match", etag)
	res2, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res2.Body.Close()
	if res2.StatusCode != http.StatusNotModified {
		t.Errorf("same ETag: status %d, want 304", res2.StatusCode)
	}

	// A rebuild changes the file; the same request must now get the new body.
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte("<p>rebuilt</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	res3, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res3.Body)
	res3.Body.Close()
	if res3.StatusCode != 200 || string(body) != "<p>rebuilt</p>" {
		t.Errorf("after a rebuild: status %d body %q, want 200 and the new file", res3.StatusCode, body)
	}
}

func TestServerRejectsWrites(t *testing.T) {
	srv, _ := newTestSite(t)
	res, err := http.Post(srv.URL+"/index.html", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d, want 405", res.StatusCode)
	}
}

func TestAcceptsGzip(t *testing.T) {
	for header, want := range map[string]bool{
		"":                  false,
		"gzip":              true,
		"deflate, gzip":     true,
		"GZIP;q=0.5":        true,
		"gzip;q=0":          false,
		"*":                 true,
		"identity":          false,
		"br;q=1, gzip; q=0": false,
	} {
		if got := acceptsGzip(header); got != want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", header, got, want)
		}
	}
}

func TestServeRejectsStrayArguments(t *testing.T) {
	if err := serve([]string{"--no-build", "extra"}); err == nil || !strings.Contains(err.Error(), "extra") {
		t.Errorf("serve with a stray argument: err = %v, want one naming it", err)
	}
}

// The embed page's poster reads a short link over the defaults, which the build writes in
// from lab.Default(), so the poster and the engine agree on what a link leaves out.
func TestEmbedPageGetsItsDefaultsFromGo(t *testing.T) {
	src, err := os.ReadFile("assets/embed.html")
	if err != nil {
		t.Fatal(err)
	}
	page, err := embedWithDefaults(src)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("const defaults = %q; %s", lab.Default().String(), defaultsMarker)
	if !strings.Contains(string(page), want) {
		t.Errorf("the built embed.html lacks %s", want)
	}
	if _, err := embedWithDefaults([]byte("<html></html>")); err == nil {
		t.Error("a page without the defaults line built without an error")
	}
}
