#!/usr/bin/env bash
# Installs the Debian packages behind missing commands, and nothing when all are present.
# Usage: apt-install.sh <label> <command>=<package>...  (the label prefixes every message).
# Needs root and apt-get only when something is missing; otherwise it says what to run.
set -euo pipefail

label=$1
shift
missing=()
for pair in "$@"; do
  command -v "${pair%%=*}" >/dev/null 2>&1 || missing+=("${pair#*=}")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "$label: apt-get not found; install ${missing[*]} with your package manager" >&2
  exit 2
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "$label: ${missing[*]} missing; run as root or apt-get install -y ${missing[*]}" >&2
  exit 2
fi
echo "$label: installing ${missing[*]} from Debian packages"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
