#!/usr/bin/env bash
# Installs the local emulators the tests, benchmarks and the demo start: moto (AWS: S3,
# SSM), Azurite (Azure Blob) and fake-gcs-server (GCS), pinned, into .tools/ (git-ignored).
# Idempotent and quick when everything is present: each tool is skipped when its pinned
# version is installed already. The Key Vault and Secret Manager stand-ins are contract
# servers inside the test support code and need nothing installed.
set -euo pipefail

MOTO_VERSION="5.2.5"
AZURITE_VERSION="3.36.0"
FAKE_GCS_VERSION="v1.56.1"

root="$(cd "$(dirname "$0")/../.." && pwd)"
tools="$root/.tools"
mkdir -p "$tools/bin"

need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "install-emulators: $1 is required for $2; install $3 and run make setup again" >&2
    exit 2
  fi
}

# moto: a Python venv keeps its dependencies away from the system Python.
if [ "$("$tools/moto/bin/python" -c 'import importlib.metadata as m; print(m.version("moto"))' 2>/dev/null)" != "$MOTO_VERSION" ]; then
  need python3 "moto (the AWS emulator)" "Python 3.9+"
  if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
    echo "install-emulators: Python's venv module is missing; install it (Debian: apt-get install python3-venv) and run make setup again" >&2
    exit 2
  fi
  echo "install-emulators: installing moto $MOTO_VERSION into .tools/moto"
  python3 -m venv "$tools/moto"
  "$tools/moto/bin/pip" install --quiet --disable-pip-version-check "moto[server,s3,ssm]==$MOTO_VERSION"
fi
ln -sf "$tools/moto/bin/moto_server" "$tools/bin/moto_server"

# Azurite: its own npm prefix, so the workspace lockfile stays untouched.
if [ "$(cat "$tools/azurite/node_modules/azurite/package.json" 2>/dev/null | sed -n 's/^  "version": "\(.*\)",$/\1/p')" != "$AZURITE_VERSION" ]; then
  need npm "Azurite (the Azure Storage emulator)" "Node.js 18+ with npm"
  echo "install-emulators: installing Azurite $AZURITE_VERSION into .tools/azurite"
  npm install --silent --no-save --no-audit --no-fund --prefix "$tools/azurite" "azurite@$AZURITE_VERSION"
fi
ln -sf "$tools/azurite/node_modules/azurite/dist/src/blob/main.js" "$tools/bin/azurite-blob"

# fake-gcs-server: built from its Go module; the version file records what was built.
if [ "$(cat "$tools/bin/.fake-gcs-server.version" 2>/dev/null)" != "$FAKE_GCS_VERSION" ] || [ ! -x "$tools/bin/fake-gcs-server" ]; then
  need go "fake-gcs-server (the GCS emulator)" "Go 1.22+"
  echo "install-emulators: building fake-gcs-server $FAKE_GCS_VERSION into .tools/bin"
  GOBIN="$tools/bin" GOFLAGS=-mod=mod go install "github.com/fsouza/fake-gcs-server@$FAKE_GCS_VERSION"
  echo "$FAKE_GCS_VERSION" >"$tools/bin/.fake-gcs-server.version"
fi
