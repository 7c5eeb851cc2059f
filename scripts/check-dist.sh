#!/usr/bin/env bash
# dist/ is what the Action runs: it must be exactly what a fresh build of src/ produces.
set -euo pipefail
cd "$(dirname "$0")/.."
# The WebAssembly template reader is compiled from wasm/ into src/: the committed module must be that build.
node scripts/build-wasm.mjs --check
npm run --silent build >/dev/null
if ! git diff --quiet --exit-code -- dist || [ -n "$(git status --porcelain -- dist)" ]; then
  echo "dist/ differs from a fresh build of src/: run 'npm run build' and commit dist/." >&2
  git status --short -- dist >&2
  git diff --stat -- dist >&2
  exit 1
fi
echo "dist/ matches a fresh build."
