# Two commands matter: `make demo` (the main job on local defaults) and `make test`.
# Both install what they need into .tools/ and node_modules/ first, idempotently.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
ROOT := $(CURDIR)
export PATH := $(ROOT)/.tools/bin:$(PATH)
export ONNXRUNTIME_NODE_INSTALL := skip

.PHONY: setup install build emulators model test-tools test typecheck lint demo bench clean

## setup: Node + pnpm, packages, a build, the local emulators and the embedding model
setup: install build emulators model

install:
	@bash runtime/scripts/bootstrap.sh
	@pnpm install --frozen-lockfile --reporter=append-only | grep -v '^Progress'

build: install
	@pnpm run build

emulators: install
	@bash runtime/scripts/install-emulators.sh

model:
	@bash runtime/scripts/install-model.sh

## test-tools: what only the tests need (headless Chromium for the report, buildah for the image)
test-tools:
	@bash runtime/scripts/install-chromium.sh
	@bash container/scripts/install-buildah.sh

typecheck: install
	@pnpm run typecheck

lint: install
	@pnpm run lint

## test: typecheck, lint, then every package's tests against local emulators
test: setup test-tools
	@pnpm run typecheck
	@pnpm run lint
	@pnpm run test

## demo: a public PII bucket on the local AWS emulator, made private again by the runner
demo: setup
	@pnpm -C runtime run demo

## bench: speed and memory figures (printed, not asserted)
bench: setup
	@pnpm run bench

clean:
	rm -rf node_modules */node_modules */dist */*.tsbuildinfo
