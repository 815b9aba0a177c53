# ResNet Playground. `make run` serves the page; `make test` is what CI runs.
GO        ?= go
WASM_PATH := $(shell $(GO) env GOROOT)/lib/wasm
export PATH := $(WASM_PATH):$(PATH)

.PHONY: run test test-native test-wasm vet generate bench bench-native bench-wasm build bench-browser screenshot

run:
	$(GO) run .

# vet, the native tests (browser tests included), then the engine's tests compiled to wasm.
test: vet test-native test-wasm

vet:
	$(GO) vet ./...

test-native:
	$(GO) test -count=1 ./...

test-wasm:
	GOOS=js GOARCH=wasm $(GO) test -count=1 ./nn/...

generate:
	$(GO) generate ./...

bench: bench-native bench-wasm

bench-native:
	$(GO) test -run=^$$ -bench=. -benchmem ./nn/...

bench-wasm:
	GOOS=js GOARCH=wasm $(GO) test -run=^$$ -bench=. -benchmem ./nn/...

# The page: build/ holds the site `make run` serves (only what is stale is rebuilt).
build:
	$(GO) run . serve --build-only

# Time to interactive, transfer size, training steps/s in the worker and frame rate, measured
# in headless Chromium.
bench-browser:
	$(GO) test ./e2e -run='^$$' -bench=Browser -benchtime=1x

# docs/screenshot.png: the page at 1280×800, mid-training.
screenshot:
	RESNET_SCREENSHOT=$(CURDIR)/docs/screenshot.png $(GO) test -count=1 ./e2e -run='^TestScreenshot$$'
