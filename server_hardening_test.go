package main

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// hardenedSite serves index.html (with an inline script) and embed.html.
func hardenedSite(t *testing.T) (*httptest.Server, string) {
	t.Helper()
	dir := t.TempDir()
	for name, body := range map[string]string{
		"index.html": "<!doctype html><script src=\"boot.js\"></script><script>start();</script>",
		"embed.html": "<!doctype html><script>poster();</script>",
		"main.wasm":  "\x00asm" + strings.Repeat("\x01\x00\x00\x00", 2000),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(newHandler(dir))
	t.Cleanup(srv.Close)
	return srv, dir
}

func TestServerSendsAPolicyAndKeepsEmbedFrameable(t *testing.T) {
	srv, _ := hardenedSite(t)
	for _, path := range []string{"/", "/index.html"} {
		res, _ := get(t, srv, path, "")
		csp := res.Header.Get("Content-Security-Policy")
		for _, want := range []string{"frame-ancestors 'self'", "object-src 'none'", "'sha256-", "script-src 'self'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %q", path, csp, want)
			}
		}
		if scripts := strings.Split(strings.SplitN(csp, "script-src", 2)[1], ";")[0]; strings.Contains(scripts, "unsafe-inline") {
			t.Errorf("%s: any inline script may run: %q", path, scripts)
		}
		if res.Header.Get("X-Frame-Options") != "SAMEORIGIN" || res.Header.Get("Referrer-Policy") != "no-referrer" {
			t.Errorf("%s: X-Frame-Options %q, Referrer-Policy %q", path, res.Header.Get("X-Frame-Options"), res.Header.Get("Referrer-Policy"))
		}
	}
	res, _ := get(t, srv, "/embed.html", "")
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors *") {
		t.Errorf("embed.html: CSP %q does not let any site frame it", csp)
	}
	if xfo := res.Header.Get("X-Frame-Options"); xfo != "" {
		t.Errorf("embed.html: X-Frame-Options %q would stop other sites framing it", xfo)
	}
	if rp := res.Header.Get("Referrer-Policy"); rp != "no-referrer" {
		t.Errorf("embed.html: Referrer-Policy %q", rp)
	}
}

// The policy names the inline script by its hash: a browser runs it, and no other.
func TestCSPHashesTheInlineScripts(t *testing.T) {
	csp := cspFor("index.html", []byte("<script>start();</script>"))
	// echo -n 'start();' | openssl dgst -sha256 -binary | base64
	if want := "'sha256-E6jQvrT2ZivWG9GJ4AAEZf4MhI7l3QkLroW4hgvUT4c='"; !strings.Contains(csp, want) {
		t.Errorf("CSP %q lacks %s", csp, want)
	}
}

func TestServerAnswersRangeAndIfModifiedSince(t *testing.T) {
	srv, _ := hardenedSite(t)
	req, _ := http.NewRequest("GET", srv.URL+"/main.wasm", nil)
	req.Header.Set("Accept-Encoding", "identity")
	req.Header.Set("Range", "bytes=0-3")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusPartialContent || string(body) != "\x00asm" || res.Header.Get("Content-Range") != "bytes 0-3/8004" {
		t.Errorf("Range bytes=0-3: status %d, body %q, Content-Range %q", res.StatusCode, body, res.Header.Get("Content-Range"))
	}
	if res.Header.Get("Accept-Ranges") != "bytes" {
		t.Errorf("Accept-Ranges = %q", res.Header.Get("Accept-Ranges"))
	}
	modified := res.Header.Get("Last-Modified")
	if _, err := http.ParseTime(modified); err != nil {
		t.Fatalf("Last-Modified %q: %v", modified, err)
	}
	req, _ = http.NewRequest("GET", srv.URL+"/main.wasm", nil)
	req.Header.Set("If-Modified-Since", modified)
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNotModified {
		t.Errorf("If-Modified-Since its own Last-Modified: status %d, want 304", res.StatusCode)
	}
}

func TestServerHasTimeouts(t *testing.T) {
	s := newServer(http.NotFoundHandler(), newConnGuard(maxConns))
	if s.ReadHeaderTimeout == 0 || s.ReadTimeout == 0 || s.WriteTimeout == 0 || s.IdleTimeout == 0 {
		t.Errorf("timeouts: read header %v, read %v, write %v, idle %v; want all set", s.ReadHeaderTimeout, s.ReadTimeout, s.WriteTimeout, s.IdleTimeout)
	}
}

// Idle keep-alive connections beyond the limit are closed, oldest first, so they cannot pile
// up until the process runs out of file descriptors; a new visitor is served.
func TestServerClosesIdleConnectionsBeyondTheLimit(t *testing.T) {
	const limit = 8
	g := newConnGuard(limit)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := newServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") }), g)
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })

	var conns []net.Conn
	for range 5 * limit {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		io.WriteString(c, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
		res, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil {
			t.Fatalf("connection %d: %v", len(conns), err)
		}
		io.ReadAll(res.Body) // the connection is now idle, kept alive
		conns = append(conns, c)
	}
	if n := g.live(); n > limit {
		t.Errorf("%d connections open, want at most %d", n, limit)
	}
	// The oldest was closed by the server: reading it ends at once.
	conns[0].SetReadDeadline(time.Now().Add(time.Minute))
	if n, err := conns[0].Read(make([]byte, 1)); n != 0 || err == nil {
		t.Errorf("the oldest idle connection is still open: read %d, %v", n, err)
	}
	res, err := http.Get("http://" + ln.Addr().String() + "/")
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("a new visitor: %v %v", res, err)
	}
	res.Body.Close()
}

func TestExposureWarning(t *testing.T) {
	for _, tc := range []struct {
		ip   string
		want string
	}{
		{"127.0.0.1", ""},
		{"::1", ""},
		{"0.0.0.0", "every network interface"},
		{"::", "every network interface"},
		{"192.168.1.5", "192.168.1.5"},
	} {
		got := exposureWarning(&net.TCPAddr{IP: net.ParseIP(tc.ip), Port: 8733})
		if tc.want == "" && got != "" || tc.want != "" && (!strings.Contains(got, tc.want) || !strings.Contains(got, "127.0.0.1:8733")) {
			t.Errorf("%s: warning %q, want one naming %q and the loopback alternative", tc.ip, got, tc.want)
		}
	}
}

// make dist writes the same headers into dist/_headers for static hosts.
func TestHostHeadersFileMatchesWhatTheServerSends(t *testing.T) {
	srv, dir := hardenedSite(t)
	if err := writeHostHeaders(dir); err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(filepath.Join(dir, "_headers"))
	if err != nil {
		t.Fatal(err)
	}
	res, _ := get(t, srv, "/index.html", "")
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(string(text), "/index.html\n  Content-Security-Policy: "+csp+"\n") {
		t.Errorf("_headers does not give /index.html the CSP the server sends (%q):\n%s", csp, text)
	}
	if !strings.Contains(string(text), "frame-ancestors *") || !strings.Contains(string(text), "Referrer-Policy: no-referrer") {
		t.Errorf("_headers lacks embed.html's frame-ancestors * or the Referrer-Policy:\n%s", text)
	}
}
