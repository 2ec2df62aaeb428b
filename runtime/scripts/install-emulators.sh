#!/usr/bin/env bash
# Installs the local emulators the tests and the demo use into .tools/ (placeholder,
# filled in with the emulator harness).
set -euo pipefail
