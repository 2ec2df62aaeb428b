#!/usr/bin/env bash
# Installs headless Chromium and poppler-utils (pdftotext) from Debian packages, for the
# morning report's PDF rendering and its HTML/PDF tests. Quick when both are present.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-chromium: ${missing[*]} missing; run as root or apt-get install -y ${missing[*]}" >&2
  exit 2
fi
echo "install-chromium: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
