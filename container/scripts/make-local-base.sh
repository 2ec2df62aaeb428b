#!/usr/bin/env bash
# Assembles a stand-in for the official Node base image without any image registry: a
# minimal Debian rootfs from the Debian mirror (debootstrap) plus the project's pinned Node
# binary (.tools/bin/node, from runtime/scripts/bootstrap.sh), committed with buildah as
# localhost/escher-base:test. The rootfs is cached in .tools/container/ because debootstrap
# takes minutes; the image itself is rebuilt from that cache in seconds.
# Usage: make-local-base.sh [image-name]   (needs root, buildah and debootstrap)
set -euo pipefail

image="${1:-localhost/escher-base:test}"
suite="${DEBIAN_SUITE:-bookworm}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
# vfs works everywhere buildah does (no overlay mounts inside containers or CI runners).
storage_driver="${STORAGE_DRIVER:-vfs}"
b() { buildah --storage-driver "$storage_driver" "$@"; }

root="$(cd "$(dirname "$0")/../.." && pwd)"
cache="$root/.tools/container"
rootfs_tar="$cache/debian-$suite-rootfs.tar"
node_bin="$(readlink -f "$root/.tools/bin/node" || true)"
if [ ! -x "$node_bin" ]; then
  echo "make-local-base: .tools/bin/node is missing; run runtime/scripts/bootstrap.sh first" >&2
  exit 2
fi

if [ ! -s "$rootfs_tar" ]; then
  echo "make-local-base: debootstrap $suite (minbase) from $mirror into .tools/container/ (a few minutes, once)"
  mkdir -p "$cache"
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  debootstrap --variant=minbase "$suite" "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    { tail -20 "$work/debootstrap.log" >&2; exit 1; }
  # Package lists and caches only make the base bigger; a runner base never installs.
  rm -rf "$work/rootfs/var/cache/apt/"* "$work/rootfs/var/lib/apt/lists/"* "$work/rootfs/var/log/"*
  tar --numeric-owner -C "$work/rootfs" -cf "$rootfs_tar.tmp" .
  mv "$rootfs_tar.tmp" "$rootfs_tar"
  rm -rf "$work"
  trap - EXIT
fi

ctr="$(b from scratch)"
cleanup_ctr() { b rm "$ctr" >/dev/null 2>&1 || true; }
trap cleanup_ctr EXIT
b add --quiet "$ctr" "$rootfs_tar" / >/dev/null
b copy --quiet --chmod 0755 "$ctr" "$node_bin" /usr/local/bin/node >/dev/null
b config \
  --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  --env NODE_VERSION="$("$node_bin" --version | sed 's/^v//')" \
  --cmd node "$ctr"
b commit --quiet --rm "$ctr" "$image" >/dev/null
trap - EXIT
echo "make-local-base: $image ready (Debian $suite + Node $("$node_bin" --version))"
