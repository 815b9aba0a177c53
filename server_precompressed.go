package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/andybalholm/brotli"
)

// The site ships its compressible files precompressed beside the originals (main.wasm,
// main.wasm.br, main.wasm.gz): brotli at its best quality takes ~15 s for the 6 MB wasm, far
// too slow per request, and any static host that can serve .br/.gz siblings gets the same
// saving. The server picks a sibling by Accept-Encoding and falls back to gzipping on the fly.
// For main.wasm, brotli's best quality saves ~12% over quality 9 and ~28% over gzip.

// codings are the content codings the server can send, in its order of preference; ext is
// the suffix of a precompressed sibling file.
var codings = []struct{ name, ext string }{
	{"br", ".br"},
	{"gzip", ".gz"},
}

// precompressedExts are the files worth compressing: text and wasm, not images.
var precompressedExts = map[string]bool{
	".html": true, ".css": true, ".js": true, ".wasm": true, ".json": true, ".svg": true, ".txt": true,
	".bin": true, // the digits file
}

// precompress writes, for each named coding ("br", "gzip"), a sibling beside every
// compressible file in dir that is newer than it. A coding that would save less than 10% is
// not written (and a stale sibling is removed), so the server sends such a file as it is.
func precompress(dir string, names ...string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	// One file per core at a time: the two wasm builds take most of the time, ~15 s each at
	// brotli's best quality.
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	errs := make(chan error, len(entries))
	var wg sync.WaitGroup
	for _, e := range entries {
		if e.IsDir() || !precompressedExts[filepath.Ext(e.Name())] {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			errs <- precompressFile(filepath.Join(dir, e.Name()), e, names)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// siblingIsStale reports whether the precompressed sibling out is missing or not newer than
// its source.
func siblingIsStale(out string, source time.Time) bool {
	info, err := os.Stat(out)
	return err != nil || !info.ModTime().After(source)
}

// precompressFile writes src's siblings for the named codings that are not newer than src.
// A sibling with the same modification time as src counts as stale: file times come from a
// coarse clock (a few milliseconds), so a source rewritten just after its sibling can carry
// the sibling's very time.
func precompressFile(src string, e os.DirEntry, names []string) error {
	info, err := e.Info()
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	var body []byte
	for _, c := range codings {
		if !slices.Contains(names, c.name) || !siblingIsStale(src+c.ext, info.ModTime()) {
			continue
		}
		if body == nil {
			if body, err = os.ReadFile(src); err != nil {
				return fmt.Errorf("build: %w", err)
			}
		}
		packed := compress(c.name, body)
		if len(packed) >= len(body)*9/10 {
			os.Remove(src + c.ext)
			continue
		}
		if err := writeAtomic(src+c.ext, packed); err != nil {
			return err
		}
	}
	return nil
}

// brotliInBackground writes the brotli siblings while the server already serves (gzip until
// they are ready), so `go run .` starts as soon as the wasm is built.
func brotliInBackground(dir string) {
	start := time.Now()
	if err := precompress(dir, "br"); err != nil {
		fmt.Fprintln(os.Stderr, "brotli:", err, "(serving gzip instead)")
		return
	}
	if d := time.Since(start); d > time.Second {
		fmt.Fprintf(os.Stderr, "brotli files are ready (%.1fs)\n", d.Seconds())
	}
}

// compress encodes body with the named coding ("br" or "gzip") at its best quality.
func compress(coding string, body []byte) []byte {
	var buf bytes.Buffer
	switch coding {
	case "br":
		w := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: 24})
		w.Write(body)
		w.Close()
	case "gzip":
		w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		w.Write(body)
		w.Close()
	}
	return buf.Bytes()
}

// decompress decodes what compress wrote.
func decompress(coding string, packed []byte) ([]byte, error) {
	var r io.Reader
	switch coding {
	case "br":
		r = brotli.NewReader(bytes.NewReader(packed))
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(packed))
		if err != nil {
			return nil, err
		}
		r = zr
	default:
		return nil, fmt.Errorf("unknown coding %q", coding)
	}
	return io.ReadAll(io.LimitReader(r, 256<<20))
}

// loadSiblings reads the precompressed siblings of the file at rel (inside root) and keeps
// those that decode to exactly body: a sibling left over from an older build must never be
// served in place of the new file.
func loadSiblings(root *os.Root, rel string, body []byte) map[string][]byte {
	want := sha256.Sum256(body)
	out := map[string][]byte{}
	for _, c := range codings {
		packed, err := root.ReadFile(rel + c.ext)
		if err != nil {
			continue
		}
		plain, err := decompress(c.name, packed)
		if err != nil || sha256.Sum256(plain) != want {
			continue
		}
		out[c.name] = packed
	}
	return out
}

// siblingStamp summarises the size and modification time of rel's siblings, so the cache
// notices when a build rewrites them after the original.
func siblingStamp(root *os.Root, rel string) string {
	var b strings.Builder
	for _, c := range codings {
		if info, err := root.Stat(rel + c.ext); err == nil {
			b.WriteString(c.ext + strconv.FormatInt(info.Size(), 10) + "@" + strconv.FormatInt(info.ModTime().UnixNano(), 10))
		}
	}
	return b.String()
}

// acceptedQ is the quality value (0..1) Accept-Encoding gives coding: its own entry, else
// the "*" entry, else 0. A missing header accepts nothing but identity.
func acceptedQ(header, coding string) float64 {
	star, own := -1.0, -1.0
	for part := range strings.SplitSeq(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name != coding && name != "*" {
			continue
		}
		q := 1.0
		for p := range strings.SplitSeq(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if !ok || strings.ToLower(strings.TrimSpace(k)) != "q" {
				continue
			}
			parsed, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil || parsed < 0 || parsed > 1 {
				parsed = 0 // a malformed weight is not consent
			}
			q = parsed
		}
		if name == coding {
			own = q
		} else {
			star = q
		}
	}
	switch {
	case own >= 0:
		return own
	case star >= 0:
		return star
	}
	return 0
}

// chooseCoding picks, among the codings available for a file, the one the client weighs
// highest (ties go to the server's preference, brotli first); "" means identity.
func chooseCoding(header string, available map[string][]byte) string {
	best, bestQ := "", 0.0
	for _, c := range codings {
		if _, ok := available[c.name]; !ok {
			continue
		}
		if q := acceptedQ(header, c.name); q > bestQ {
			best, bestQ = c.name, q
		}
	}
	return best
}

// acceptsGzip reports whether Accept-Encoding allows gzip (listed, or *, without q=0).
func acceptsGzip(header string) bool { return acceptedQ(header, "gzip") > 0 }

// writeAtomic writes a file through a temporary name, so a server never reads half of it.
func writeAtomic(path string, body []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, body, 0o644); err != nil {
		return fmt.Errorf("build: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("build: %w", err)
	}
	return nil
}

// etagFor is the ETag of the file sent with coding ("" for identity): each encoding is its
// own representation, so each has its own tag.
func (f *cachedFile) etagFor(coding string) string {
	if coding == "" {
		return f.etag
	}
	return strings.TrimSuffix(f.etag, `"`) + "-" + coding + `"`
}

// matchingETag finds the tag of one of the file's representations in an If-None-Match header.
func (f *cachedFile) matchingETag(header string) (string, bool) {
	for _, coding := range []string{"", "br", "gzip"} {
		if _, ok := f.encoded[coding]; coding != "" && !ok {
			continue
		}
		if tag := f.etagFor(coding); etagMatches(header, tag) {
			return tag, true
		}
	}
	return "", false
}
