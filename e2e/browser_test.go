// Package e2e drives the real page in headless Chromium: the server binary builds the site
// and serves it, chromedp clicks through it like a visitor.
package e2e

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

const chromiumPath = "/usr/bin/chromium"

// siteURL is the running server's address, set by TestMain.
var siteURL string

// serverBin and siteDir are the server binary TestMain built and the folder it built the
// site into, for tests that build or serve a site their own way (dist_test.go).
var serverBin, siteDir string

// TestMain builds the server once, which builds the site (wasm included) into a temporary
// folder, starts it on a free port and runs the tests against it.
func TestMain(m *testing.M) {
	flag.Parse()
	if testing.Short() {
		os.Exit(m.Run()) // every test skips itself
	}
	if _, err := os.Stat(chromiumPath); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: Chromium is needed at %s for the browser tests (apt-get install chromium), or run with -short to skip them: %v\n", chromiumPath, err)
		os.Exit(1)
	}
	stop, err := startServer()
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	code := m.Run()
	stop()
	os.Exit(code)
}

// startServer builds the module's command and runs `serve` on port 0, reading the URL it
// prints. The site goes into a temporary folder so a developer's build/ is left alone.
func startServer() (stop func(), err error) {
	tmp, err := os.MkdirTemp("", "resnet-e2e-")
	if err != nil {
		return nil, err
	}
	root, err := filepath.Abs("..")
	if err != nil {
		return nil, err
	}
	bin := filepath.Join(tmp, "resnetplayground")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("building the server: %v\n%s", err, out)
	}
	srv := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--dir", filepath.Join(tmp, "site"))
	srv.Dir = root
	srv.Stderr = os.Stderr
	stdout, err := srv.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := srv.Start(); err != nil {
		return nil, err
	}
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if _, u, ok := strings.Cut(sc.Text(), "http://"); ok {
				urls <- "http://" + u
			}
		}
		close(urls)
	}()
	stop = func() {
		srv.Process.Kill()
		srv.Wait()
		os.RemoveAll(tmp)
	}
	select {
	case u, ok := <-urls:
		if !ok {
			stop()
			return nil, errors.New("the server exited before printing its URL (see the build output above)")
		}
		siteURL = u
		serverBin, siteDir = bin, filepath.Join(tmp, "site")
		return stop, nil
	case <-time.After(5 * time.Minute):
		stop()
		return nil, errors.New("the server did not start within 5 minutes")
	}
}

// page is one browser tab on the site, with the errors it logged.
type page struct {
	ctx    context.Context
	mu     sync.Mutex
	errors []string
}

// newPage opens a fresh headless browser (so no state leaks between tests) at width×height.
func newPage(t testing.TB, width, height int) *page {
	t.Helper()
	return newPageFor(t, width, height, 90*time.Second)
}

// newPageFor is newPage for a test that needs the browser longer than a minute and a half.
func newPageFor(t testing.TB, width, height int, limit time.Duration) *page {
	t.Helper()
	if testing.Short() {
		t.Skip("browser tests skipped with -short")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath),
		chromedp.NoSandbox,
		chromedp.Headless,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("enable-precise-memory-info", true), // performance.memory for `make soak`
		chromedp.WindowSize(width, height),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, limit)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })

	p := &page{ctx: ctx}
	chromedp.ListenTarget(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			p.logError("uncaught exception: " + ev.ExceptionDetails.Error())
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.APITypeError {
				var parts []string
				for _, a := range ev.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				p.logError("console.error: " + strings.Join(parts, " "))
			}
		}
	})
	// A Content-Security-Policy violation is an error: the server's policy must allow
	// everything the page does.
	reportCSP := chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := cdppage.AddScriptToEvaluateOnNewDocument(`document.addEventListener("securitypolicyviolation",
			(e) => console.error("Content-Security-Policy violation: " + e.violatedDirective + " " + e.blockedURI))`).Do(ctx)
		return err
	})
	if err := chromedp.Run(ctx, reportCSP, chromedp.EmulateViewport(int64(width), int64(height))); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return p
}

func (p *page) logError(msg string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.errors = append(p.errors, msg)
}

// checkNoErrors fails the test if the page logged an error or threw.
func (p *page) checkNoErrors(t testing.TB) {
	t.Helper()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, e := range p.errors {
		t.Errorf("browser: %s", e)
	}
}

// open loads the site with the given hash and waits until the app has rendered.
func (p *page) open(t testing.TB, hash string) {
	t.Helper()
	p.run(t, "open the page",
		chromedp.Navigate(siteURL+hash),
		chromedp.WaitVisible(`body[data-ready] .app`, chromedp.ByQuery),
	)
}

func (p *page) run(t testing.TB, what string, actions ...chromedp.Action) {
	t.Helper()
	if err := chromedp.Run(p.ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JS expression into out.
func (p *page) eval(t testing.TB, expr string, out any) {
	t.Helper()
	p.run(t, "evaluate "+expr, chromedp.Evaluate(expr, out))
}

// waitFor polls a JS condition until it is true, failing with what after the timeout.
func (p *page) waitFor(t testing.TB, what, cond string, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		var ok bool
		err := chromedp.Run(p.ctx, chromedp.Evaluate("!!("+cond+")", &ok))
		if err != nil && !(navigating(err) && time.Now().Before(deadline)) {
			t.Fatalf("waiting for %s: evaluate %s: %v", what, cond, err)
		}
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s (%s)", timeout, what, cond)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// navigating reports whether err only says that the page was being replaced while it was
// asked (a reload, a retry): the question can be asked again of the new page.
func navigating(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "navigated or closed") || strings.Contains(msg, "context was destroyed") ||
		strings.Contains(msg, "Cannot find context")
}

// settled waits until the worker has acknowledged every command the page sent (data-acked
// equals data-sent on the app's root; see proto.Command.Seq): everything the commands
// caused is on the page, and a run that is not training will report nothing more.
func (p *page) settled(t testing.TB) {
	t.Helper()
	p.waitFor(t, "the worker to acknowledge every command",
		`(() => { const a = document.querySelector(".app"); return !!a && a.dataset.sent === a.dataset.acked; })()`, 10*time.Second)
}

// text is an element's text content.
func (p *page) text(t testing.TB, selector string) string {
	t.Helper()
	var s string
	p.eval(t, fmt.Sprintf(`(document.querySelector(%q) || {}).textContent || ""`, selector), &s)
	return strings.TrimSpace(s)
}

// hash is the page's URL hash without "#".
func (p *page) hash(t testing.TB) string {
	t.Helper()
	var s string
	p.eval(t, `location.hash.slice(1)`, &s)
	return s
}

func (p *page) count(t testing.TB, selector string) int {
	t.Helper()
	var n int
	p.eval(t, fmt.Sprintf(`document.querySelectorAll(%q).length`, selector), &n)
	return n
}

func (p *page) click(t testing.TB, selector string) {
	t.Helper()
	p.run(t, "click "+selector, chromedp.Click(selector, chromedp.ByQuery, chromedp.NodeVisible))
}

// stepsAt is JavaScript for the step read-out at selector as a number (0 while it shows "–").
func stepsAt(selector string) string {
	return fmt.Sprintf(`(parseInt(document.querySelector(%q).textContent.replace(/,/g, "")) || 0)`, selector)
}

// singleSteps is JavaScript for the single view's step read-out as a number.
var singleSteps = stepsAt("#ro-step")

// steps is the step read-out as a number.
func (p *page) steps(t testing.TB) int {
	t.Helper()
	var n int
	p.eval(t, singleSteps, &n)
	return n
}
