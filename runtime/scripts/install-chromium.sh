#!/usr/bin/env bash
# Installs headless Chromium and poppler-utils (pdftotext) from Debian packages, for the
# morning report's PDF rendering and its HTML/PDF tests. Quick when both are present.
set -euo pipefail
exec bash "$(dirname "$0")/apt-install.sh" install-chromium chromium=chromium pdftotext=poppler-utils
