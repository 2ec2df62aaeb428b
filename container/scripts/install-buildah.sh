#!/usr/bin/env bash
# Installs what the image test needs from Debian packages, when missing: buildah builds
# and runs the image without a daemon; debootstrap assembles the local base image's
# rootfs, because no image registry is reachable from every machine. Needs root and apt.
set -euo pipefail

wanted=(buildah debootstrap)
missing=()
for tool in "${wanted[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-buildah: apt-get not found; install ${missing[*]} with your package manager" >&2
  exit 2
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-buildah: installing ${missing[*]} needs root (run: sudo $0)" >&2
  exit 2
fi

echo "install-buildah: installing ${missing[*]} from Debian packages"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
