#!/usr/bin/env bash
# Installs what the image test needs from Debian packages, when missing: buildah builds
# and runs the image without a daemon; debootstrap assembles the local base image's
# rootfs, because no image registry is reachable from every machine. Needs root and apt.
set -euo pipefail
exec bash "$(dirname "$0")/../../runtime/scripts/apt-install.sh" install-buildah \
  buildah=buildah debootstrap=debootstrap
