package main

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"
)

// serve is `go run .` (or `go run . serve [flags]`): bring the site up to date, then serve
// it on the loopback interface until interrupted.
func serve(args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (port 0 picks a free port)")
	dir := fs.String("dir", "build", "folder the site is built into and served from")
	noBuild := fs.Bool("no-build", false, "serve the folder as it is, without rebuilding what is stale")
	buildOnly := fs.Bool("build-only", false, "bring the site up to date, then exit without serving")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: go run . serve [--addr host:port] [--dir build] [--no-build | --build-only]\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("serve: unexpected argument %q", fs.Arg(0))
	}

	if !*noBuild {
		start := time.Now()
		compiled, err := buildSite(*dir)
		if err != nil {
			return err
		}
		if compiled {
			fmt.Fprintf(os.Stderr, "built main.wasm and the site in %s (%.1fs)\n", *dir, time.Since(start).Seconds())
		} else {
			fmt.Fprintf(os.Stderr, "site is up to date in %s (%.1fs)\n", *dir, time.Since(start).Seconds())
		}
	}
	if !*noBuild {
		if err := writeHostHeaders(*dir); err != nil {
			return err
		}
	}
	if *buildOnly {
		// A folder to publish: wait for the brotli files too.
		return precompress(*dir, "br")
	}
	if _, err := os.Stat(*dir + "/index.html"); err != nil {
		return fmt.Errorf("serve: %s/index.html is missing; build the site first (drop --no-build)", *dir)
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	// The URL goes to stdout, alone on its line, so scripts and the browser tests can read it.
	fmt.Printf("ResNet Playground: http://%s/\n", ln.Addr())
	if w := exposureWarning(ln.Addr()); w != "" {
		fmt.Fprintln(os.Stderr, w)
	}
	if !*noBuild {
		go brotliInBackground(*dir)
	}
	srv := newServer(newHandler(*dir), newConnGuard(maxConns))
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// exposureWarning is what to say when addr is reachable from other machines ("" on the
// loopback interface): --addr :8080 listens on every interface, which is easy to do by
// accident.
func exposureWarning(addr net.Addr) string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok || tcp.IP.IsLoopback() {
		return ""
	}
	where := "every network interface"
	if !tcp.IP.IsUnspecified() {
		where = tcp.IP.String()
	}
	return fmt.Sprintf("serve: warning: listening on %s, so other machines that can reach this one can load the page; "+
		"use --addr 127.0.0.1:%d to serve this machine only", where, tcp.Port)
}
