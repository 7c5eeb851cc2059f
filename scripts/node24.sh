#!/usr/bin/env bash
# Runs a command with Node 24 (the Actions runtime, with native zstd in node:zlib), installing
# it once from the npm registry (package node@24) into .cache/node24.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
prefix="$here/.cache/node24"
bin="$prefix/node_modules/node/bin/node"
if [ ! -x "$bin" ] || ! "$bin" --version >/dev/null 2>&1; then
  mkdir -p "$prefix"
  [ -f "$prefix/package.json" ] || echo '{"name":"node24-runtime","private":true}' > "$prefix/package.json"
  npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error node@24.9.0 >&2
fi
export PATH="$prefix/node_modules/node/bin:$PATH"
exec "$@"
