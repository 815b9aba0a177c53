package e2e

import (
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDistWorksFromASubPath builds the publishable folder as `make dist` does and serves it
// the way a plain static host would (no precompression, no rewriting) under /demos/resnet/:
// the page must load and train with nothing but relative URLs.
func TestDistWorksFromASubPath(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped with -short")
	}
	dist := filepath.Join(t.TempDir(), "dist")
	build := exec.Command(serverBin, "serve", "--build-only", "--dir", dist)
	build.Dir = ".."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building dist: %v\n%s", err, out)
	}
	for _, name := range []string{"index.html", "embed.html", "embed.js", "main.wasm", "main.wasm.br", "main.wasm.gz", "main-scalar.wasm", "main-scalar.wasm.br", "main-scalar.wasm.gz", "wasm_exec.js", "worker.js", "style.css", "example-post.html"} {
		if _, err := os.Stat(filepath.Join(dist, name)); err != nil {
			t.Errorf("dist lacks %s", name)
		}
	}
	for _, name := range []string{"index.html", "embed.html", "example-post.html", "worker.js", "style.css"} {
		b, _ := os.ReadFile(filepath.Join(dist, name))
		for _, abs := range []string{`src="/`, `href="/`, `("/`, `url(/`} {
			if strings.Contains(string(b), abs) {
				t.Errorf("%s has an absolute path (%s…); it would break under a sub-path", name, abs)
			}
		}
	}

	const prefix = "/demos/resnet/"
	var mu syncStrings
	mux := http.NewServeMux()
	mux.Handle(prefix, http.StripPrefix(prefix, http.FileServer(http.Dir(dist))))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.add(r.URL.Path)
		mux.ServeHTTP(w, r)
	}))
	defer srv.Close()

	p := newPage(t, 1280, 800)
	p.run(t, "open the sub-path", navigate(srv.URL+prefix+"#b=16x2r*4"))
	p.waitFor(t, "the app", `document.body.hasAttribute("data-ready") && document.querySelector(".app")`, 60*time.Second)
	p.click(t, "#play")
	p.waitFor(t, "training", singleSteps+" > 20", 30*time.Second)

	p.run(t, "open an embed on the sub-path", navigate(srv.URL+prefix+"embed.html?views=charts&autoplay=1#b=16x2r*4"))
	p.waitFor(t, "the embed to train", `parseInt((document.querySelector("#ro-step") || {textContent: "0"}).textContent.replace(/,/g, "")) > 5`, 60*time.Second)
	for _, path := range mu.list() {
		if !strings.HasPrefix(path, prefix) { // favicon.svg is linked: no request for /favicon.ico
			t.Errorf("the page requested %s, outside %s", path, prefix)
		}
	}
	p.checkNoErrors(t)
}
