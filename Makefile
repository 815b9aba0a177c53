# ResNet Playground. `make run` serves the page; `make test` is what CI runs.
GO        ?= go
WASM_PATH := $(shell $(GO) env GOROOT)/lib/wasm
export PATH := $(WASM_PATH):$(PATH)
# The SIMD build of the engine (nn/kernels_simd.go): Go 1.27.3's simd/archsimd for wasm. The go
# command fetches that toolchain itself the first time (GOTOOLCHAIN); tests run under Node with
# the same toolchain's wasm_exec; nojsonv2 as in the shipped main.wasm (server_build.go). BENCH
# picks benchmarks by pattern: make bench-wasm BENCH=Boundary.
SIMD_TOOLCHAIN ?= go1.27.3
SIMD_GO   = GOTOOLCHAIN=$(SIMD_TOOLCHAIN) GOEXPERIMENT=simd,nojsonv2 $(GO)
SIMD_PATH = PATH="$$(GOTOOLCHAIN=$(SIMD_TOOLCHAIN) $(GO) env GOROOT)/lib/wasm:$$PATH"
BENCH    ?= .

.PHONY: soak run test test-native test-wasm test-wasm-scalar test-wasm-simd vet generate bench bench-native bench-wasm bench-wasm-scalar bench-tfjs build bench-browser bench-browser-digits screenshot dist

run:
	$(GO) run .

# vet, the native tests (browser tests included), then the engine's, the protocol's, the
# worker's and the page's JSON and query-string tests compiled to wasm (run under Node), in
# both builds: the scalar kernels (plain Go) and the SIMD kernels as main.wasm ships them
# (Go 1.27.3, GOEXPERIMENT=simd,nojsonv2).
test: vet test-native test-wasm

vet:
	$(GO) vet ./...

test-native:
	$(GO) test -count=1 -timeout=30m ./...

WASM_TESTS := ./nn/... ./lab/... ./proto/... ./worker/... ./wasm/jsmsg/... ./internal/minjson/... ./internal/urlquery/...

test-wasm: test-wasm-scalar test-wasm-simd

test-wasm-scalar:
	GOOS=js GOARCH=wasm $(GO) test -count=1 -timeout=20m $(WASM_TESTS)

test-wasm-simd:
	$(SIMD_PATH) GOOS=js GOARCH=wasm $(SIMD_GO) test -count=1 -timeout=20m $(WASM_TESTS)

generate:
	$(GO) generate ./...

bench: bench-native bench-wasm

bench-native:
	$(GO) test -run=^$$ -bench='$(BENCH)' -benchmem ./nn/... ./lab/...

# The engine as it ships: the SIMD build, under Node.
bench-wasm:
	$(SIMD_PATH) GOOS=js GOARCH=wasm $(SIMD_GO) test -run=^$$ -bench='$(BENCH)' -benchmem ./nn/... ./lab/...

# The scalar fallback (browsers without wasm SIMD), under Node.
bench-wasm-scalar:
	GOOS=js GOARCH=wasm $(GO) test -run=^$$ -bench='$(BENCH)' -benchmem ./nn/... ./lab/...

# TF.js 4.22's wasm backend (SIMD and plain, one thread) on the same 100×100 grid as
# BenchmarkBoundary, under Node; npm installs the pinned packages into bench/tfjs the first time.
bench-tfjs:
	cd bench/tfjs && npm ci --no-audit --no-fund --silent && node grid.js simd && node grid.js nosimd

# The page: build/ holds the site `make run` serves (only what is stale is rebuilt).
build:
	$(GO) run . serve --build-only

# dist/: a self-contained folder (relative URLs only, .br and .gz beside each file) to copy to
# any static host, at any path.
dist:
	rm -rf dist
	$(GO) run . serve --build-only --dir dist

# Time to interactive, transfer size, training steps/s in the worker and frame rate, measured
# in headless Chromium; and the Why panel's loss landscapes (BenchmarkBrowserLandscape: Draw to
# both pictures, the workers' CPU time, the load average, how soon Pause is heard).
bench-browser:
	$(GO) test ./e2e -run='^$$' -bench=Browser -benchtime=1x -timeout=30m

# The digits in headless Chromium: steps/s and seconds per epoch in the Single view and in the
# Twins view (both twins at once), the time from Play until the deep plain twin visibly trails,
# and the load average beside them (`bench-browser` runs these too).
bench-browser-digits:
	$(GO) test ./e2e -run='^$$' -bench=BrowserDigits -benchtime=1x -timeout=30m

# docs/screenshot.png: the Single view at 1280×800, mid-training; docs/first-minute-1280.png and
# -390.png: the first screen after Play, desktop and phone; docs/twins.png: the twin view,
# trained and lesioned; docs/sweep.png: the default depth sweep, finished (about a minute).
screenshot:
	RESNET_SCREENSHOT=$(CURDIR)/docs/screenshot.png $(GO) test -count=1 ./e2e -run='^TestScreenshot$$'
	RESNET_SCREENSHOT_FIRST=$(CURDIR)/docs $(GO) test -count=1 -v ./e2e -run='^TestFirstMinute'
	RESNET_SCREENSHOT_TWINS=$(CURDIR)/docs/twins.png RESNET_SCREENSHOT_SWEEP=$(CURDIR)/docs/sweep.png \
		$(GO) test -count=1 -v ./e2e -run='^(TestScreenshotTwins|TestDefaultSweep)$$'
	RESNET_SCREENSHOT_WHY=$(CURDIR)/docs/why.png $(GO) test -count=1 ./e2e -run='^TestScreenshotWhy$$'

# The soak: 64 residual blocks train in headless Chromium for RESNET_SOAK (10m unless set);
# prints the JS heap, the page's and the worker's memory and the step rate, start to end.
# Not part of `make test`.
soak:
	RESNET_SOAK=$${RESNET_SOAK:-10m} $(GO) test ./e2e -run='^$$' -bench='^BenchmarkSoak$$' -benchtime=1x -timeout=30m
