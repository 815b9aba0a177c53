package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"os"
	"path"
	"strings"
	"sync"
	"time"
)

// contentTypes are the types the site uses; mime.TypeByExtension depends on the machine's
// mime database, and a wasm file served as anything but application/wasm cannot be streamed.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".wasm": "application/wasm",
	".json": "application/json",
	".png":  "image/png",
	".svg":  "image/svg+xml",
	".ico":  "image/x-icon",
	".txt":  "text/plain; charset=utf-8",
	".bin":  "application/octet-stream", // the digits
}

// newHandler serves the files of dir (and nothing outside it): "/" is index.html, folders
// and unknown paths are 404, text and wasm are gzipped for clients that accept it, and every
// response carries an ETag with no-cache so a reload revalidates and picks up a rebuild.
func newHandler(dir string) http.Handler {
	return &siteHandler{dir: dir, cache: map[string]*cachedFile{}}
}

type siteHandler struct {
	dir   string
	mu    sync.Mutex
	cache map[string]*cachedFile // by clean URL path; refreshed when the file changes
}

// cachedFile holds a file with its compressed forms, so the 5 MB wasm is compressed (or its
// precompressed siblings checked) once per build rather than once per request.
type cachedFile struct {
	modTime  time.Time
	size     int64
	siblings string // siblingStamp when loaded
	body     []byte
	encoded  map[string][]byte // by content coding; a coding is missing when it does not pay
	etag     string
	headers  map[string]string // pageHeaders: CSP, Referrer-Policy, …
}

func (h *siteHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := path.Clean("/" + r.URL.Path) // cleaning a rooted path removes every ".."
	if name == "/" {
		name = "/index.html"
	}
	ctype, known := contentTypes[path.Ext(name)]
	if !known {
		http.NotFound(w, r)
		return
	}
	f, err := h.load(name)
	if err != nil {
		http.NotFound(w, r)
		return
	}

	// Each encoding is its own representation with its own ETag.
	coding := chooseCoding(r.Header.Get("Accept-Encoding"), f.encoded)
	body, etag := f.body, f.etagFor(coding)
	if coding != "" {
		body = f.encoded[coding]
	}
	hdr := w.Header()
	hdr.Set("Content-Type", ctype)
	hdr.Set("Cache-Control", "no-cache")
	hdr.Set("ETag", etag)
	hdr.Set("Vary", "Accept-Encoding")
	hdr.Set("X-Content-Type-Options", "nosniff")
	for k, v := range f.headers {
		hdr.Set(k, v)
	}
	// A cached copy of the current file in any encoding is still good: say so with its tag.
	if tag, ok := f.matchingETag(r.Header.Get("If-None-Match")); ok {
		hdr.Set("ETag", tag)
		hdr.Set("Last-Modified", f.modTime.UTC().Format(http.TimeFormat))
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if coding != "" {
		hdr.Set("Content-Encoding", coding)
	}
	// ServeContent answers Range (of this encoding's bytes, which its ETag names),
	// If-Range, If-Modified-Since and HEAD, and sends Last-Modified and Content-Length.
	http.ServeContent(w, r, "", f.modTime, bytes.NewReader(body))
}

// load returns the file at the URL path name, reading it again only when it changed on disk.
// os.Root confines every lookup to the site folder, symlinks included.
func (h *siteHandler) load(name string) (*cachedFile, error) {
	root, err := os.OpenRoot(h.dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	rel := strings.TrimPrefix(name, "/")
	info, err := root.Stat(rel)
	if err != nil || info.IsDir() {
		return nil, os.ErrNotExist
	}

	stamp := siblingStamp(root, rel)

	h.mu.Lock()
	defer h.mu.Unlock()
	if c, ok := h.cache[name]; ok && c.modTime.Equal(info.ModTime()) && c.size == info.Size() && c.siblings == stamp {
		return c, nil
	}
	file, err := root.Open(rel)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	body, err := io.ReadAll(file)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(body)
	c := &cachedFile{
		modTime:  info.ModTime(),
		size:     info.Size(),
		siblings: stamp,
		body:     body,
		encoded:  loadSiblings(root, rel, body),
		etag:     `"` + hex.EncodeToString(sum[:12]) + `"`,
		headers:  pageHeaders(path.Base(name), body),
	}
	if _, ok := c.encoded["gzip"]; !ok {
		if gz := gzipIfSmaller(body); gz != nil {
			c.encoded["gzip"] = gz // no precompressed sibling: gzip on the fly, once
		}
	}
	h.cache[name] = c
	return c, nil
}

// gzipIfSmaller compresses body, or returns nil when that saves nothing (tiny files, PNGs).
func gzipIfSmaller(body []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(body)
	zw.Close()
	if buf.Len() >= len(body)*9/10 {
		return nil
	}
	return buf.Bytes()
}

// etagMatches reads an If-None-Match header (a list of tags, or *).
func etagMatches(header, etag string) bool {
	for _, tag := range strings.Split(header, ",") {
		tag = strings.TrimPrefix(strings.TrimSpace(tag), "W/")
		if tag == etag || tag == "*" {
			return true
		}
	}
	return false
}
