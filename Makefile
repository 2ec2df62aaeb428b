# Two commands matter: `make demo` (the main job on local defaults) and `make test`.
# Both install what they need into .tools/ and node_modules/ first, idempotently.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
ROOT := $(CURDIR)
export PATH := $(ROOT)/.tools/bin:$(PATH)
export ONNXRUNTIME_NODE_INSTALL := skip

.PHONY: setup install build emulators test typecheck lint unit demo bench clean

setup: install build emulators

install:
	@bash runtime/scripts/bootstrap.sh
	@pnpm install --frozen-lockfile --reporter=append-only | grep -v '^Progress'

build: install
	@pnpm run build

emulators: install
	@bash runtime/scripts/install-emulators.sh

typecheck: install
	@pnpm run typecheck

lint: install
	@pnpm run lint

test: setup
	@pnpm run typecheck
	@pnpm run lint
	@pnpm run test

demo: setup
	@pnpm escher demo

bench: setup
	@pnpm run bench

clean:
	rm -rf node_modules */node_modules */dist */*.tsbuildinfo
